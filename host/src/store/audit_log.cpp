#include "store/audit_log.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/row.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

void AuditLog::append(const Actor& actor, const std::string& action, const std::string& entity,
                      sdk::RecordId entity_id, const std::string& before_json,
                      const std::string& after_json) {
  session_ << "INSERT INTO audit_log(at, username, action, entity, entity_id, before_json, after_json)"
              " VALUES($1, $2, $3, $4, $5, $6, $7)",
      bind(isoTimestampNow()), bind(actor.username), bind(action), bind(entity),
      bind(static_cast<Poco::Int64>(entity_id)), bind(before_json), bind(after_json), now;
}

std::vector<AuditEntry> AuditLog::list(const std::string& entity, sdk::RecordId entity_id,
                                       int limit) {
  Poco::Data::Statement st(session_);
  st << "SELECT id, at, username, action, entity, entity_id, before_json, after_json FROM audit_log"
        " WHERE ($1 = '' OR entity = $2) AND ($3 = 0 OR entity_id = $4) ORDER BY id DESC LIMIT $5",
      bind(entity), bind(entity), bind(static_cast<Poco::Int64>(entity_id)),
      bind(static_cast<Poco::Int64>(entity_id)), bind(limit);
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<AuditEntry> out;
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    Row r(rs, i);
    out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.int64(5), r.text(6),
                   r.text(7)});
  }
  return out;
}

}  // namespace beacon::store
