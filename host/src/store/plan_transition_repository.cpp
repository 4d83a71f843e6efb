#include "store/plan_transition_repository.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Object.h>

#include "store/lifecycle_record_json.h"
#include "store/record_json.h"
#include "store/record_voids.h"
#include "store/row.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

sdk::RecordId PlanTransitionRepository::add(PlanTransition& t, const Actor& actor) {
  Transaction tx(session_);
  t.actor = actor.username;
  t.created_at = isoTimestampNow();
  Poco::Int64 id = 0;
  session_ << "INSERT INTO plan_transitions(plan_id, plan_version_id, step, from_status, to_status,"
              " event_date, actor, body, document, note, created_at)"
              " VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
      bind(static_cast<Poco::Int64>(t.plan_id)), bind(nullableId(t.plan_version_id)), bind(t.step),
      bind(t.from_status), bind(t.to_status), bind(t.date.toString()), bind(t.actor), bind(t.body),
      bind(t.document), bind(t.note), bind(t.created_at), into(id), now;
  t.id = id;
  audit_.append(actor, t.step, "plan_transition", id, "", stringify(toJson(t)));
  tx.commit();
  return id;
}

std::vector<PlanTransition> PlanTransitionRepository::select(const std::string& where, sdk::RecordId arg) {
  Poco::Data::Statement st(session_);
  st << "SELECT t.id, t.plan_id, t.plan_version_id, COALESCE(v.number, 0), t.step, t.from_status,"
        " t.to_status, t.event_date, t.actor, t.body, t.document, t.note, t.created_at, t.voided_at,"
        " t.voided_by, t.void_reason"
        " FROM plan_transitions t LEFT JOIN plan_versions v ON v.id = t.plan_version_id " +
            where + " ORDER BY t.event_date, t.id",
      bind(static_cast<Poco::Int64>(arg));
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<PlanTransition> out;
  out.reserve(rs.rowCount());
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    Row r(rs, i);
    PlanTransition t;
    t.id = r.int64(0);
    t.plan_id = r.int64(1);
    t.plan_version_id = r.int64(2);
    t.version_number = r.integer(3);
    t.step = r.text(4);
    t.from_status = r.text(5);
    t.to_status = r.text(6);
    t.date = r.date(7);
    t.actor = r.text(8);
    t.body = r.text(9);
    t.document = r.text(10);
    t.note = r.text(11);
    t.created_at = r.text(12);
    t.voided_at = r.text(13);
    t.voided_by = r.text(14);
    t.void_reason = r.text(15);
    out.push_back(std::move(t));
  }
  return out;
}

std::optional<PlanTransition> PlanTransitionRepository::findById(sdk::RecordId id) {
  auto v = select("WHERE t.id = $1", id);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<PlanTransition> PlanTransitionRepository::listForPlan(sdk::RecordId plan_id) {
  return select("WHERE t.plan_id = $1", plan_id);
}

void PlanTransitionRepository::correct(const PlanTransition& before, const PlanTransition& after,
                                       const Actor& actor, const std::string& reason) {
  Transaction tx(session_);
  session_ << "UPDATE plan_transitions SET event_date = $1, body = $2, document = $3, note = $4 WHERE id = $5",
      bind(after.date.toString()), bind(after.body), bind(after.document), bind(after.note),
      bind(static_cast<Poco::Int64>(before.id)), now;
  appendCorrection(audit_, actor, RecordKind::PlanTransition, before.id, toJson(before), toJson(after), reason);
  tx.commit();
}

}  // namespace beacon::store
