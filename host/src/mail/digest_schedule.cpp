#include "mail/digest_schedule.h"

#include <algorithm>

namespace beacon::mail {

namespace {
constexpr long kOverdueEveryDays = 7;
}  // namespace

bool inDigest(const rules::ObligationRow& row, const sdk::Date& day,
              const std::vector<int>& schedule) {
  if (!row.applicable() || !row.due().isSet()) return false;
  const sdk::ObligationStatus s = row.status();
  const bool to_do = s == sdk::ObligationStatus::DueSoon || s == sdk::ObligationStatus::Upcoming ||
                     s == sdk::ObligationStatus::Overdue ||
                     (s == sdk::ObligationStatus::Met && !row.periodSatisfied());
  if (!to_do) return false;
  const long before = row.due().toDays() - day.toDays();
  if (before >= 0) {
    return std::find(schedule.begin(), schedule.end(), static_cast<int>(before)) != schedule.end();
  }
  return s == sdk::ObligationStatus::Overdue && (-before) % kOverdueEveryDays == 0;
}

}  // namespace beacon::mail
