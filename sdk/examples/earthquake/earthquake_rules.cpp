#include "earthquake_rules.h"

#include <map>
#include <string>

#include "beacon/sdk/all_or_nothing.h"
#include "beacon/sdk/interval_rule.h"

namespace example::earthquake {

namespace sdk = beacon::sdk;

namespace {

sdk::RuleInfo townshipDrillRule() {
  return {"earthquake.township_drill",
          "乡镇（街道）定期开展地震应急演练（本地政策）",
          "Townships and sub-districts drill for earthquakes regularly (local policy)",
          "本地政策（无法定演练周期：原《突发事件应急预案管理办法》（国办发〔2013〕101号）第二十二"
          "条第三款"
          "要求地震等灾害易发地区的政府经常性开展应急演练，未规定次数）",
          sdk::RuleBasis::Policy,
          std::string(kTownshipIntervalKey) + ", rules.tracking_start", sdk::RuleScope::Organisation};
}

sdk::Status evaluateRules(const sdk::RuleContext& ctx, std::vector<sdk::Obligation>& out) {
  auto tracking = sdk::trackingStart(ctx.parameters);
  if (!tracking.isOk()) return tracking.status();
  auto months = sdk::intervalMonths(ctx.parameters, kTownshipIntervalKey, kTownshipIntervalDefault);
  if (!months.isOk()) return months.status();

  std::map<sdk::RecordId, std::vector<sdk::RecordRef>> by_org;
  for (const auto& d : ctx.records.drills(tracking.value(), ctx.as_of)) {
    by_org[d.org_id].push_back({"drill", d.id, d.date});
  }
  const sdk::RuleInfo rule = townshipDrillRule();
  for (const auto& org : ctx.records.organisations()) {
    if (org.kind != sdk::OrgKind::Township && org.kind != sdk::OrgKind::SubDistrict) continue;
    sdk::Obligation o =
        sdk::obligationFor(rule, "earthquake", sdk::ObligationKind::Drill, org.id, 0);
    sdk::applyInterval(o, by_org[org.id], tracking.value(), months.value(), ctx.as_of);
    out.push_back(std::move(o));
  }
  return sdk::Status::ok();
}

}  // namespace

std::vector<sdk::RuleInfo> EarthquakeRules::rules() const { return {townshipDrillRule()}; }

std::vector<sdk::ParameterSpec> EarthquakeRules::parameters() const {
  // Integer months, at least 1 (intervalMonths refuses 0), at most 1200.
  return {{kTownshipIntervalKey, sdk::ParameterType::Integer,
           std::to_string(kTownshipIntervalDefault), 1, 1200, false,
           "乡镇（街道）地震应急演练间隔（月）"}};
}

sdk::Status EarthquakeRules::evaluate(const sdk::RuleContext& ctx,
                                      std::vector<sdk::Obligation>& out) const {
  return sdk::evaluateAllOrNothing("earthquake", out, [&](std::vector<sdk::Obligation>& found) {
    return evaluateRules(ctx, found);
  });
}

}  // namespace example::earthquake
