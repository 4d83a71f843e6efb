// tokenExpiry: reads the expiry an administrator gives a new API token,
// either a date "YYYY-MM-DD" (the token works through that day and stops at
// the next midnight, server local time) or a number of days from now
// (1..3650), into the ISO timestamp (UTC) stored in api_tokens.expires_at.
// Fails naming `option` for anything else, or a date that is not after
// today. Pure function of its arguments; thread-safe.
#pragma once

#include <string>

#include <Poco/Timestamp.h>

#include "beacon/sdk/status.h"

namespace beacon::auth {

sdk::Result<std::string> tokenExpiry(const std::string& value, const std::string& option,
                                     const Poco::Timestamp& now = Poco::Timestamp());

}  // namespace beacon::auth
