// The checks a corrected review/evaluation, filing or corrective action must
// pass, the same as PlanService::addReview / addFiling / addCorrectiveAction
// apply to a new one (the version named or the plan's current one, real and
// not future dates, a filing not before its version's issue, a responsible
// organisation that exists). Each normalises its record (the version id) and
// returns the first problem naming its field. Not thread-safe (reads the Database).
#pragma once

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "store/corrective_action.h"
#include "store/database.h"

namespace beacon::service {

sdk::Status validateReview(store::Database& db, sdk::Review& review);
sdk::Status validateFiling(store::Database& db, sdk::Filing& filing);
sdk::Status validateCorrectiveAction(store::Database& db, const store::CorrectiveAction& action);

}  // namespace beacon::service
