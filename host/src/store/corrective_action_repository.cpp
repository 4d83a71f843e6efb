#include "store/corrective_action_repository.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/corrective_action.h"
#include "store/record_json.h"
#include "store/record_voids.h"
#include "store/row.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

sdk::RecordId CorrectiveActionRepository::add(store::CorrectiveAction& a, const Actor& actor) {
  Transaction tx(session_);
  Poco::Int64 id = 0;
  session_ << "INSERT INTO corrective_actions(source_kind, source_id, plan_id, description,"
              " responsible_org_id, due, status, plan_defect, created_at)"
              " VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      bind(std::string(store::toId(a.source_kind))), bind(static_cast<Poco::Int64>(a.source_id)),
      bind(nullableId(a.plan_id)), bind(a.description),
      bind(static_cast<Poco::Int64>(a.responsible_org_id)), bind(a.due.toString()),
      bind(std::string(store::toId(a.status))), bind(a.plan_defect ? 1 : 0),
      bind(isoTimestampNow()), into(id), now;
  a.id = id;
  audit_.append(actor, "create", "corrective_action", id, "", stringify(toJson(a)));
  tx.commit();
  return id;
}

void CorrectiveActionRepository::setStatus(sdk::RecordId id, store::ActionStatus status,
                                           const Actor& actor) {
  Transaction tx(session_);
  auto before = findById(id);
  if (!before) throw Poco::NotFoundException("corrective action " + std::to_string(id));
  session_ << "UPDATE corrective_actions SET status = $1 WHERE id = $2",
      bind(std::string(store::toId(status))), bind(static_cast<Poco::Int64>(id)), now;
  auto after = *before;
  after.status = status;
  audit_.append(actor, "update", "corrective_action", id, stringify(toJson(*before)),
                stringify(toJson(after)));
  tx.commit();
}

std::vector<store::CorrectiveAction> CorrectiveActionRepository::select(const std::string& where,
                                                                        Poco::Int64 a,
                                                                        Poco::Int64 b,
                                                                        const std::string& text) {
  Poco::Data::Statement st(session_);
  st << "SELECT id, source_kind, source_id, plan_id, description, responsible_org_id, due, status,"
        " plan_defect FROM corrective_actions WHERE " + where + " ORDER BY id",
      bind(a), bind(b), bind(text);
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<store::CorrectiveAction> out;
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    Row r(rs, i);
    store::CorrectiveAction c;
    c.id = r.int64(0);
    c.source_kind = r.text(1) == "review" ? store::SourceKind::Review : store::SourceKind::Drill;
    c.source_id = r.int64(2);
    c.plan_id = r.int64(3);
    c.description = r.text(4);
    c.responsible_org_id = r.int64(5);
    c.due = r.date(6);
    c.status = store::parseActionStatus(r.text(7)).value_or(store::ActionStatus::Open);
    c.plan_defect = r.boolean(8);
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<store::CorrectiveAction> CorrectiveActionRepository::findById(sdk::RecordId id) {
  auto v = select("id = $1 AND $2 = $2 AND $3 = $3", id, 0, "");
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<store::CorrectiveAction> CorrectiveActionRepository::listForPlan(sdk::RecordId plan_id,
                                                                             bool open_only) {
  return select("($1 = 0 OR plan_id = $2) AND ($3 = '' OR status = $3)", plan_id, plan_id,
                open_only ? "open" : "");
}

std::vector<store::CorrectiveAction> CorrectiveActionRepository::listForSource(
    store::SourceKind kind, sdk::RecordId source_id) {
  return select("source_id = $1 AND $2 = $2 AND source_kind = $3", source_id, 0, store::toId(kind));
}

void CorrectiveActionRepository::correct(const store::CorrectiveAction& before,
                                         const store::CorrectiveAction& after, const Actor& actor,
                                         const std::string& reason) {
  Transaction tx(session_);
  session_ << "UPDATE corrective_actions SET description = $1, responsible_org_id = $2, due = $3 WHERE id = $4",
      bind(after.description), bind(static_cast<Poco::Int64>(after.responsible_org_id)), bind(after.due.toString()),
      bind(static_cast<Poco::Int64>(before.id)), now;
  appendCorrection(audit_, actor, RecordKind::CorrectiveAction, before.id, toJson(before), toJson(after), reason);
  tx.commit();
}

}  // namespace beacon::store
