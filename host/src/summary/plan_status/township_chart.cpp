#include "summary/plan_status/township_chart.h"

#include <map>
#include <utility>

namespace beacon::summary::plan_status {

SvgChart townshipChart(const DrillCoverage& coverage, const std::vector<std::string>& domains,
                       const rules::ObligationSet* obligations, const OrgById& org_by_id,
                       const TownshipOf& township_of, const plugins::PluginRegistry& registry,
                       const Lang& t) {
  SvgChart by_town;
  by_town.stacked = true;
  for (const auto& [town_id, cov] : coverage)
    by_town.categories.push_back(org_by_id.at(town_id)->name);
  if (obligations) {
    by_town.title = t("各乡镇（街道）义务落实情况", "Duties by township");
    const std::vector<std::pair<sdk::ObligationStatus, std::string>> kinds = {
        {sdk::ObligationStatus::Met, "#2ca02c"},
        {sdk::ObligationStatus::MetLate, "#8c9f2e"},
        {sdk::ObligationStatus::Upcoming, "#9ecae1"},
        {sdk::ObligationStatus::DueSoon, "#ff7f0e"},
        {sdk::ObligationStatus::Overdue, "#d62728"}};
    std::map<sdk::RecordId, std::size_t> index;
    for (const auto& [town_id, cov] : coverage) index.emplace(town_id, index.size());
    for (const auto& [status, color] : kinds) {
      ChartSeries s;
      s.label = t(sdk::labelZh(status), sdk::labelEn(status));
      s.color = color;
      s.values.assign(coverage.size(), 0);
      by_town.series.push_back(s);
    }
    for (const auto& r : *obligations) {
      auto town = township_of.find(r.orgId());
      if (town == township_of.end()) continue;
      auto row = index.find(town->second);
      if (row == index.end()) continue;
      for (std::size_t k = 0; k < kinds.size(); ++k)
        if (kinds[k].first == r.status()) by_town.series[k].values[row->second] += 1;
    }
  } else {
    by_town.title = t("各乡镇（街道）近12个月有演练的村（社区）及单位数",
                      "Units with a drill in the last 12 months");
    by_town.stacked = false;
    const auto& palette = chartPalette();
    for (std::size_t i = 0; i < domains.size(); ++i) {
      ChartSeries s;
      s.label = domainLabel(registry, domains[i], t);
      s.color = palette[i % palette.size()];
      for (const auto& [town_id, cov] : coverage) s.values.push_back(cov.covered[i]);
      by_town.series.push_back(s);
    }
  }
  by_town.horizontal = true;
  by_town.category_label = t("乡镇（街道）", "Township");
  by_town.total_label = t("合计", "Total");
  return by_town;
}

}  // namespace beacon::summary::plan_status
