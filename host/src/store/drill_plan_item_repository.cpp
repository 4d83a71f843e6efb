#include "store/drill_plan_item_repository.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/lifecycle_record_json.h"
#include "store/record_voids.h"
#include "store/row.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

const char* const kDrillPlanItemColumns =
    "i.id, i.drill_plan_id, i.domain, i.drill_type, i.month, i.plan_id, i.note, i.voided_at, "
    "i.voided_by,"
    " i.void_reason";

DrillPlanItem readDrillPlanItem(const Row& r) {
  DrillPlanItem item;
  item.id = r.int64(0);
  item.drill_plan_id = r.int64(1);
  item.domain = r.text(2);
  item.drill_type = r.text(3);
  item.month = r.integer(4);
  item.plan_id = r.int64(5);
  item.note = r.text(6);
  item.voided_at = r.text(7);
  item.voided_by = r.text(8);
  item.void_reason = r.text(9);
  return item;
}

std::optional<DrillPlanItem> DrillPlanItemRepository::findById(sdk::RecordId id) {
  Poco::Data::Statement st(session_);
  st << std::string("SELECT ") + kDrillPlanItemColumns + " FROM drill_plan_items i WHERE i.id = $1",
      bind(static_cast<Poco::Int64>(id));
  st.execute();
  Poco::Data::RecordSet rs(st);
  if (rs.rowCount() == 0) return std::nullopt;
  return readDrillPlanItem(Row(rs, 0));
}

void DrillPlanItemRepository::correct(const DrillPlanItem& before, const DrillPlanItem& after,
                                      const Actor& actor, const std::string& reason) {
  Transaction tx(session_);
  session_ << "UPDATE drill_plan_items SET domain = $1, drill_type = $2, month = $3, plan_id = $4, "
              "note = $5"
              " WHERE id = $6",
      bind(after.domain), bind(after.drill_type), bind(after.month),
      bind(nullableId(after.plan_id)), bind(after.note), bind(static_cast<Poco::Int64>(before.id)),
      now;
  appendCorrection(audit_, actor, RecordKind::DrillPlanItem, before.id, toJson(before),
                   toJson(after), reason);
  tx.commit();
}

}  // namespace beacon::store
