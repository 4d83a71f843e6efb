#include "flood_rules.h"

#include "beacon/sdk/all_or_nothing.h"

#include <algorithm>
#include <exception>
#include <map>

#include "beacon/sdk/interval_rule.h"
#include "beacon/sdk/rule_inputs.h"
#include "drill_types.h"
#include "fields.h"
#include "season.h"

namespace beacon::plugins::flood {

namespace {

const char* kDomain = "flood";
const char* kSeasonCitation = "《河南省实施〈中华人民共和国防洪法〉办法》第二十七条（汛期5月15日至9月30日）";

sdk::RuleInfo preseasonDrillRule() {
  return {"flood.preseason_drill",
          "汛前防汛演练（乡镇街道、山洪灾害危险区村社区）",
          "Pre-season flood drill (townships; villages in flash-flood zones)",
          std::string(kSeasonCitation) +
              "；2022年4月河南省防汛工作会议部署“山洪灾害危险区逐村逐户转移演练”（政策）"
              "※演练要求来自会议部署的新闻报道，不是法规条款",
          sdk::RuleBasis::Policy,
          std::string(kPreseasonWindowKey) +
              ", rules.flood.season_start, rules.flood.season_start.<year>, "
              "rules.flood.season_end, rules.flood.season_end.<year>", sdk::RuleScope::Organisation};
}

sdk::RuleInfo cityPlanPreseasonRule() {
  return {"flood.city_plan_preseason",
          "市防汛专项预案汛前修订评估或演练",
          "City flood special plan revised, evaluated or drilled before the season",
          std::string(kSeasonCitation) + "；汛前预案修订与演练（惯例、政策）※未见法定条款",
          sdk::RuleBasis::Policy,
          std::string(kPreseasonWindowKey) +
              ", rules.flood.season_start, rules.flood.season_start.<year>", sdk::RuleScope::Organisation};
}

bool isLive(const std::string& drill_type) {
  const sdk::DrillType* type = findDrillType(drill_type);
  return type && type->form == sdk::DrillForm::Live;
}

sdk::Status evaluateRules(const sdk::RuleContext& ctx, std::vector<sdk::Obligation>& out) {
  auto season = floodSeason(ctx.as_of.year, ctx.parameters);
  if (!season.isOk()) return season.status();
  auto previous_end = floodSeasonEnd(ctx.as_of.year - 1, ctx.parameters);
  if (!previous_end.isOk()) return previous_end.status();
  auto window = sdk::intervalMonths(ctx.parameters, kPreseasonWindowKey, kPreseasonWindowMonths);
  if (!window.isOk()) return window.status();
  const sdk::Date deadline = season.value().start;
  const sdk::Date late_until = season.value().end;
  // A record dated inside (or before) last year's season belongs to that season, never to this one.
  const sdk::Date from = std::max(deadline.addMonths(-window.value()), previous_end.value().addDays(1));

  std::map<sdk::RecordId, std::vector<sdk::RecordRef>> any_drill;
  std::map<sdk::RecordId, std::vector<sdk::RecordRef>> live_drill;
  std::map<sdk::RecordId, std::vector<sdk::RecordRef>> plan_records;
  for (const auto& g : sdk::periodDrills(ctx.records, from, deadline, late_until, ctx.as_of)) {
    any_drill[g.org_id].push_back(g.drill);
    if (isLive(g.drill_type)) live_drill[g.org_id].push_back(g.drill);
    if (g.plan_id != 0) plan_records[g.plan_id].push_back(g.drill);
  }

  const auto organisations = ctx.records.organisations();
  std::map<sdk::RecordId, sdk::OrgKind> kinds;
  const sdk::RuleInfo preseason = preseasonDrillRule();
  for (const auto& org : organisations) {
    kinds[org.id] = org.kind;
    const bool township =
        org.kind == sdk::OrgKind::Township || org.kind == sdk::OrgKind::SubDistrict;
    const bool village =
        (org.kind == sdk::OrgKind::Village || org.kind == sdk::OrgKind::Community) &&
        sdk::isTrue(org, kFlashFloodZoneAttribute);
    if (!township && !village) continue;
    sdk::Obligation o =
        sdk::obligationFor(preseason, kDomain, sdk::ObligationKind::Drill, org.id, 0);
    sdk::applyPeriodDeadline(o, township ? any_drill[org.id] : live_drill[org.id], from, deadline,
                             late_until, ctx.as_of);
    o.note = "汛期 " + season.value().start.toString() + " .. " + season.value().end.toString();
    out.push_back(std::move(o));
  }

  const sdk::RuleInfo city_plan = cityPlanPreseasonRule();
  for (const auto& plan : ctx.records.plans()) {
    if (plan.category != sdk::category::kSpecial || plan.status == sdk::PlanStatus::Abolished)
      continue;
    auto owner = kinds.find(plan.owner_org_id);
    if (owner == kinds.end() || sdk::levelOf(owner->second) != sdk::PlanLevel::City) continue;
    std::vector<sdk::RecordRef> done = plan_records[plan.id];
    for (const auto& v : ctx.records.versions(plan.id)) {
      if (v.issued.isSet()) done.push_back({"version", v.id, v.issued});
    }
    for (const auto& r : ctx.records.reviews(plan.id)) done.push_back({"review", r.id, r.date});
    sdk::Obligation o = sdk::obligationFor(city_plan, kDomain, sdk::ObligationKind::Evaluation,
                                           plan.owner_org_id, plan.id);
    sdk::applyPeriodDeadline(o, done, from, deadline, late_until, ctx.as_of);
    o.note = "本预案的修订印发、评审评估或演练均可落实";
    out.push_back(std::move(o));
  }
  return sdk::Status::ok();
}

}  // namespace

std::vector<sdk::RuleInfo> FloodRules::rules() const {
  return {preseasonDrillRule(), cityPlanPreseasonRule()};
}

sdk::Status FloodRules::evaluate(const sdk::RuleContext& ctx,
                                 std::vector<sdk::Obligation>& out) const {
  return sdk::evaluateAllOrNothing(
      "flood", out, [&](std::vector<sdk::Obligation>& found) { return evaluateRules(ctx, found); });
}

std::vector<sdk::ParameterSpec> FloodRules::parameters() const {
  using sdk::ParameterType;
  return {
      {kSeasonStartKey, ParameterType::MonthDay, kDefaultSeasonStart, 0, 0, true, "汛期开始（月-日）"},
      {kSeasonEndKey, ParameterType::MonthDay, kDefaultSeasonEnd, 0, 0, true, "汛期结束（月-日）"},
      {kPreseasonWindowKey, ParameterType::Integer, std::to_string(kPreseasonWindowMonths), 1, 1200, false,
       "汛前演练计入的月数"},
  };
}

}  // namespace beacon::plugins::flood
