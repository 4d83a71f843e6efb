// FloodSeason: Henan's flood season (汛期), 05-15 to 09-30 by default
// (河南省实施《防洪法》办法 第二十七条). The provincial flood headquarters may
// move either end in a given year; a deployment records that with
// rules.flood.season_start.<year> / rules.flood.season_end.<year> ("MM-DD"),
// falling back to rules.flood.season_start / season_end, then to the law.
// Pure functions of the parameters; thread-safe.
#pragma once

#include <string>

#include <vector>

#include "beacon/sdk/date.h"
#include "beacon/sdk/duty_period.h"
#include "beacon/sdk/host_services.h"
#include "beacon/sdk/status.h"

namespace beacon::plugins::flood {

inline constexpr const char* kSeasonStartKey = "rules.flood.season_start";
inline constexpr const char* kSeasonEndKey = "rules.flood.season_end";
inline constexpr const char* kDefaultSeasonStart = "05-15";
inline constexpr const char* kDefaultSeasonEnd = "09-30";
inline constexpr const char* kSeasonCitation = "河南省实施《防洪法》办法 第二十七条 (汛期5月15日至9月30日)";

struct FloodSeason {
  sdk::Date start;  // first day of the season
  sdk::Date end;    // last day of the season
  bool contains(const sdk::Date& day) const { return start <= day && day <= end; }
};

// The season of `year`. Fails, naming the key, for a value that is not a
// valid MM-DD in that year or an end not after the start.
sdk::Result<FloodSeason> floodSeason(int year, const sdk::RuleParameters& parameters);

sdk::Result<bool> isInFloodSeason(const sdk::Date& day, const sdk::RuleParameters& parameters);

// The last day of the season of `year` only (a start key that does not exist
// that year, e.g. 02-29, does not matter here). Fails naming the key.
sdk::Result<sdk::Date> floodSeasonEnd(int year, const sdk::RuleParameters& parameters);

// Appends the season of `day`'s year to `out` when it contains `day` (the
// PeriodCalendar answer of the flood plugin). Fails naming the key.
sdk::Status floodSeasonsContaining(const sdk::Date& day, const sdk::RuleParameters& parameters,
                                   std::vector<sdk::DutyPeriod>& out);

}  // namespace beacon::plugins::flood
