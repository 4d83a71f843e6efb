// Henan Fire Day (河南省消防日), 9 November every year (河南省消防条例
// 第八条), around which townships hold fire drills and publicity.
// Pure function; thread-safe.
#pragma once

#include "beacon/sdk/date.h"

namespace beacon::plugins::fire {

inline constexpr int kFireDayMonth = 11;
inline constexpr int kFireDayDay = 9;

inline sdk::Date henanFireDay(int year) { return sdk::Date{year, kFireDayMonth, kFireDayDay}; }

}  // namespace beacon::plugins::fire
