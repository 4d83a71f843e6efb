#include "service/drill_evaluation_service.h"

#include <Poco/Exception.h>

#include "service/record_checks.h"
#include "service/storage_message.h"
#include "service/text_limits.h"
#include "store/drill_evaluation_repository.h"
#include "store/drill_repository.h"
#include "store/record_voids.h"
#include "store/storage_error.h"
#include "store/transaction.h"

namespace beacon::service {

sdk::Status DrillEvaluationService::invalid(const std::string& field, const std::string& zh,
                                            const std::string& en) const {
  return sdk::Status::invalid(field, english_ ? en : zh);
}

sdk::Status DrillEvaluationService::validate(const store::DrillEvaluation& e) {
  for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"findings", &e.findings},
                                     {"suggestions", &e.suggestions},
                                     {"evaluator", &e.evaluator},
                                     {"document", &e.document}}) {
    if (sdk::Status s = checkText("drill_evaluation", field, *value); !s.isOk()) {
      return sdk::Status::invalid(s.field(), localisedMessage(s.message(), english_));
    }
  }
  const auto drill = e.drill_id != 0 ? store::DrillRepository(db_.session()).findById(e.drill_id) : std::nullopt;
  if (!drill) {
    return invalid("drill_id", "没有编号为 " + std::to_string(e.drill_id) + " 的演练",
                   "no drill with id " + std::to_string(e.drill_id));
  }
  const auto mark = store::RecordVoids(db_.session()).mark(store::RecordKind::Drill, e.drill_id);
  if (mark && mark->voided()) {
    return invalid("drill_id", "演练 #" + std::to_string(e.drill_id) + " 已作废",
                   "drill #" + std::to_string(e.drill_id) + " is voided");
  }
  const auto existing = store::DrillEvaluationRepository(db_.session()).findByDrill(e.drill_id);
  if (existing && existing->id != e.id) {  // a corrected evaluation is itself the one in force
    return invalid("drill_id", "演练 #" + std::to_string(e.drill_id) + " 已有评估报告 #" + std::to_string(existing->id),
                   "drill #" + std::to_string(e.drill_id) + " already has evaluation #" +
                       std::to_string(existing->id));
  }
  if (e.verdict == sdk::DrillVerdict::None) {
    return invalid("verdict", "评估结论必填（优、良、中、差）", "is required (excellent, good, fair or poor)");
  }
  if (e.evaluator.find_first_not_of(" \t\n") == std::string::npos) {
    return invalid("evaluator", "评估人（或评估单位）必填", "is required (the person or body that evaluated)");
  }
  if (!isValidDate(e.date)) return invalid("date", "评估日期必填（YYYY-MM-DD）", "is required (YYYY-MM-DD)");
  if (e.date < drill->date) {
    return invalid("date", "评估日期 " + e.date.toString() + " 早于演练日期 " + drill->date.toString(),
                   e.date.toString() + " is before the drill's date " + drill->date.toString());
  }
  if (e.date > today().addDays(1)) {
    return invalid("date", "评估日期 " + e.date.toString() + " 晚于今天", e.date.toString() + " is in the future");
  }
  return sdk::Status::ok();
}

sdk::Result<sdk::RecordId> DrillEvaluationService::record(store::DrillEvaluation e, const store::Actor& actor) {
  e.id = 0;
  try {
    store::Transaction tx(db_.session());
    if (sdk::Status s = validate(e); !s.isOk()) return s;
    const sdk::RecordId id = store::DrillEvaluationRepository(db_.session()).add(e, actor);
    tx.commit();
    return id;
  } catch (const Poco::Exception& ex) {
    const std::string message = couldNotStore({"演练评估报告", "the drill evaluation"}, english_);
    store::throwIfStorageFailure(ex, message);
    return store::failureStatus(ex, withDetail(message, ex.displayText(), english_));
  }
}

}  // namespace beacon::service
