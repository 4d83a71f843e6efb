// DrillEvaluationRepository: drill evaluation reports (drill_evaluations,
// migration 20). add() is one transaction with its audit entry
// ("drill_evaluation") and notes the drill's organisation in rule_changes, so
// the compliance engine re-checks its evaluation duty. Not thread-safe
// (follows its Session).
#pragma once

#include <optional>
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
  std::optional<DrillEvaluation> findById(sdk::RecordId id);
  // The evaluation in force for the drill, if any.
  std::optional<DrillEvaluation> findByDrill(sdk::RecordId drill_id);

 private:
  std::vector<DrillEvaluation> select(const std::string& where, sdk::RecordId arg);
  Poco::Data::Session& session_;
  AuditLog audit_;
};

}  // namespace beacon::store
