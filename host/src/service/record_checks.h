// Small checks the services share: record codes ([A-Za-z0-9._-]) and real
// calendar dates. Stateless functions; thread-safe.
#pragma once

#include <string>

#include "beacon/sdk/date.h"

namespace beacon::service {

bool isValidCode(const std::string& code);
// A set date that names a real calendar day.
bool isValidDate(const sdk::Date& date);
// The local calendar day now.
sdk::Date today();

}  // namespace beacon::service
