// FirePeriod: Henan's forest-fire prevention period (森林防火期/紧要期),
// 11-01 to 04-30 of the next year (河南省森林防火条例 第二十二条). The county
// government may start it earlier or extend it; a deployment records that
// per period with rules.forest_fire.period_start.<year> and
// rules.forest_fire.period_end.<year> ("MM-DD"), where <year> is the year
// the period STARTS in and the end day falls in the following year; the
// unsuffixed keys apply to every year. Pure functions; thread-safe.
#pragma once

#include <vector>

#include "beacon/sdk/date.h"
#include "beacon/sdk/duty_period.h"
#include "beacon/sdk/host_services.h"
#include "beacon/sdk/status.h"

namespace beacon::plugins::forest_fire {

inline constexpr const char* kPeriodStartKey = "rules.forest_fire.period_start";
inline constexpr const char* kPeriodEndKey = "rules.forest_fire.period_end";
inline constexpr const char* kDefaultPeriodStart = "11-01";
inline constexpr const char* kDefaultPeriodEnd = "04-30";
inline constexpr const char* kPeriodCitation = "河南省森林防火条例 第二十二条 (森林防火期11月1日至次年4月30日)";

struct FirePeriod {
  sdk::Date start;  // first day, in the starting year
  sdk::Date end;    // last day, in the following year
  bool contains(const sdk::Date& day) const { return start <= day && day <= end; }
};

// The period starting in `year`. Fails, naming the key, for a value that is
// not a valid MM-DD, a start before 07-01 or an end after 06-30, so that a
// period never overlaps the next.
sdk::Result<FirePeriod> firePeriodStartingIn(int year, const sdk::RuleParameters& parameters);

// Whether `day` lies in a fire-prevention period (the one starting in its
// own year or the one that started the year before).
sdk::Result<bool> isInFirePeriod(const sdk::Date& day, const sdk::RuleParameters& parameters);

// The period a duty as of `day` is about: the one containing `day` (which
// may have started the year before), else the next, starting in `day`'s year.
sdk::Result<FirePeriod> firePeriodFor(const sdk::Date& day, const sdk::RuleParameters& parameters);

// Appends the period containing `day`, if any, to `out` (the PeriodCalendar
// answer of the forest-fire plugin). Fails naming the key.
sdk::Status firePeriodsContaining(const sdk::Date& day, const sdk::RuleParameters& parameters,
                                  std::vector<sdk::DutyPeriod>& out);

}  // namespace beacon::plugins::forest_fire
