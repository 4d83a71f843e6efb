#include "season.h"

namespace beacon::plugins::flood {

namespace {
// Reads "<base>.<year>", else "<base>", else the default, as a day of `year`.
sdk::Result<sdk::Date> seasonDay(int year, const std::string& base, const std::string& fallback,
                                 const sdk::RuleParameters& parameters) {
  const std::string year_key = base + "." + std::to_string(year);
  std::string key = year_key;
  std::string text = parameters.stringValue(year_key, "");
  if (text.empty()) {
    key = base;
    text = parameters.stringValue(base, fallback);
  }
  const bool shaped = text.size() == 5 && text[2] == '-';
  auto day = shaped ? sdk::Date::parse(std::to_string(year) + "-" + text) : std::nullopt;
  if (!day) {
    return sdk::Status::invalid(key, "must be a day MM-DD that exists in " + std::to_string(year) +
                                         ", got \"" + text + "\"");
  }
  return *day;
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
