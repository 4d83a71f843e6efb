#include "store/plan_history_queries.h"

#include "store/row_scanner.h"

namespace beacon::store {

PlanHistoryQueries::PlanHistoryQueries(Poco::Data::Session& session, const std::string& domain,
                                       sdk::RecordId plan_id)
    : session_(session) {
  if (plan_id != 0) {
    params_.push_back(std::to_string(plan_id));
    condition_ = " AND p.id = $1";
  } else if (!domain.empty()) {
    params_.push_back(domain);
    condition_ = " AND p.domain = $1";
  }
}

std::string PlanHistoryQueries::join(const std::string& alias) const {
  return condition_.empty() ? std::string()
                            : " JOIN plans p ON p.id = " + alias + ".plan_id" + condition_;
}

void PlanHistoryQueries::issuedVersions(
    const std::function<void(const IssuedVersionRow&)>& row) const {
  IssuedVersionRow out;
  RowScanner(session_).scan(
      "SELECT v.plan_id, v.number, v.issued, v.major, COALESCE(v.addresses_action_id, 0)"
      " FROM plan_versions v" +
          join("v") + " WHERE v.issued <> '' ORDER BY v.plan_id, v.issued, v.number",
      params_, [&](const ScannedRow& r) {
        out.plan_id = r.int64(0);
        out.number = r.integer(1);
        out.issued = r.date(2);
        out.major = r.int64(3) != 0;
        out.addresses_action_id = r.int64(4);
        row(out);
      });
}

void PlanHistoryQueries::revisionEvaluations(
    const std::function<void(const RevisionEvaluationRow&)>& row) const {
  RevisionEvaluationRow out;
  RowScanner(session_).scan(
      "SELECT r.plan_id, r.review_date, r.findings FROM reviews r" + join("r") +
          " WHERE r.kind = 'evaluation' AND r.conclusion = 'revise' AND r.voided_at = ''",
      params_, [&](const ScannedRow& r) {
        out.plan_id = r.int64(0);
        out.date = r.date(1);
        out.findings = r.text(2);
        row(out);
      });
}

void PlanHistoryQueries::planDefects(const std::function<void(const PlanDefectRow&)>& row) const {
  PlanDefectRow out;
  RowScanner(session_).scan(
      "SELECT a.plan_id, COALESCE(d.drill_date, rv.review_date, substr(a.created_at, 1, 10)),"
      " a.description, a.id, a.due, a.source_kind, COALESCE(d.id, rv.id, 0) FROM "
      "corrective_actions a" +
          join("a") +
          " LEFT JOIN drills d ON a.source_kind = 'drill' AND d.id = a.source_id"
          " LEFT JOIN reviews rv ON a.source_kind = 'review' AND rv.id = a.source_id"
          " WHERE a.plan_defect = 1 AND a.plan_id IS NOT NULL AND a.voided_at = ''",
      params_, [&](const ScannedRow& r) {
        out.plan_id = r.int64(0);
        out.found = r.date(1);
        out.description = r.text(2);
        out.action_id = r.int64(3);
        out.due = r.date(4);
        out.source_kind = r.text(5);
        out.source_id = r.int64(6);
        row(out);
      });
}

void PlanHistoryQueries::steps(const std::function<void(const PlanStepRow&)>& row) const {
  PlanStepRow out;
  RowScanner(session_).scan(
      "SELECT t.plan_id, t.event_date, t.step, t.to_status, t.id, "
      "COALESCE(t.plan_version_id, 0) FROM plan_transitions t" +
          join("t") + " WHERE t.voided_at = '' ORDER BY t.plan_id, t.event_date, t.id",
      params_, [&](const ScannedRow& r) {
        out.plan_id = r.int64(0);
        out.date = r.date(1);
        out.step = r.text(2);
        out.to_status = r.text(3);
        out.id = r.int64(4);
        out.plan_version_id = r.int64(5);
        row(out);
      });
}

void PlanHistoryQueries::abolitions(const std::function<void(const PlanAbolitionRow&)>& row) const {
  PlanAbolitionRow out;
  RowScanner(session_).scan(
      "SELECT p.id, p.abolished_on FROM plans p WHERE p.abolished_on <> ''" + condition_, params_,
      [&](const ScannedRow& r) {
        out.plan_id = r.int64(0);
        out.date = r.date(1);
        row(out);
      });
}

}  // namespace beacon::store
