// DigestSchedule: whether a duty goes into the daily digest of a given day (mail.schedule): a
// duty still to do is in it on each listed day before its due date (default 30, 14, 7 and 0:
// the due date itself), and, once overdue, every 7 days after its due date. Stateless;
// thread-safe.
#pragma once

#include <vector>

#include "beacon/sdk/date.h"
#include "rules/obligation_row.h"

namespace beacon::mail {

// Whether `row` (as of `day`) is in the digest of `day`.
bool inDigest(const rules::ObligationRow& row, const sdk::Date& day,
              const std::vector<int>& schedule);

}  // namespace beacon::mail
