// RecordVoids: the correctable kinds of record (drills, reviews/evaluations,
// filings, corrective actions; since migration 22 also drill evaluation
// reports, annual drill plans, their planned drills and plan life-cycle
// steps), their void marks (作废: voided_at, voided_by, void_reason,
// migrations 14 and 22) and who recorded each one (the user of its "create"
// audit entry; a planned drill's: of the drill-plan entry that added it; a
// step's: its actor; and its created_at). A voided record stays in its
// table for the record and is left out of counts, rules and summaries.
// Not thread-safe (follows its Session).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>

#include "beacon/sdk/records.h"
#include "store/audit_log.h"

namespace beacon::store {

enum class RecordKind {
  Drill,
  Review,
  Filing,
  CorrectiveAction,
  // Migration 22.
  DrillEvaluation,
  DrillPlan,
  DrillPlanItem,
  PlanTransition,
};

// drills, reviews, filings, corrective_actions, drill_evaluations, drill_plans,
// drill_plan_items, plan_transitions
const char* tableOf(RecordKind kind);
// The audit log's entity: drill, review, filing, corrective_action, drill_evaluation,
// drill_plan, drill_plan_item, plan_transition.
const char* entityOf(RecordKind kind);

struct VoidMark {
  std::string at;  // ISO timestamp; empty: in force
  std::string by;
  std::string reason;
  bool voided() const { return !at.empty(); }
};

// Who recorded a record and when: the "create" audit entry's user (empty for
// imported records, which have one audit entry per import) and created_at.
struct RecordOrigin {
  std::string recorded_by;
  std::string recorded_at;
};

// Appends the "correct" audit entry of a corrected record: the record before,
// and after with "correction_reason". Within the correction's transaction.
void appendCorrection(AuditLog& audit, const Actor& actor, RecordKind kind, sdk::RecordId id,
                      const Poco::JSON::Object::Ptr& before, const Poco::JSON::Object::Ptr& after,
                      const std::string& reason);

class RecordVoids {
 public:
  explicit RecordVoids(Poco::Data::Session& session) : session_(session), audit_(session) {}
  // The record's mark; nullopt when there is no such record.
  std::optional<VoidMark> mark(RecordKind kind, sdk::RecordId id);
  // The marks of those of `ids` that are voided.
  std::map<sdk::RecordId, VoidMark> voided(RecordKind kind, const std::vector<sdk::RecordId>& ids);
  // The ids of every voided record of `kind` (an export skips them).
  std::set<sdk::RecordId> voidedIds(RecordKind kind);
  RecordOrigin origin(RecordKind kind, sdk::RecordId id);
  // Marks the record voided with a "void" audit entry (the record before, and
  // after with its mark). REQUIRES: an open Transaction, the record exists and
  // is not voided; `record_json` is the record as toJson writes it.
  void markVoided(RecordKind kind, sdk::RecordId id, const Poco::JSON::Object::Ptr& record_json,
                  const Actor& actor, const std::string& reason);

 private:
  Poco::Data::Session& session_;
  AuditLog audit_;
};

}  // namespace beacon::store
