#include "summary/plan_status/plan_table.h"

#include <string>

#include <Poco/JSON/Array.h>

#include "beacon/sdk/records.h"

namespace beacon::summary::plan_status {

using Poco::JSON::Array;
using Poco::JSON::Object;

int PlanTable::inForceTotal() const {
  int n = 0;
  for (std::size_t col = 0; col < totals.size(); ++col) n += inForce(col) ? totals[col] : 0;
  return n;
}

PlanTable tabulatePlans(const std::vector<store::PlanBrief>& plans, const OrgById& org_by_id,
                        const PlanColumns& columns) {
  PlanTable table;
  table.totals.assign(statusColumns().size(), 0);
  table.plans = static_cast<int>(plans.size());
  for (const auto& p : plans) {
    auto it = org_by_id.find(p.owner_org_id);
    const int level = static_cast<int>(
        sdk::levelOf(it == org_by_id.end() ? sdk::OrgKind::Institution : it->second->kind));
    auto& row = table.rows[{p.domain, level}];
    row.resize(statusColumns().size(), 0);
    const std::size_t col = columns.at(p.id);
    ++row[col];
    ++table.totals[col];
  }
  return table;
}

void addPlanTableJson(Object& data, const PlanTable& table, const plugins::PluginRegistry& registry,
                      const Lang& t) {
  Array::Ptr columns = new Array;
  for (const auto& col : statusColumns()) {
    Object::Ptr o = orderedObject();
    o->set("id", col.id);
    o->set("label", t(col.zh, col.en));
    columns->add(o);
  }
  data.set("status_columns", columns);
  Array::Ptr rows = new Array;
  for (const auto& [key, counts] : table.rows) {
    Object::Ptr r = orderedObject();
    r->set("domain", std::string(key.first));
    r->set("domain_label", domainLabel(registry, std::string(key.first), t));
    const auto level = static_cast<sdk::PlanLevel>(key.second);
    r->set("level_label", t(sdk::labelZh(level), sdk::labelEn(level)));
    Array::Ptr cells = new Array;
    int total = 0;
    for (int n : counts) {
      Object::Ptr cell = orderedObject();
      cell->set("n", n);
      cells->add(cell);
      total += n;
    }
    r->set("cells", cells);
    r->set("total", total);
    rows->add(r);
  }
  data.set("plan_rows", rows);
  Array::Ptr total_cells = new Array;
  for (int n : table.totals) {
    Object::Ptr cell = orderedObject();
    cell->set("n", n);
    total_cells->add(cell);
  }
  data.set("plan_totals", total_cells);
  data.set("plans_total", table.plans);
  const int in_force = table.inForceTotal();
  data.set("in_force_total", in_force);
  data.set("in_force_line", t("现行预案（已印发）" + std::to_string(in_force) + " 件",
                              "Plans in force (issued): " + std::to_string(in_force)));
}

}  // namespace beacon::summary::plan_status
