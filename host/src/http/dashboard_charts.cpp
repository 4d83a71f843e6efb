#include "http/dashboard_charts.h"

#include <cmath>
#include <map>
#include <set>

#include "http/page_support.h"
#include "http/page_text.h"
#include "summary/drill_tally.h"
#include "summary/svg_chart.h"

namespace beacon::http {

namespace {

const char* const kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
                                "#9467bd", "#8c564b", "#17becf"};

}  // namespace

std::string domainStatusChart(bool english, const std::vector<StatusBar>& by_domain) {
  summary::SvgChart chart;
  chart.title = pageWord("chart_domains", english);
  chart.stacked = true;
  chart.category_label = pageWord("domain", english);
  chart.total_label = pageWord("chart_total", english);
  summary::ChartSeries met{pageWord("met", english), "#1e7b34", {}};
  summary::ChartSeries met_late{pageWord("met_late", english), "#7a9a3a", {}};
  summary::ChartSeries soon{pageWord("due_soon", english), "#e0a100", {}};
  summary::ChartSeries late{pageWord("overdue", english), "#b3261e", {}};
  for (const auto& [label, c] : by_domain) {
    chart.categories.push_back(label);
    met.values.push_back(c.met);
    met_late.values.push_back(c.met_late);
    soon.values.push_back(c.due_soon);
    late.values.push_back(c.overdue);
  }
  chart.series = {met, met_late, soon, late};
  return chart.toFigure();
}

std::string drillsByMonthChart(RequestContext& ctx, int year, bool all,
                               const std::vector<sdk::RecordId>& org_ids,
                               const std::string& domain) {
  const bool en = ctx.english();
  summary::SvgChart chart;
  chart.title = pageWord("chart_months", en) + " · " + std::to_string(year);
  chart.stacked = true;
  chart.category_label = pageWord("month", en);
  chart.total_label = pageWord("chart_total", en);
  for (int m = 1; m <= 12; ++m)
    chart.categories.push_back(pageWord("month_" + std::to_string(m), en));
  if (!all && org_ids.empty()) return chart.toFigure();  // nothing in scope: an empty year
  const std::set<sdk::RecordId> orgs(org_ids.begin(), org_ids.end());
  const auto counts = summary::DrillTally(ctx.db().session())
                          .byDomainMonth(sdk::Date{year, 1, 1}, sdk::Date{year, 12, 31}, domain,
                                         all ? nullptr : &orgs);
  std::map<std::string, std::size_t> series_of;
  for (const auto& [key, n] : counts) {
    const auto& [drill_domain, month] = key;  // "YYYY-MM"
    auto it = series_of.find(drill_domain);
    if (it == series_of.end()) {
      summary::ChartSeries s{domainLabel(ctx, drill_domain),
                             kPalette[series_of.size() % std::size(kPalette)],
                             std::vector<double>(12, 0)};
      chart.series.push_back(std::move(s));
      it = series_of.emplace(drill_domain, chart.series.size() - 1).first;
    }
    const int m = std::stoi(month.substr(5, 2));
    if (m >= 1 && m <= 12) chart.series[it->second].values[static_cast<std::size_t>(m - 1)] += n;
  }
  return chart.toFigure();
}

std::string townshipRateChart(bool english, const std::vector<StatusBar>& by_township) {
  summary::SvgChart chart;
  chart.title = pageWord("chart_townships", english);
  chart.horizontal = true;
  chart.unit = "%";
  chart.category_label = pageWord("township", english);
  summary::ChartSeries rate{pageWord("chart_rate", english), "#1e7b34", {}};
  for (const auto& [town, c] : by_township) {
    const int met = c.met + c.met_late;
    const int due = met + c.overdue;
    if (due == 0) continue;
    chart.categories.push_back(town);
    rate.values.push_back(std::round(1000.0 * met / due) / 10.0);
  }
  if (chart.categories.empty()) return "";
  chart.series = {rate};
  return chart.toFigure();
}

}  // namespace beacon::http
