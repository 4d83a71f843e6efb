#include "store/plan_transition_repository.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Object.h>

#include "store/record_json.h"
#include "store/row.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {
Poco::JSON::Object::Ptr transitionJson(const PlanTransition& t) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", t.id);
  o->set("plan_id", t.plan_id);
  o->set("plan_version_id", t.plan_version_id);
  o->set("step", t.step);
  o->set("from_status", t.from_status);
  o->set("to_status", t.to_status);
  o->set("date", t.date.toString());
  o->set("body", t.body);
  o->set("document", t.document);
  o->set("note", t.note);
  return o;
}
}  // namespace

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
  audit_.append(actor, t.step, "plan_transition", id, "", stringify(transitionJson(t)));
  tx.commit();
  return id;
}

std::vector<PlanTransition> PlanTransitionRepository::listForPlan(sdk::RecordId plan_id) {
  Poco::Data::Statement st(session_);
  st << "SELECT t.id, t.plan_id, t.plan_version_id, COALESCE(v.number, 0), t.step, t.from_status,"
        " t.to_status, t.event_date, t.actor, t.body, t.document, t.note, t.created_at"
        " FROM plan_transitions t LEFT JOIN plan_versions v ON v.id = t.plan_version_id"
        " WHERE t.plan_id = $1 ORDER BY t.event_date, t.id",
      bind(static_cast<Poco::Int64>(plan_id));
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
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace beacon::store
