#include "fire_period.h"

#include <string>

namespace beacon::plugins::forest_fire {

namespace {
// Reads "<base>.<key_year>", else "<base>", else the default, as a day of `day_year`.
sdk::Result<sdk::Date> periodDay(int key_year, int day_year, const std::string& base, const char* fallback,
                                 const sdk::RuleParameters& parameters) {
  std::string key = base + "." + std::to_string(key_year);
  std::string text = parameters.stringValue(key, "");
  if (text.empty()) {
    key = base;
    text = parameters.stringValue(base, fallback);
  }
  const bool shaped = text.size() == 5 && text[2] == '-';
  auto day = shaped ? sdk::Date::parse(std::to_string(day_year) + "-" + text) : std::nullopt;
  if (!day) {
    return sdk::Status::invalid(key, "must be a day MM-DD that exists in " + std::to_string(day_year) +
                                         ", got \"" + text + "\"");
  }
  return *day;
}
}  // namespace

sdk::Result<FirePeriod> firePeriodStartingIn(int year, const sdk::RuleParameters& parameters) {
  auto start = periodDay(year, year, kPeriodStartKey, kDefaultPeriodStart, parameters);
  if (!start.isOk()) return start.status();
  if (start.value().month < 7) {
    return sdk::Status::invalid(std::string(kPeriodStartKey) + "." + std::to_string(year),
                                "the period must start in the second half of the year, got " +
                                    start.value().toString());
  }
  auto end = periodDay(year, year + 1, kPeriodEndKey, kDefaultPeriodEnd, parameters);
  if (!end.isOk()) return end.status();
  if (end.value().month > 6) {
    return sdk::Status::invalid(std::string(kPeriodEndKey) + "." + std::to_string(year),
                                "the period must end in the first half of the next year, got " +
                                    end.value().toString());
  }
  return FirePeriod{start.value(), end.value()};
}

sdk::Result<bool> isInFirePeriod(const sdk::Date& day, const sdk::RuleParameters& parameters) {
  auto previous = firePeriodStartingIn(day.year - 1, parameters);
  if (!previous.isOk()) return previous.status();
  if (previous.value().contains(day)) return true;
  auto current = firePeriodStartingIn(day.year, parameters);
  if (!current.isOk()) return current.status();
  return current.value().contains(day);
}

sdk::Result<FirePeriod> firePeriodFor(const sdk::Date& day, const sdk::RuleParameters& parameters) {
  auto previous = firePeriodStartingIn(day.year - 1, parameters);
  if (!previous.isOk()) return previous.status();
  if (previous.value().contains(day)) return previous.value();
  return firePeriodStartingIn(day.year, parameters);
}

sdk::Status firePeriodsContaining(const sdk::Date& day, const sdk::RuleParameters& parameters,
                                  std::vector<sdk::DutyPeriod>& out) {
  auto period = firePeriodFor(day, parameters);
  if (!period.isOk()) return period.status();
  if (period.value().contains(day)) {
    out.push_back({"forest_fire.period", "森林防火期", "forest-fire prevention period", period.value().start,
                   period.value().end, kPeriodCitation});
  }
  return sdk::Status::ok();
}

}  // namespace beacon::plugins::forest_fire
