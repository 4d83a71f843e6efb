#include "summary/monthly_chart.h"

#include <algorithm>
#include <map>
#include <vector>

#include "summary/drill_tally.h"

namespace beacon::summary {

SvgChart monthlyDrillChart(SummaryContext& c, const sdk::Date& to,
                           const std::set<sdk::RecordId>* orgs, const std::string& domain) {
  const sdk::Date from = sdk::Date{to.year, to.month, 1}.addMonths(-11);
  const auto counts = DrillTally(c.db.session()).byDomainMonth(from, to, domain, orgs);
  const auto& palette = chartPalette();
  SvgChart chart;
  chart.title = c.t("各月演练场次（按领域）", "Drills per month by domain");
  std::vector<std::string> keys;
  for (int i = 0; i < 12; ++i) {
    const sdk::Date m = from.addMonths(i);
    keys.push_back(m.toString().substr(0, 7));
    chart.categories.push_back(keys.back());
  }
  std::map<std::string, std::size_t> series_of;
  for (const auto& [key, count] : counts) {
    const auto& [drill_domain, month] = key;
    auto it = series_of.find(drill_domain);
    if (it == series_of.end()) {
      ChartSeries s;
      s.label = domainLabel(c.registry, drill_domain, c.t);
      s.color = palette[series_of.size() % palette.size()];
      s.values.assign(12, 0);
      chart.series.push_back(s);
      it = series_of.emplace(drill_domain, chart.series.size() - 1).first;
    }
    auto pos = std::find(keys.begin(), keys.end(), month);
    if (pos != keys.end())
      chart.series[it->second].values[static_cast<std::size_t>(pos - keys.begin())] += count;
  }
  chart.stacked = true;
  chart.category_label = c.t("月份", "Month");
  chart.total_label = c.t("合计", "Total");
  return chart;
}

}  // namespace beacon::summary
