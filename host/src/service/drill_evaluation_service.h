// DrillEvaluationService: the one place a drill evaluation report (演练评估报告)
// is validated and stored, whatever the entry path (CLI, API, the drill
// page's form; a bulk import calls validate() per record). At most one
// evaluation is in force per drill. Messages are zh-CN, or English when
// `english`; a failed Status names its field. Not thread-safe (follows its
// Database).
#pragma once

#include "beacon/sdk/status.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/drill_evaluation.h"

namespace beacon::service {

class DrillEvaluationService {
 public:
  explicit DrillEvaluationService(store::Database& db, bool english = false) : db_(db), english_(english) {}
  // drill_id (a drill in force without another evaluation in force; a
  // corrected one keeps its id), verdict
  // (优/良/中/差), evaluator (required), date (a real day from the drill's
  // day to tomorrow), findings, suggestions, document (text rules).
  sdk::Status validate(const store::DrillEvaluation& evaluation);
  // Validates and stores it with its audit entry; nothing is written on failure.
  sdk::Result<sdk::RecordId> record(store::DrillEvaluation evaluation, const store::Actor& actor);

 private:
  sdk::Status invalid(const std::string& field, const std::string& zh, const std::string& en) const;
  store::Database& db_;
  bool english_;
};

}  // namespace beacon::service
