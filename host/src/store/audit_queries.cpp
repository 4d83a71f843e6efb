#include "store/audit_queries.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/row.h"

namespace beacon::store {

using namespace Poco::Data::Keywords;

namespace {

// `at` is an ISO timestamp text: a day's entries are those from its date up to the next one's.
const char* const kWhere =
    " FROM audit_log WHERE ($1 = '' OR entity = $2) AND ($3 = 0 OR entity_id = $4)"
    " AND ($5 = '' OR username = $6) AND ($7 = '' OR at >= $8) AND ($9 = '' OR at < $10)";

// The day after `day` as text ("2023-12-31" -> "2023-12-31~"): every timestamp of that day sorts before it.
std::string endOf(const std::string& day) { return day.empty() ? day : day + "~"; }

void bindFilter(Poco::Data::Statement& st, const AuditFilter& f) {
  st, bind(f.entity), bind(f.entity), bind(static_cast<Poco::Int64>(f.entity_id)),
      bind(static_cast<Poco::Int64>(f.entity_id)), bind(f.username), bind(f.username), bind(f.from),
      bind(f.from), bind(f.to), bind(endOf(f.to));
}

}  // namespace

std::vector<AuditEntry> AuditQueries::list(const AuditFilter& filter) {
  Poco::Data::Statement st(session_);
  st << std::string("SELECT id, at, username, action, entity, entity_id, before_json, after_json, os_user,"
                    " prev_hash, hash") +
            kWhere + " ORDER BY id DESC LIMIT $11 OFFSET $12";
  bindFilter(st, filter);
  st, bind(filter.limit), bind(filter.offset);
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<AuditEntry> out;
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    Row r(rs, i);
    out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.int64(5), r.text(6), r.text(7),
                   r.text(8), r.text(9), r.text(10)});
  }
  return out;
}

int AuditQueries::count(const AuditFilter& filter) {
  Poco::Data::Statement st(session_);
  st << std::string("SELECT COUNT(*)") + kWhere;
  bindFilter(st, filter);
  st.execute();
  Poco::Data::RecordSet rs(st);
  return rs.rowCount() == 0 ? 0 : static_cast<int>(Row(rs, 0).int64(0));
}

}  // namespace beacon::store
