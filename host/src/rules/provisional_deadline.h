// Provisional deadlines: a day in a year the holiday calendar has no data for
// counts weekends only (HolidayCalendar never fails for it), so a working-day
// deadline counted through such a day is provisional until that year's
// schedule is imported (`beacon calendar import`). The rules mark it with
// kProvisionalNote in the obligation's note (the SDK's Obligation has no flag
// for it); these read the mark back for the renderings that show a due date
// without the note (dashboard, summaries). Stateless; thread-safe.
#pragma once

#include <string>

#include "beacon/sdk/obligation.h"
#include "rules/holiday_calendar.h"

namespace beacon::rules {

// The mark on such a deadline's note (zh-CN: the notes are Chinese text;
// renderings in English show provisionalLabel(true) next to the due date).
inline constexpr const char* kProvisionalNote = "暂按周末推算，待公布节假日安排后更新";

inline bool coversYear(const HolidayCalendar& calendar, int year) {
  return year >= calendar.firstYear() && year <= calendar.lastYear();
}

// Whether a deadline counted from `from` to `to` passes a day (after `from`, up to `to`) of a
// year without data.
inline bool isProvisionalBetween(const HolidayCalendar& calendar, const sdk::Date& from,
                                 const sdk::Date& to) {
  if (!from.isSet() || !to.isSet() || to <= from) return false;
  for (int year = from.addDays(1).year; year <= to.year; ++year) {
    if (!coversYear(calendar, year)) return true;
  }
  return false;
}

inline bool isProvisionalNote(const std::string& note) {
  return note.find(kProvisionalNote) != std::string::npos;
}
inline bool isProvisionalDeadline(const sdk::Obligation& o) { return isProvisionalNote(o.note); }

// The mark next to such a due date, in the page's language.
inline std::string provisionalLabel(bool english) {
  return english ? "provisional: weekends only until the holiday schedule is published"
                 : "暂按周末推算，待公布节假日安排后更新";
}

}  // namespace beacon::rules
