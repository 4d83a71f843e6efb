#include "summary/annual_counts.h"

#include <algorithm>
#include <map>

#include "store/plan_activity_counts.h"
#include "store/record_parse.h"
#include "summary/drill_tally.h"

namespace beacon::summary {

namespace {

constexpr int kUnknownTypeOrder = 1000000;

PlanActivity byLevel(const std::vector<store::OwnerKindCount>& counts) {
  std::map<int, int> per_level;
  for (const auto& c : counts) {
    const auto kind = store::parseOrgKind(c.owner_kind).value_or(sdk::OrgKind::Institution);
    per_level[static_cast<int>(sdk::levelOf(kind))] += c.plans;
  }
  PlanActivity out;
  for (const auto& [level, count] : per_level) {
    if (count == 0) continue;
    out.levels.push_back({static_cast<sdk::PlanLevel>(level), count});
    out.total += count;
  }
  return out;
}

}  // namespace

AnnualCounts countAnnual(Poco::Data::Session& session, const plugins::PluginRegistry& registry, int year) {
  AnnualCounts out;
  out.year = year;
  const std::string from = std::to_string(year) + "-01-01";
  const std::string to = std::to_string(year) + "-12-31";

  auto versions = [&](sdk::VersionAction action) {
    return byLevel(store::countPlansIssuedByOwnerKind(session, sdk::toId(action), from, to));
  };
  out.drafted = versions(sdk::VersionAction::Drafted);
  out.revised = versions(sdk::VersionAction::Revised);
  out.evaluated = byLevel(
      store::countPlansReviewedByOwnerKind(session, sdk::toId(sdk::ReviewKind::Evaluation), from, to));

  const auto per_type = DrillTally(session).byType(sdk::Date{year, 1, 1}, sdk::Date{year, 12, 31});
  std::map<std::string, DrillLabelCount> by_label;
  for (const auto& [type, count] : per_type) {
    DrillLabelCount entry;
    if (const sdk::DrillType* t = registry.drillType(type); t && !t->report_label_zh.empty()) {
      entry = {t->report_label_zh, t->report_label_en.empty() ? t->report_label_zh : t->report_label_en,
               t->report_order, 0};
    } else {
      entry = {type, type, kUnknownTypeOrder, 0};
    }
    auto [it, inserted] = by_label.emplace(entry.label_zh, entry);
    it->second.order = std::min(it->second.order, entry.order);
    it->second.count += count;
    out.drills_total += count;
  }
  for (const auto& [label, entry] : by_label) {
    if (entry.count > 0) out.drills.push_back(entry);
  }
  std::stable_sort(out.drills.begin(), out.drills.end(),
                   [](const DrillLabelCount& a, const DrillLabelCount& b) { return a.order < b.order; });
  return out;
}

}  // namespace beacon::summary
