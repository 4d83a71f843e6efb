#include "fire_period.h"

#include <string>

#include "beacon/sdk/rule_inputs.h"

namespace beacon::plugins::forest_fire {

sdk::Result<FirePeriod> firePeriodStartingIn(int year, const sdk::RuleParameters& parameters) {
  auto start = sdk::yearlyDay(parameters, kPeriodStartKey, year, year, kDefaultPeriodStart);
  if (!start.isOk()) return start.status();
  if (start.value().month < 7) {
    return sdk::Status::invalid(std::string(kPeriodStartKey) + "." + std::to_string(year),
                                "the period must start in the second half of the year, got " +
                                    start.value().toString());
  }
  auto end = sdk::yearlyDay(parameters, kPeriodEndKey, year, year + 1, kDefaultPeriodEnd);
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
