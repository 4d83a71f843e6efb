#include "season.h"

#include "beacon/sdk/rule_inputs.h"

namespace beacon::plugins::flood {

namespace {
sdk::Result<sdk::Date> seasonDay(int year, const std::string& base, const std::string& fallback,
                                 const sdk::RuleParameters& parameters) {
  return sdk::yearlyDay(parameters, base, year, year, fallback);
}
}  // namespace

sdk::Result<FloodSeason> floodSeason(int year, const sdk::RuleParameters& parameters) {
  auto start = seasonDay(year, kSeasonStartKey, kDefaultSeasonStart, parameters);
  if (!start.isOk()) return start.status();
  auto end = floodSeasonEnd(year, parameters);
  if (!end.isOk()) return end.status();
  if (!(start.value() < end.value())) {
    return sdk::Status::invalid(std::string(kSeasonEndKey) + "." + std::to_string(year),
                                "the flood season of " + std::to_string(year) + " must end after it starts (" +
                                    start.value().toString() + " .. " + end.value().toString() + ")");
  }
  return FloodSeason{start.value(), end.value()};
}

sdk::Result<sdk::Date> floodSeasonEnd(int year, const sdk::RuleParameters& parameters) {
  return seasonDay(year, kSeasonEndKey, kDefaultSeasonEnd, parameters);
}

sdk::Status floodSeasonsContaining(const sdk::Date& day, const sdk::RuleParameters& parameters,
                                   std::vector<sdk::DutyPeriod>& out) {
  auto season = floodSeason(day.year, parameters);
  if (!season.isOk()) return season.status();
  if (season.value().contains(day)) {
    out.push_back({"flood.season", "汛期", "flood season", season.value().start, season.value().end,
                   kSeasonCitation});
  }
  return sdk::Status::ok();
}

sdk::Result<bool> isInFloodSeason(const sdk::Date& day, const sdk::RuleParameters& parameters) {
  auto season = floodSeason(day.year, parameters);
  if (!season.isOk()) return season.status();
  return season.value().contains(day);
}

}  // namespace beacon::plugins::flood
