#include "store/record_voids.h"

#include <set>

#include <Poco/Data/Statement.h>
#include <Poco/JSON/Object.h>

#include "store/id_list_scan.h"
#include "store/record_json.h"
#include "store/row.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

const char* tableOf(RecordKind kind) {
  switch (kind) {
    case RecordKind::Drill:
      return "drills";
    case RecordKind::Review:
      return "reviews";
    case RecordKind::Filing:
      return "filings";
    case RecordKind::CorrectiveAction:
      return "corrective_actions";
    case RecordKind::DrillEvaluation:
      return "drill_evaluations";
    case RecordKind::DrillPlan:
      return "drill_plans";
    case RecordKind::DrillPlanItem:
      return "drill_plan_items";
    case RecordKind::PlanTransition:
      return "plan_transitions";
  }
  return "drills";
}

const char* entityOf(RecordKind kind) {
  switch (kind) {
    case RecordKind::Drill:
      return "drill";
    case RecordKind::Review:
      return "review";
    case RecordKind::Filing:
      return "filing";
    case RecordKind::CorrectiveAction:
      return "corrective_action";
    case RecordKind::DrillEvaluation:
      return "drill_evaluation";
    case RecordKind::DrillPlan:
      return "drill_plan";
    case RecordKind::DrillPlanItem:
      return "drill_plan_item";
    case RecordKind::PlanTransition:
      return "plan_transition";
  }
  return "drill";
}

void appendCorrection(AuditLog& audit, const Actor& actor, RecordKind kind, sdk::RecordId id,
                      const Poco::JSON::Object::Ptr& before, const Poco::JSON::Object::Ptr& after,
                      const std::string& reason) {
  Poco::JSON::Object::Ptr with_reason = new Poco::JSON::Object(*after);
  with_reason->set("id", static_cast<Poco::Int64>(id));
  with_reason->set("correction_reason", reason);
  audit.append(actor, "correct", entityOf(kind), id, stringify(before), stringify(with_reason));
}

std::optional<VoidMark> RecordVoids::mark(RecordKind kind, sdk::RecordId id) {
  std::vector<std::string> at, by, reason;
  session_ << std::string("SELECT voided_at, voided_by, void_reason FROM ") + tableOf(kind) +
                  " WHERE id = $1",
      bind(static_cast<Poco::Int64>(id)), into(at), into(by), into(reason), now;
  if (at.empty()) return std::nullopt;
  return VoidMark{at[0], by[0], reason[0]};
}

std::map<sdk::RecordId, VoidMark> RecordVoids::voided(RecordKind kind,
                                                      const std::vector<sdk::RecordId>& ids) {
  std::map<sdk::RecordId, VoidMark> out;
  if (ids.empty()) return out;
  RowScanner scanner(session_);
  scanByIdList(scanner,
               std::string("SELECT id, voided_at, voided_by, void_reason FROM ") + tableOf(kind) +
                   " WHERE voided_at <> '' AND id IN ",
               ids, "", [&](const ScannedRow& r) {
                 out[r.int64(0)] = VoidMark{r.text(1), r.text(2), r.text(3)};
               });
  return out;
}

std::set<sdk::RecordId> RecordVoids::voidedIds(RecordKind kind) {
  std::vector<Poco::Int64> ids;
  session_ << std::string("SELECT id FROM ") + tableOf(kind) + " WHERE voided_at <> ''", into(ids), now;
  return {ids.begin(), ids.end()};
}

RecordOrigin RecordVoids::origin(RecordKind kind, sdk::RecordId id) {
  RecordOrigin out;
  std::vector<std::string> created, users;
  session_ << std::string("SELECT created_at FROM ") + tableOf(kind) + " WHERE id = $1",
      bind(static_cast<Poco::Int64>(id)), into(created), now;
  if (!created.empty()) out.recorded_at = created[0];
  if (kind == RecordKind::PlanTransition) {
    session_ << "SELECT actor FROM plan_transitions WHERE id = $1", bind(static_cast<Poco::Int64>(id)),
        into(users), now;
  } else if (kind == RecordKind::DrillPlanItem) {
    // Items are stored with their plan's "create" or "update" entry, in the same transaction.
    session_ << "SELECT a.username FROM drill_plan_items i JOIN audit_log a ON a.entity = 'drill_plan'"
                " AND a.entity_id = i.drill_plan_id AND a.action IN ('create', 'update')"
                " AND a.at >= i.created_at WHERE i.id = $1 ORDER BY a.id LIMIT 1",
        bind(static_cast<Poco::Int64>(id)), into(users), now;
  } else {
    session_
        << "SELECT username FROM audit_log WHERE entity = $1 AND entity_id = $2 AND action = 'create'"
           " ORDER BY id LIMIT 1",
        bind(std::string(entityOf(kind))), bind(static_cast<Poco::Int64>(id)), into(users), now;
  }
  if (!users.empty()) out.recorded_by = users[0];
  return out;
}

void RecordVoids::markVoided(RecordKind kind, sdk::RecordId id,
                             const Poco::JSON::Object::Ptr& record_json, const Actor& actor,
                             const std::string& reason) {
  const std::string at = isoTimestampNow();
  Poco::Data::Statement st(session_);
  st << std::string("UPDATE ") + tableOf(kind) +
            " SET voided_at = $1, voided_by = $2, void_reason = $3 WHERE id = $4 AND voided_at = "
            "''",
      bind(at), bind(actor.username), bind(reason), bind(static_cast<Poco::Int64>(id));
  if (st.execute() != 1)
    throw Poco::Exception(std::string(entityOf(kind)) + " is missing or already voided");
  Poco::JSON::Object::Ptr after = new Poco::JSON::Object(*record_json);
  after->set("voided_at", at);
  after->set("voided_by", actor.username);
  after->set("void_reason", reason);
  audit_.append(actor, "void", entityOf(kind), id, stringify(record_json), stringify(after));
}

}  // namespace beacon::store
