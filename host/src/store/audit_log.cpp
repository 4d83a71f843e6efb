#include "store/audit_log.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/audit_chain.h"
#include "store/row.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

void AuditLog::append(const Actor& actor, const std::string& action, const std::string& entity,
                      sdk::RecordId entity_id, const std::string& before_json,
                      const std::string& after_json) {
  // Reading the newest entry and inserting its successor happen in one write
  // transaction, so two writers cannot both link to the same entry: the
  // second waits for (or fails on) SQLite's write lock.
  Transaction tx(session_);
  Poco::Int64 last_id = 0;
  std::string last_hash;
  session_ << "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", into(last_id), into(last_hash), now;
  AuditEntry e{last_id + 1, isoTimestampNow(), actor.username, action,   entity, entity_id,
               before_json, after_json,        actor.os_user,  last_hash, ""};
  e.hash = auditEntryHash(e, e.prev_hash);
  session_ << "INSERT INTO audit_log(id, at, username, action, entity, entity_id, before_json, after_json,"
              " os_user, prev_hash, hash) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      bind(static_cast<Poco::Int64>(e.id)), bind(e.at), bind(e.username), bind(e.action), bind(e.entity),
      bind(static_cast<Poco::Int64>(e.entity_id)), bind(e.before_json), bind(e.after_json), bind(e.os_user),
      bind(e.prev_hash), bind(e.hash), now;
  tx.commit();
}

std::vector<AuditEntry> AuditLog::list(const std::string& entity, sdk::RecordId entity_id,
                                       int limit) {
  // Only the conditions asked for are in the statement: "($1 = '' OR entity = $2)" kept the
  // planner off audit_log_entity, so a drill's history (every drill POST's answer, every drill
  // page) scanned the whole log by id (bench/mixed: 10 ms a POST on the demo city, growing with
  // the log).
  const Poco::Int64 id = static_cast<Poco::Int64>(entity_id);
  Poco::Data::Statement st(session_);
  st << "SELECT id, at, username, action, entity, entity_id, before_json, after_json, os_user,"
        " prev_hash, hash FROM audit_log";
  if (!entity.empty() && entity_id != 0) {
    st << " WHERE entity = $1 AND entity_id = $2 ORDER BY id DESC LIMIT $3", bind(entity), bind(id), bind(limit);
  } else if (!entity.empty()) {
    st << " WHERE entity = $1 ORDER BY id DESC LIMIT $2", bind(entity), bind(limit);
  } else if (entity_id != 0) {
    st << " WHERE entity_id = $1 ORDER BY id DESC LIMIT $2", bind(id), bind(limit);
  } else {
    st << " ORDER BY id DESC LIMIT $1", bind(limit);
  }
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<AuditEntry> out;
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    Row r(rs, i);
    out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.int64(5), r.text(6),
                   r.text(7), r.text(8), r.text(9), r.text(10)});
  }
  return out;
}

}  // namespace beacon::store
