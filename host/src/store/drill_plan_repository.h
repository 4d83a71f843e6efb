// DrillPlanRepository: annual drill plans (drill_plans) and their planned
// drills (drill_plan_items, migration 20). Each write is one transaction with
// its audit entry ("drill_plan") and notes the organisation in rule_changes,
// so the compliance engine re-checks its drill-plan duty (a correction: the
// update trigger of migration 22). Planned drills are corrected and voided
// through DrillPlanItemRepository and RecordVoids. Not thread-safe (follows
// its Session).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/audit_log.h"
#include "store/drill_plan.h"

namespace beacon::store {

class DrillPlanRepository {
 public:
  explicit DrillPlanRepository(Poco::Data::Session& session) : session_(session), audit_(session) {}
  // Stores `plan` and its items, setting their ids. REQUIRES: validated, and no
  // plan yet for its organisation and year (the table refuses a second one).
  sdk::RecordId add(DrillPlan& plan, const Actor& actor);
  // Appends `items` to stored plan `plan_id`, setting their ids. REQUIRES: validated items.
  void addItems(sdk::RecordId plan_id, std::vector<DrillPlanItem>& items, const Actor& actor);
  // Stores made_on and note of `after` over plan `before.id` with a "correct"
  // audit entry (before, after, reason). REQUIRES: validated.
  void correct(const DrillPlan& before, const DrillPlan& after, const Actor& actor, const std::string& reason);
  // With their items.
  std::optional<DrillPlan> findById(sdk::RecordId id);
  std::optional<DrillPlan> find(sdk::RecordId org_id, int year);
  // The plans of those organisations (empty: all) for `year` (0: every year),
  // by year then organisation, with their items.
  std::vector<DrillPlan> list(const std::vector<sdk::RecordId>& org_ids, int year);

 private:
  std::vector<DrillPlan> select(const std::string& where, const std::vector<Poco::Int64>& args);
  Poco::Data::Session& session_;
  AuditLog audit_;
};

}  // namespace beacon::store
