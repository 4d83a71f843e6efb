#include "http/drill_plan_overview.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "http/kept_drill_plan_card.h"
#include "summary/drill_plan_execution.h"

namespace beacon::http {

using kainjow::mustache::data;

namespace {

data countsData(const summary::PlanActualCounts& c) {
  data d;
  d.set("planned", std::to_string(c.planned));
  d.set("on_time", std::to_string(c.on_time));
  d.set("late", std::to_string(c.late));
  d.set("missing", std::to_string(c.missing));
  d.set("pending", std::to_string(c.pending));
  d.set("unplanned", std::to_string(c.unplanned));
  return d;
}

}  // namespace

data drillPlanOverview(RequestContext& ctx, const sdk::Date& as_of,
                       const std::vector<sdk::RecordId>& org_ids,
                       const std::map<sdk::RecordId, sdk::Organisation>& orgs, std::size_t limit) {
  const bool en = ctx.english();
  const auto figures = keptDrillPlanCard(ctx, as_of, org_ids);
  std::vector<std::pair<sdk::RecordId, summary::PlanActualCounts>> behind;
  for (const auto& [id, c] : figures->by_org)
    if (c.behind() > 0) behind.emplace_back(id, c);
  std::stable_sort(behind.begin(), behind.end(), [](const auto& a, const auto& b) {
    if (a.second.behind() != b.second.behind()) return a.second.behind() > b.second.behind();
    return a.second.missing > b.second.missing;
  });
  data list{data::type::list};
  for (std::size_t i = 0; i < behind.size() && i < limit; ++i) {
    const auto org = orgs.find(behind[i].first);
    data item = countsData(behind[i].second);
    item.set("org_name", org == orgs.end() ? std::to_string(behind[i].first) : org->second.name);
    item.set("org_code", org == orgs.end() ? std::string() : org->second.code);
    item.set("behind", std::to_string(behind[i].second.behind()));
    list.push_back(item);
  }
  data d;
  d.set("year", std::to_string(as_of.year));
  d.set("totals", countsData(figures->total));
  d.set("behind", list);
  d.set("has_behind", !behind.empty());
  data t;
  for (const auto& [key, zh, english] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"heading", "年度演练计划执行情况", "Drill plans: plan versus actual"},
           {"planned", "计划", "Planned"},
           {"on_time", "按计划完成", "Held as planned"},
           {"late", "延后完成", "Held late"},
           {"missing", "未完成", "Not held"},
           {"pending", "未到期", "Not yet due"},
           {"unplanned", "计划外", "Held, not planned"},
           {"behind", "落后单位", "Furthest behind"},
           {"none_behind", "没有落后于计划的单位", "No organisation is behind its plan"},
           {"summary", "查看汇总报告", "Open the summary"}})
    t.set(key, en ? english : zh);
  d.set("t", t);
  return d;
}

std::map<sdk::RecordId, data> drillPlanByOrganisation(RequestContext& ctx, const sdk::Date& as_of) {
  const bool en = ctx.english();
  const auto figures = keptDrillPlanCard(ctx, as_of, {});
  std::map<sdk::RecordId, data> out;
  for (const auto& [id, c] : figures->by_org) {
    if (c.planned == 0) continue;
    const auto n = [](int v) { return std::to_string(v); };
    data d;
    d.set("year", n(as_of.year));
    d.set("text", en ? "drill plan " + n(as_of.year) + ": " + n(c.planned) + " planned, " +
                           n(c.on_time) + " as planned, " + n(c.late) + " late, " + n(c.missing) +
                           " not held"
                     : n(as_of.year) + "年度演练计划：计划 " + n(c.planned) + "，按计划完成 " +
                           n(c.on_time) + "，延后完成 " + n(c.late) + "，未完成 " + n(c.missing));
    d.set("behind", c.behind() > 0);
    out.emplace(id, d);
  }
  return out;
}

}  // namespace beacon::http
