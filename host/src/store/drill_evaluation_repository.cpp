#include "store/drill_evaluation_repository.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/lifecycle_record_json.h"
#include "store/record_json.h"
#include "store/record_parse.h"
#include "store/record_voids.h"
#include "store/row.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

sdk::RecordId DrillEvaluationRepository::add(DrillEvaluation& e, const Actor& actor) {
  Transaction tx(session_);
  Poco::Int64 id = 0;
  session_ << "INSERT INTO drill_evaluations(drill_id, verdict, findings, suggestions, evaluator, evaluation_date,"
              " document, created_at) VALUES($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      bind(static_cast<Poco::Int64>(e.drill_id)), bind(std::string(sdk::toId(e.verdict))), bind(e.findings),
      bind(e.suggestions), bind(e.evaluator), bind(e.date.toString()), bind(e.document), bind(isoTimestampNow()),
      into(id), now;
  e.id = id;
  session_ << "INSERT INTO rule_changes(org_id) SELECT org_id FROM drills WHERE id = $1",
      bind(static_cast<Poco::Int64>(e.drill_id)), now;
  audit_.append(actor, "create", "drill_evaluation", id, "", stringify(toJson(e)));
  tx.commit();
  return id;
}

void DrillEvaluationRepository::correct(const DrillEvaluation& before, const DrillEvaluation& after,
                                        const Actor& actor, const std::string& reason) {
  Transaction tx(session_);
  session_ << "UPDATE drill_evaluations SET verdict = $1, findings = $2, suggestions = $3, evaluator = $4,"
              " evaluation_date = $5, document = $6 WHERE id = $7",
      bind(std::string(sdk::toId(after.verdict))), bind(after.findings), bind(after.suggestions),
      bind(after.evaluator), bind(after.date.toString()), bind(after.document),
      bind(static_cast<Poco::Int64>(before.id)), now;
  appendCorrection(audit_, actor, RecordKind::DrillEvaluation, before.id, toJson(before), toJson(after), reason);
  tx.commit();
}

std::vector<DrillEvaluation> DrillEvaluationRepository::select(const std::string& where, sdk::RecordId arg) {
  Poco::Data::Statement st(session_);
  st << "SELECT id, drill_id, verdict, findings, suggestions, evaluator, evaluation_date, document"
        " FROM drill_evaluations " + where + " ORDER BY id",
      bind(static_cast<Poco::Int64>(arg));
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<DrillEvaluation> out;
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    Row r(rs, i);
    DrillEvaluation e;
    e.id = r.int64(0);
    e.drill_id = r.int64(1);
    e.verdict = store::parseDrillVerdict(r.text(2)).value_or(sdk::DrillVerdict::None);
    e.findings = r.text(3);
    e.suggestions = r.text(4);
    e.evaluator = r.text(5);
    e.date = r.date(6);
    e.document = r.text(7);
    out.push_back(std::move(e));
  }
  return out;
}

std::optional<DrillEvaluation> DrillEvaluationRepository::findById(sdk::RecordId id) {
  auto v = select("WHERE id = $1", id);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::optional<DrillEvaluation> DrillEvaluationRepository::findByDrill(sdk::RecordId drill_id) {
  auto v = select("WHERE drill_id = $1 AND voided_at = ''", drill_id);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<DrillEvaluation> DrillEvaluationRepository::listInForce() {
  return select("WHERE voided_at = '' AND id > $1", 0);
}

}  // namespace beacon::store
