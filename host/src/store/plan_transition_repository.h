// PlanTransitionRepository: the steps of the plan life cycle (table
// plan_transitions, migration 18), one row per step a plan or one of its
// versions went through: the step id (service/lifecycle_step.h), the state
// before and after (sdk::PlanStatus ids), the day it happened, who recorded
// it, the body that came with it (approving body, publication channel,
// filing target), the document (文号, link, registration number) and a note.
// A publication (公开) and the preparatory 风险评估 / 应急资源调查 are rows here
// too. Append-only (the table refuses DELETE, and UPDATE but for a correction
// of the day, body, document and note and a void mark, migration 22); each add
// and correction carries its audit entry in the caller's transaction. Not
// thread-safe (follows its Session).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"
#include "store/audit_log.h"

namespace beacon::store {

struct PlanTransition {
  sdk::RecordId id = 0;
  sdk::RecordId plan_id = 0;
  sdk::RecordId plan_version_id = 0;  // 0 when the step is about the plan as a whole
  int version_number = 0;             // read back with the row; not stored
  std::string step;
  std::string from_status;
  std::string to_status;
  sdk::Date date;
  std::string actor;
  std::string body;
  std::string document;
  std::string note;
  std::string created_at;
  // The void mark (作废, migration 22); empty while in force.
  std::string voided_at;
  std::string voided_by;
  std::string void_reason;
  bool voided() const { return !voided_at.empty(); }
};

class PlanTransitionRepository {
 public:
  explicit PlanTransitionRepository(Poco::Data::Session& session)
      : session_(session), audit_(session) {}
  sdk::RecordId add(PlanTransition& transition, const Actor& actor);
  std::optional<PlanTransition> findById(sdk::RecordId id);
  // Oldest first (by day, then as recorded), voided steps included (see voided()).
  std::vector<PlanTransition> listForPlan(sdk::RecordId plan_id);
  // Stores the day, body, document and note of `after` over step `before.id`
  // with a "correct" audit entry (before, after, reason).
  void correct(const PlanTransition& before, const PlanTransition& after, const Actor& actor,
               const std::string& reason);

 private:
  std::vector<PlanTransition> select(const std::string& where, sdk::RecordId arg);
  Poco::Data::Session& session_;
  AuditLog audit_;
};

}  // namespace beacon::store
