// DrillPlanService: the one place an annual drill plan (年度演练计划) and its
// planned drills are validated and stored, whatever the entry path (CLI, API,
// page form; a bulk import calls validatePlan() and validateItem() per record
// and stores through DrillPlanRepository). A plan is one per organisation and
// year: add() creates it with its first items, or appends the items to the
// plan already stored. Messages are zh-CN, or English when `english`; a failed
// Status names its field. Not thread-safe (follows its Database); the
// registry must outlive it.
#pragma once

#include "beacon/sdk/status.h"
#include "plugins/plugin_registry.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "service/drill_plan_matcher.h"
#include "store/drill_plan.h"

namespace beacon::service {

class DrillPlanService {
 public:
  DrillPlanService(store::Database& db, const plugins::PluginRegistry& registry, bool english = false)
      : db_(db), registry_(registry), english_(english) {}

  // The plan's own fields: org_id (an organisation), year (2000–2100),
  // made_on (a real day, not in the future, from 1 January of the year
  // before to 31 December of the year), note (text rules).
  sdk::Status validatePlan(const store::DrillPlan& plan);
  // One planned drill of a plan for organisation `org_id`: drill_type (a
  // drill type of an enabled plugin; `domain` defaults to its plugin's),
  // domain (that plugin), month (1–12), plan_id (a plan of the domain, or
  // general, owned by the organisation or one above it), note. Normalises
  // `item.domain`.
  sdk::Status validateItem(sdk::RecordId org_id, store::DrillPlanItem& item);
  // Stores `plan` (new for its organisation and year) or appends its items to
  // the stored one (then made_on and note of `plan` are not used). Needs at
  // least one item; an item's failure names "items[N].<field>" (N from 1).
  // Nothing is written on any failure. The stored plan's id.
  sdk::Result<sdk::RecordId> add(store::DrillPlan plan, const store::Actor& actor);
  // Plan versus actual as of `as_of`: the organisation's drills in force of
  // the plan's year matched to its items (matchDrillPlan).
  DrillPlanProgress progress(const store::DrillPlan& plan, const sdk::Date& as_of);

 private:
  sdk::Status invalid(const std::string& field, const std::string& zh, const std::string& en) const;
  store::Database& db_;
  const plugins::PluginRegistry& registry_;
  bool english_;
};

}  // namespace beacon::service
