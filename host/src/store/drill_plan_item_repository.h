// DrillPlanItemRepository: one planned drill (drill_plan_items) of an annual
// drill plan, read and corrected on its own (更正, migration 22); its void
// mark is RecordVoids'. A correction is an update with its "correct" audit
// entry (entity drill_plan_item) and notes the plan's organisation in
// rule_changes (trigger). Not thread-safe (follows its Session).
#pragma once

#include <optional>
#include <string>

#include <Poco/Data/Session.h>

#include "store/audit_log.h"
#include "store/drill_plan.h"
#include "store/row.h"

namespace beacon::store {

// The columns of a planned drill for "SELECT … FROM drill_plan_items i", in the order
// readDrillPlanItem() reads them (shared with DrillPlanRepository).
extern const char* const kDrillPlanItemColumns;
DrillPlanItem readDrillPlanItem(const Row& r);

class DrillPlanItemRepository {
 public:
  explicit DrillPlanItemRepository(Poco::Data::Session& session)
      : session_(session), audit_(session) {}
  // The item, voided or not.
  std::optional<DrillPlanItem> findById(sdk::RecordId id);
  // Stores domain, drill_type, month, plan_id and note of `after` over item
  // `before.id` with a "correct" audit entry (before, after, reason). REQUIRES: validated.
  void correct(const DrillPlanItem& before, const DrillPlanItem& after, const Actor& actor,
               const std::string& reason);

 private:
  Poco::Data::Session& session_;
  AuditLog audit_;
};

}  // namespace beacon::store
