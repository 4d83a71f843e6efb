#include "rules/notification_items.h"

#include <algorithm>

#include "rules/obligation_tally.h"

namespace beacon::rules {

namespace {

constexpr sdk::ObligationStatus kNotified[] = {
    sdk::ObligationStatus::DueSoon, sdk::ObligationStatus::Overdue, sdk::ObligationStatus::MetLate};

sdk::Date crossedOn(const ObligationRow& r, const sdk::Date& as_of, int due_soon_days) {
  switch (r.status()) {
    case sdk::ObligationStatus::DueSoon: {
      const sdk::Date from = r.due().addDays(-due_soon_days);
      return from < as_of ? from : as_of;
    }
    case sdk::ObligationStatus::Overdue:
      return r.due().addDays(1);
    default: {
      const sdk::Date met = r.lastMetDate().isSet() ? r.lastMetDate() : listedDue(r);
      return met < as_of ? met : as_of;
    }
  }
}

template <typename Visit>
void eachCrossed(const ObligationSet& results, const sdk::Date& since, const sdk::Date& as_of,
                 int due_soon_days, Visit visit) {
  for (const auto& chunk : results.chunks()) {
    for (const auto status : kNotified) {
      for (const std::uint32_t i : chunk->tally().inOrder(status)) {
        const ObligationRow row = (*chunk)[i];
        const sdk::Date crossed = crossedOn(row, as_of, due_soon_days);
        if (since.isSet() && crossed <= since) continue;
        visit(row, crossed);
      }
    }
  }
}

}  // namespace

std::vector<NotificationItem> notificationsSince(const ObligationSet& results,
                                                 const sdk::Date& since, const sdk::Date& as_of,
                                                 int due_soon_days) {
  std::vector<NotificationItem> out;
  eachCrossed(results, since, as_of, due_soon_days,
              [&](const ObligationRow& row, const sdk::Date& crossed) {
                out.push_back({row, crossed});
              });
  std::stable_sort(out.begin(), out.end(),
                   [](const NotificationItem& a, const NotificationItem& b) {
                     if (a.crossed != b.crossed) return b.crossed < a.crossed;
                     return listedDue(a.row) < listedDue(b.row);
                   });
  return out;
}

std::size_t notificationCountSince(const ObligationSet& results, const sdk::Date& since,
                                   const sdk::Date& as_of, int due_soon_days) {
  std::size_t n = 0;
  eachCrossed(results, since, as_of, due_soon_days,
              [&](const ObligationRow&, const sdk::Date&) { ++n; });
  return n;
}

}  // namespace beacon::rules
