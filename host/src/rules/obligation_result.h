// ObligationResult: one duty of a compliance check with its status as of the
// check's day (and, for met late, how late). A plain value.
#pragma once

#include "beacon/sdk/obligation.h"

namespace beacon::rules {

struct ObligationResult {
  sdk::Obligation obligation;
  sdk::ObligationStatus status = sdk::ObligationStatus::Upcoming;
  long days_late = 0;  // MetLate only: the days its record came after the due date it answered
};

}  // namespace beacon::rules
