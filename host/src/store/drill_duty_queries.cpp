#include "store/drill_duty_queries.h"

#include "store/record_parse.h"
#include "store/row_scanner.h"
#include "store/scoped_drill_ids.h"
#include "store/sql_id_list.h"

namespace beacon::store {

DrillDutyQueries::DrillDutyQueries(Poco::Data::Session& session,
                                   std::shared_ptr<const std::vector<sdk::RecordId>> scope)
    : session_(session),
      scope_(std::move(scope)),
      scope_list_(scope_ ? sqlIdList(*scope_) : std::string()) {}

std::vector<DrillPlan> DrillDutyQueries::drillPlans(int year) const {
  std::string sql = "SELECT id, org_id, year, made_on FROM drill_plans WHERE year = $1";
  if (scope_) sql += " AND org_id IN " + scope_list_;
  std::vector<DrillPlan> out;
  RowScanner(session_).scan(sql + " ORDER BY org_id", {std::to_string(year)},
                            [&](const ScannedRow& r) {
                              DrillPlan& p = out.emplace_back();
                              p.id = r.int64(0);
                              p.org_id = r.int64(1);
                              p.year = r.integer(2);
                              p.made_on = r.date(3);
                            });
  return out;
}

std::vector<DrillEvaluationState> DrillDutyQueries::evaluationStates(const sdk::Date& from,
                                                                     const sdk::Date& to) const {
  const std::vector<std::string> params = {
      from.isSet() ? from.toString() : std::string("0000-01-01"),
      to.isSet() ? to.toString() : std::string("9999-12-31")};
  std::string sql =
      "SELECT d.id, d.domain, d.drill_type, d.org_id, d.plan_id, d.drill_date, d.verdict, e.id, "
      "e.evaluation_date FROM drills d LEFT JOIN drill_evaluations e ON e.drill_id = d.id AND "
      "e.voided_at = '' WHERE d.voided_at = '' AND d.drill_date >= $1 AND d.drill_date <= $2"
      " AND (d.verdict = '' OR e.id IS NOT NULL)";
  if (scope_) {
    sql += " AND d.id IN " + scopedDrillIds(scope_list_);
  }
  std::vector<DrillEvaluationState> out;
  RowScanner(session_).scan(sql + " ORDER BY d.drill_date, d.id", params,
                            [&](const ScannedRow& r) {
                              DrillEvaluationState& s = out.emplace_back();
                              s.drill.id = r.int64(0);
                              s.drill.domain = r.text(1);
                              s.drill.drill_type = r.text(2);
                              s.drill.org_id = r.int64(3);
                              s.drill.plan_id = r.int64(4);
                              s.drill.date = r.date(5);
                              s.drill.verdict = store::parseDrillVerdict(r.text(6)).value_or(
                                  sdk::DrillVerdict::None);
                              s.evaluation_id = r.int64(7);
                              s.evaluated = r.date(8);
                            });
  return out;
}

}  // namespace beacon::store
