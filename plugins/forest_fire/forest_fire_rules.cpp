#include "forest_fire_rules.h"

#include "beacon/sdk/all_or_nothing.h"

#include <algorithm>
#include <exception>
#include <map>
#include <string>

#include "beacon/sdk/interval_rule.h"
#include "beacon/sdk/rule_inputs.h"
#include "fields.h"
#include "fire_period.h"

namespace beacon::plugins::forest_fire {

namespace {

sdk::RuleInfo predrillRule() {
  return {"forest_fire.predrill",
          "有森林防火任务的乡镇（街道）防火期前扑火演练",
          "Townships with forest-fire duty drill before the fire-prevention period",
          "《河南省森林防火条例》第二十二条（森林防火期11月1日至次年4月30日）；演练频次为本地政策"
          "（《森林防火条例》第十六条只要求“必要的”演练）※演练频次无法定要求，本地政策的依据未经确认",
          sdk::RuleBasis::Policy,
          std::string(kPredrillWindowKey) + ", " + kPeriodStartKey + ", " + kPeriodStartKey +
              ".<year>, " + kPeriodEndKey + ", " + kPeriodEndKey + ".<year>", sdk::RuleScope::Organisation};
}

sdk::Status evaluateRules(const sdk::RuleContext& ctx, std::vector<sdk::Obligation>& out) {
  // Any day inside a period sees that period (2024-01-01 still sees 2023-11-01 .. 2024-04-30).
  auto period = firePeriodFor(ctx.as_of, ctx.parameters);
  if (!period.isOk()) return period.status();
  auto before = firePeriodStartingIn(period.value().start.year - 1, ctx.parameters);
  if (!before.isOk()) return before.status();
  auto window = sdk::intervalMonths(ctx.parameters, kPredrillWindowKey, kPredrillWindowMonths);
  if (!window.isOk()) return window.status();
  const sdk::Date deadline = period.value().start;
  const sdk::Date late_until = period.value().end;
  // A drill inside the period before belongs to that period, never to this one.
  const sdk::Date from = std::max(deadline.addMonths(-window.value()), before.value().end.addDays(1));

  std::map<sdk::RecordId, std::vector<sdk::RecordRef>> by_org;
  for (const auto& g : sdk::periodDrills(ctx.records, from, deadline, late_until, ctx.as_of)) {
    by_org[g.org_id].push_back(g.drill);
  }
  const sdk::RuleInfo rule = predrillRule();
  for (const auto& org : ctx.records.organisations()) {
    const bool township =
        org.kind == sdk::OrgKind::Township || org.kind == sdk::OrgKind::SubDistrict;
    if (!township || !sdk::isTrue(org, kDutyAttribute)) continue;
    sdk::Obligation o =
        sdk::obligationFor(rule, "forest_fire", sdk::ObligationKind::Drill, org.id, 0);
    sdk::applyPeriodDeadline(o, by_org[org.id], from, deadline, late_until, ctx.as_of);
    o.note =
        "森林防火期 " + period.value().start.toString() + " .. " + period.value().end.toString();
    out.push_back(std::move(o));
  }
  return sdk::Status::ok();
}

}  // namespace

std::vector<sdk::RuleInfo> ForestFireRules::rules() const { return {predrillRule()}; }

sdk::Status ForestFireRules::evaluate(const sdk::RuleContext& ctx,
                                      std::vector<sdk::Obligation>& out) const {
  return sdk::evaluateAllOrNothing("forest_fire", out, [&](std::vector<sdk::Obligation>& found) {
    return evaluateRules(ctx, found);
  });
}

std::vector<sdk::ParameterSpec> ForestFireRules::parameters() const {
  using sdk::ParameterType;
  return {
      {kPeriodStartKey, ParameterType::MonthDay, kDefaultPeriodStart, 0, 0, true, "森林防火期开始（月-日）"},
      {kPeriodEndKey, ParameterType::MonthDay, kDefaultPeriodEnd, 0, 0, true, "森林防火期结束（次年，月-日）"},
      {kPredrillWindowKey, ParameterType::Integer, std::to_string(kPredrillWindowMonths), 1, 1200, false,
       "防火期前演练计入的月数"},
  };
}

}  // namespace beacon::plugins::forest_fire
