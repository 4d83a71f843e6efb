// Notification items: the duties of a set of kept compliance results that crossed a threshold
// the notifications page reports (即将到期 due soon, 逾期 overdue, 逾期完成 met late) after a
// given day, each with the day it crossed: due soon on its due date less the due-soon window (or
// the as-of day, if that is earlier: a duty warned early), overdue the day after its due date,
// met late on the day of the record that met it. Read from the engine's kept results
// (rules/obligation_tally.h positions), never by evaluating again. Stateless; thread-safe.
#pragma once

#include <vector>

#include "beacon/sdk/date.h"
#include "rules/obligation_set.h"

namespace beacon::rules {

struct NotificationItem {
  ObligationRow row;  // valid while the set it came from is alive
  sdk::Date crossed;
};

// The listed rows of `results` that crossed their threshold after `since` (unset: every one) and
// on or before `as_of`, newest crossing first, then by due date. `due_soon_days`: the rules'
// due-soon window (RulesConfig::dueSoonDays).
std::vector<NotificationItem> notificationsSince(const ObligationSet& results,
                                                 const sdk::Date& since, const sdk::Date& as_of,
                                                 int due_soon_days);

// How many notificationsSince would give, without sorting them.
std::size_t notificationCountSince(const ObligationSet& results, const sdk::Date& since,
                                   const sdk::Date& as_of, int due_soon_days);

}  // namespace beacon::rules
