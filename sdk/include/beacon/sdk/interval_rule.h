// Helpers every domain's rules share, so an interval duty ("drill every 6
// months", "evaluate every 36 months") is computed one way everywhere.
// Stateless functions; thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "beacon/sdk/export.h"
#include "beacon/sdk/obligation.h"

namespace beacon::sdk {

// Fills o.due and o.last_met for a duty repeating every `months`: due
// `months` after the latest of `done` dated on or before as_of, or `months`
// after `anchor` (e.g. plan issue date, tracking start) when nothing is done.
BEACON_SDK_API void applyInterval(Obligation& o, const std::vector<RecordRef>& done,
                                  const Date& anchor, int months, const Date& as_of);

// Fills o.due (the period's last day) and o.period_satisfied for a duty due
// once per calendar year: met by any record dated in as_of's year.
BEACON_SDK_API void applyCalendarYear(Obligation& o, const std::vector<RecordRef>& done,
                                      const Date& as_of);

// Fills a once-a-year seasonal checkpoint: due on `deadline` (month/day) of
// as_of's year, met by a record in the `months` before it.
BEACON_SDK_API void applyAnnualDeadline(Obligation& o, const std::vector<RecordRef>& done,
                                        int deadline_month, int deadline_day, int window_months,
                                        const Date& as_of);

}  // namespace beacon::sdk
