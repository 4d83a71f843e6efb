#include "store/drill_plan_repository.h"

#include <algorithm>
#include <map>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>

#include "store/drill_plan_item_repository.h"
#include "store/lifecycle_record_json.h"
#include "store/record_json.h"
#include "store/record_voids.h"
#include "store/row.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {

Poco::JSON::Object::Ptr planJson(const DrillPlan& plan, const std::vector<DrillPlanItem>& items) {
  DrillPlan shown = plan;
  shown.items = items;
  return toJson(shown);
}

void insertItems(Poco::Data::Session& session, sdk::RecordId plan_id, std::vector<DrillPlanItem>& items) {
  for (auto& item : items) {
    Poco::Int64 id = 0;
    item.drill_plan_id = plan_id;
    session << "INSERT INTO drill_plan_items(drill_plan_id, domain, drill_type, month, plan_id, note, created_at)"
               " VALUES($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        bind(static_cast<Poco::Int64>(plan_id)), bind(item.domain), bind(item.drill_type), bind(item.month),
        bind(nullableId(item.plan_id)), bind(item.note), bind(isoTimestampNow()), into(id), now;
    item.id = id;
  }
}

void noteOrganisation(Poco::Data::Session& session, sdk::RecordId org_id) {
  session << "INSERT INTO rule_changes(org_id) VALUES($1)", bind(static_cast<Poco::Int64>(org_id)), now;
}

}  // namespace

sdk::RecordId DrillPlanRepository::add(DrillPlan& plan, const Actor& actor) {
  Transaction tx(session_);
  Poco::Int64 id = 0;
  session_ << "INSERT INTO drill_plans(org_id, year, made_on, note, created_at) VALUES($1, $2, $3, $4, $5)"
              " RETURNING id",
      bind(static_cast<Poco::Int64>(plan.org_id)), bind(plan.year), bind(plan.made_on.toString()), bind(plan.note),
      bind(isoTimestampNow()), into(id), now;
  plan.id = id;
  insertItems(session_, plan.id, plan.items);
  noteOrganisation(session_, plan.org_id);
  audit_.append(actor, "create", "drill_plan", plan.id, "", stringify(planJson(plan, plan.items)));
  tx.commit();
  return plan.id;
}

void DrillPlanRepository::addItems(sdk::RecordId plan_id, std::vector<DrillPlanItem>& items, const Actor& actor) {
  Transaction tx(session_);
  auto before = findById(plan_id);
  if (!before) throw Poco::NotFoundException("no drill plan #" + std::to_string(plan_id));
  insertItems(session_, plan_id, items);
  std::vector<DrillPlanItem> all = before->items;
  all.insert(all.end(), items.begin(), items.end());
  noteOrganisation(session_, before->org_id);
  audit_.append(actor, "update", "drill_plan", plan_id, stringify(planJson(*before, before->items)),
                stringify(planJson(*before, all)));
  tx.commit();
}

void DrillPlanRepository::correct(const DrillPlan& before, const DrillPlan& after, const Actor& actor,
                                  const std::string& reason) {
  Transaction tx(session_);
  session_ << "UPDATE drill_plans SET made_on = $1, note = $2 WHERE id = $3", bind(after.made_on.toString()),
      bind(after.note), bind(static_cast<Poco::Int64>(before.id)), now;
  appendCorrection(audit_, actor, RecordKind::DrillPlan, before.id, toJson(before), toJson(after), reason);
  tx.commit();
}

std::vector<DrillPlan> DrillPlanRepository::select(const std::string& where, const std::vector<Poco::Int64>& args) {
  Poco::Data::Statement st(session_);
  st << "SELECT id, org_id, year, made_on, note FROM drill_plans " + where + " ORDER BY year, org_id, id";
  for (const auto& a : args) st, bind(a);
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<DrillPlan> out;
  std::map<sdk::RecordId, std::size_t> index;
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    Row r(rs, i);
    DrillPlan p;
    p.id = r.int64(0);
    p.org_id = r.int64(1);
    p.year = r.integer(2);
    p.made_on = r.date(3);
    p.note = r.text(4);
    index[p.id] = out.size();
    out.push_back(std::move(p));
  }
  if (out.empty()) return out;
  Poco::Data::Statement items(session_);
  items << std::string("SELECT ") + kDrillPlanItemColumns +
               " FROM drill_plan_items i WHERE i.drill_plan_id IN (SELECT id FROM drill_plans " + where +
               ") ORDER BY i.drill_plan_id, i.month, i.id";
  for (const auto& a : args) items, bind(a);
  items.execute();
  Poco::Data::RecordSet ir(items);
  for (std::size_t i = 0; i < ir.rowCount(); ++i) {
    DrillPlanItem item = readDrillPlanItem(Row(ir, i));
    const auto it = index.find(item.drill_plan_id);
    if (it == index.end()) continue;
    auto& plan = out[it->second];
    (item.voided() ? plan.voided_items : plan.items).push_back(std::move(item));
  }
  return out;
}

std::optional<DrillPlan> DrillPlanRepository::findById(sdk::RecordId id) {
  auto v = select("WHERE id = $1", {static_cast<Poco::Int64>(id)});
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::optional<DrillPlan> DrillPlanRepository::find(sdk::RecordId org_id, int year) {
  auto v = select("WHERE org_id = $1 AND year = $2", {static_cast<Poco::Int64>(org_id), year});
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<DrillPlan> DrillPlanRepository::list(const std::vector<sdk::RecordId>& org_ids, int year) {
  std::string where;
  std::vector<Poco::Int64> args;
  if (year != 0) {
    args.push_back(year);
    where = "WHERE year = $1";
  }
  if (!org_ids.empty()) {
    std::string list;
    for (const auto id : org_ids) list += (list.empty() ? "" : ", ") + std::to_string(id);
    where += (where.empty() ? "WHERE" : " AND") + std::string(" org_id IN (") + list + ")";
  }
  return select(where, args);
}

}  // namespace beacon::store
