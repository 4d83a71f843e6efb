#include "http/drill_plan_overview.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "http/kept_drill_plan_card.h"
#include "http/page_text.h"
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
  for (const char* key : {"heading", "planned", "on_time", "late", "missing", "pending",
                          "unplanned", "behind", "none_behind", "summary"})
    t.set(key, pageWord(std::string("drill_plan_overview_") + key, en));
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
    d.set("text", pageWord("drill_plan_progress", en,
                           {n(as_of.year), n(c.planned), n(c.on_time), n(c.late), n(c.missing)}));

    d.set("behind", c.behind() > 0);
    out.emplace(id, d);
  }
  return out;
}

}  // namespace beacon::http
