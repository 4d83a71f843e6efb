#include "summary/annual_counts.h"

#include <algorithm>
#include <map>

#include <Poco/Data/Statement.h>

#include "summary/drill_tally.h"

using namespace Poco::Data::Keywords;

namespace beacon::summary {

namespace {

constexpr int kUnknownTypeOrder = 1000000;

PlanActivity byLevel(const std::vector<std::string>& kinds, const std::vector<int>& counts) {
  std::map<int, int> per_level;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const auto kind = sdk::parseOrgKind(kinds[i]).value_or(sdk::OrgKind::Institution);
    per_level[static_cast<int>(sdk::levelOf(kind))] += counts[i];
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
    std::vector<std::string> kinds;
    std::vector<int> counts;
    session << "SELECT o.kind, COUNT(DISTINCT v.plan_id) FROM plan_versions v"
               " JOIN plans p ON p.id = v.plan_id JOIN organisations o ON o.id = p.owner_org_id"
               " WHERE v.action = $1 AND v.issued >= $2 AND v.issued <= $3 GROUP BY o.kind",
        bind(std::string(sdk::toId(action))), bind(from), bind(to), into(kinds), into(counts), now;
    return byLevel(kinds, counts);
  };
  out.drafted = versions(sdk::VersionAction::Drafted);
  out.revised = versions(sdk::VersionAction::Revised);
  {
    std::vector<std::string> kinds;
    std::vector<int> counts;
    session << "SELECT o.kind, COUNT(DISTINCT r.plan_id) FROM reviews r"
               " JOIN plans p ON p.id = r.plan_id JOIN organisations o ON o.id = p.owner_org_id"
               " WHERE r.kind = $1 AND r.review_date >= $2 AND r.review_date <= $3 AND r.voided_at = ''"
               " GROUP BY o.kind",
        bind(std::string(sdk::toId(sdk::ReviewKind::Evaluation))), bind(from), bind(to), into(kinds),
        into(counts), now;
    out.evaluated = byLevel(kinds, counts);
  }

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
