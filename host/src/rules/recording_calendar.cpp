#include "rules/recording_calendar.h"

namespace beacon::rules {

sdk::Result<sdk::Date> RecordingCalendar::addWorkingDays(const sdk::Date& from, int n) const {
  auto due = calendar_.addWorkingDays(from, n);
  if (due.isOk() && isProvisionalBetween(calendar_, from, due.value()))
    provisional_.insert(due.value().toDays());
  return due;
}

}  // namespace beacon::rules
