#include "fire_rules.h"

#include "beacon/sdk/all_or_nothing.h"

#include <algorithm>
#include <exception>
#include <map>
#include <string>

#include "beacon/sdk/interval_rule.h"
#include "beacon/sdk/rule_inputs.h"
#include "fields.h"
#include "fire_day.h"

namespace beacon::plugins::fire {

namespace {

const char* kDomain = "fire";
const char* k61 =
    "《机关、团体、企业、事业单位消防安全管理规定》（公安部令第61号）第四十条※内容已核，条号据二手资料，待核原文";

// A drill-interval rule and the parameter that tunes its length.
struct IntervalRule {
  sdk::RuleInfo info;
  const char* key;
  int default_months;
  bool zero_disables;
};

enum Which { kKeyUnit, kPropertyCommunity, kInstitution, kUnit, kVillage, kRuleCount };

const std::vector<IntervalRule>& intervalRules() {
  static const std::vector<IntervalRule> kRules = {
      {{"fire.key_unit_drill", "消防安全重点单位每半年灭火和应急疏散演练",
        "Key fire-safety unit drills every 6 months", k61, sdk::RuleBasis::Law,
        "rules.fire.key_unit_interval_months, rules.tracking_start", sdk::RuleScope::Organisation},
       "rules.fire.key_unit_interval_months",
       6,
       false},
      {{"fire.property_community_drill", "物业服务企业每年组织员工和居民消防演练",
        "Property-managed community drills with residents every year",
        "《河南省消防条例》第十七条第（五）项", sdk::RuleBasis::Law,
        "rules.fire.property_community_interval_months, rules.tracking_start", sdk::RuleScope::Organisation},
       "rules.fire.property_community_interval_months",
       12,
       false},
      {{"fire.institution_drill", "学校、幼儿园、养老院、福利院、医院每年消防演练",
        "Schools, kindergartens, nursing and welfare homes, hospitals drill every year",
        "《河南省消防条例》第三十七条", sdk::RuleBasis::Law,
        "rules.fire.institution_interval_months, rules.tracking_start", sdk::RuleScope::Organisation},
       "rules.fire.institution_interval_months",
       12,
       false},
      {{"fire.unit_drill", "其他单位每年灭火和应急疏散演练", "Other units drill every year", k61,
        sdk::RuleBasis::Law, "rules.fire.unit_interval_months, rules.tracking_start", sdk::RuleScope::Organisation},
       "rules.fire.unit_interval_months",
       12,
       false},
      {{"fire.village_drill", "村（社区）消防演练（本地政策）",
        "Village/community fire drill (local policy)",
        "本地政策（无法定演练周期：《中华人民共和国消防法》第三十二条、《河南省消防条例》第十六条）",
        sdk::RuleBasis::Policy,
        "rules.fire.village_interval_months (0 disables), rules.tracking_start", sdk::RuleScope::Organisation},
       "rules.fire.village_interval_months",
       12,
       true},
  };
  return kRules;
}

const char* kFireDayWindowKey = "rules.fire.fire_day_window_months";
constexpr int kFireDayWindowMonths = 1;  // 0 disables

sdk::RuleInfo fireDayRule() {
  return {"fire.fire_day",
          "乡镇（街道）河南消防日（11月9日）前后消防演练宣传",
          "Townships hold a fire drill or publicity around Henan Fire Day (11-09)",
          "《河南省消防条例》第八条（每年11月9日为全省消防日）；演练要求为本地政策",
          sdk::RuleBasis::Policy,
          std::string(kFireDayWindowKey) + " (0 disables)", sdk::RuleScope::Organisation};
}

std::string attribute(const sdk::Organisation& org, const char* key) {
  auto it = org.attributes.find(key);
  return it == org.attributes.end() ? std::string() : it->second;
}

// The most specific interval rule covering `org`, or kRuleCount for none.
Which ruleFor(const sdk::Organisation& org) {
  if (sdk::isTrue(org, kKeyFireUnitAttribute)) return kKeyUnit;
  const std::string kind = attribute(org, kUnitKindAttribute);
  if (kind == unit_kind::kPropertyCommunity) return kPropertyCommunity;
  for (const char* k : {unit_kind::kSchool, unit_kind::kKindergarten, unit_kind::kNursingHome,
                        unit_kind::kWelfareHome, unit_kind::kHospital}) {
    if (kind == k) return kInstitution;
  }
  switch (org.kind) {
    case sdk::OrgKind::Enterprise:
    case sdk::OrgKind::Institution:
    case sdk::OrgKind::Department:
      return kUnit;
    case sdk::OrgKind::Village:
    case sdk::OrgKind::Community:
      return kVillage;
    default:
      return kRuleCount;
  }
}

sdk::Status evaluateRules(const sdk::RuleContext& ctx, std::vector<sdk::Obligation>& out) {
  auto tracking = sdk::trackingStart(ctx.parameters);
  if (!tracking.isOk()) return tracking.status();
  int months[kRuleCount] = {};
  int longest = 0;
  for (int i = 0; i < kRuleCount; ++i) {
    const IntervalRule& r = intervalRules()[i];
    auto m = sdk::intervalMonths(ctx.parameters, r.key, r.default_months, r.zero_disables);
    if (!m.isOk()) return m.status();
    months[i] = m.value();
    longest = std::max(longest, months[i]);
  }
  auto window = sdk::intervalMonths(ctx.parameters, kFireDayWindowKey, kFireDayWindowMonths, true);
  if (!window.isOk()) return window.status();
  const sdk::Date fire_day = henanFireDay(ctx.as_of.year);

  const sdk::Date from = std::min(
      {tracking.value(), ctx.as_of.addMonths(-longest), fire_day.addMonths(-window.value())});
  std::map<sdk::RecordId, std::vector<sdk::RecordRef>> by_org;
  for (const auto& g : ctx.records.latestDrills(from, ctx.as_of, ""))
    by_org[g.org_id].push_back(g.drill);

  // The fire day's own records: a newer late drill must not hide an on-time one of the same group.
  std::map<sdk::RecordId, std::vector<sdk::RecordRef>> fire_day_done;
  if (window.value() > 0) {
    const sdk::Date opens = std::max(fire_day.addMonths(-window.value()), sdk::Date{ctx.as_of.year, 1, 1});
    for (const auto& g :
         sdk::periodDrills(ctx.records, opens, fire_day, sdk::Date{ctx.as_of.year, 12, 31}, ctx.as_of))
      fire_day_done[g.org_id].push_back(g.drill);
  }

  const sdk::RuleInfo fire_day_rule = fireDayRule();
  for (const auto& org : ctx.records.organisations()) {
    const auto& done = by_org[org.id];
    const Which which = ruleFor(org);
    if (which != kRuleCount && months[which] > 0) {
      sdk::Obligation o = sdk::obligationFor(intervalRules()[which].info, kDomain,
                                             sdk::ObligationKind::Drill, org.id, 0);
      sdk::applyInterval(o, done, tracking.value(), months[which], ctx.as_of);
      out.push_back(std::move(o));
    }
    const bool township =
        org.kind == sdk::OrgKind::Township || org.kind == sdk::OrgKind::SubDistrict;
    if (township && window.value() > 0) {
      sdk::Obligation o =
          sdk::obligationFor(fire_day_rule, kDomain, sdk::ObligationKind::Drill, org.id, 0);
      sdk::applyAnnualDeadline(o, fire_day_done[org.id], kFireDayMonth, kFireDayDay, window.value(),
                               ctx.as_of);
      out.push_back(std::move(o));
    }
  }
  return sdk::Status::ok();
}

}  // namespace

std::vector<sdk::RuleInfo> FireRules::rules() const {
  std::vector<sdk::RuleInfo> out;
  for (const auto& r : intervalRules()) out.push_back(r.info);
  out.push_back(fireDayRule());
  return out;
}

sdk::Status FireRules::evaluate(const sdk::RuleContext& ctx,
                                std::vector<sdk::Obligation>& out) const {
  return sdk::evaluateAllOrNothing(
      "fire", out, [&](std::vector<sdk::Obligation>& found) { return evaluateRules(ctx, found); });
}

std::vector<sdk::ParameterSpec> FireRules::parameters() const {
  std::vector<sdk::ParameterSpec> out;
  for (const IntervalRule& r : intervalRules()) {
    out.push_back({r.key, sdk::ParameterType::Integer, std::to_string(r.default_months), r.zero_disables ? 0 : 1,
                   1200, false, r.info.title_zh + "：演练间隔（月）" + (r.zero_disables ? "，0 关闭" : "")});
  }
  out.push_back({kFireDayWindowKey, sdk::ParameterType::Integer, std::to_string(kFireDayWindowMonths), 0, 1200,
                 false, "河南消防日（11月9日）前演练计入的月数，0 关闭"});
  return out;
}

}  // namespace beacon::plugins::fire
