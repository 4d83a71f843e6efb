// DrillEvaluationRepository: drill evaluation reports (drill_evaluations,
// migration 20). add() is one transaction with its audit entry
// ("drill_evaluation") and notes the drill's organisation in rule_changes, so
// the compliance engine re-checks its evaluation duty (a correction or void:
// the update trigger of migration 22; the void mark is RecordVoids'). Not
// thread-safe (follows its Session).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/audit_log.h"
#include "store/drill_evaluation.h"

namespace beacon::store {

class DrillEvaluationRepository {
 public:
  explicit DrillEvaluationRepository(Poco::Data::Session& session) : session_(session), audit_(session) {}
  // REQUIRES: validated, and no evaluation in force for the drill (the table
  // refuses a second one).
  sdk::RecordId add(DrillEvaluation& evaluation, const Actor& actor);
  // Stores the fields of `after` over evaluation `before.id` (not its drill)
  // with a "correct" audit entry (before, after, reason). REQUIRES: validated.
  void correct(const DrillEvaluation& before, const DrillEvaluation& after, const Actor& actor,
               const std::string& reason);
  // The evaluation, voided or not.
  std::optional<DrillEvaluation> findById(sdk::RecordId id);
  // The evaluation in force for the drill, if any.
  std::optional<DrillEvaluation> findByDrill(sdk::RecordId drill_id);
  // Every evaluation in force (voided ones excluded), in one query, by id.
  std::vector<DrillEvaluation> listInForce();

 private:
  std::vector<DrillEvaluation> select(const std::string& where, sdk::RecordId arg);
  Poco::Data::Session& session_;
  AuditLog audit_;
};

}  // namespace beacon::store
