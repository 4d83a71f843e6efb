#include "store/digest_log_repository.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/transaction.h"
#include "store/write_stamp.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {

constexpr const char* kColumns =
    "SELECT id, org_id, digest_date, recipient, items, status, error, attempts, sent_at"
    " FROM digest_log ";

std::vector<DigestLogRow> rowsOf(Poco::Data::Statement& st) {
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<DigestLogRow> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
    DigestLogRow r;
    r.id = rs[0].convert<Poco::Int64>();
    r.org_id = rs[1].convert<Poco::Int64>();
    r.digest_date = rs[2].convert<std::string>();
    r.recipient = rs[3].convert<std::string>();
    r.items = rs[4].convert<int>();
    r.status = rs[5].convert<std::string>();
    r.error = rs[6].convert<std::string>();
    r.attempts = rs[7].convert<int>();
    r.sent_at = rs[8].convert<std::string>();
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

sdk::RecordId DigestLogRepository::claim(sdk::RecordId org_id, const sdk::Date& day,
                                         const std::string& recipient, int items) {
  Transaction tx(session_);
  tx.stampAs(kBookkeepingSubject, 0);
  const auto org = static_cast<Poco::Int64>(org_id);
  const std::string date = day.toString();
  std::vector<Poco::Int64> ids;
  session_
      << "INSERT INTO digest_log(org_id, digest_date, recipient, items, status)"
         " VALUES($1, $2, $3, $4, $5) ON CONFLICT(org_id, digest_date) DO NOTHING RETURNING id",
      bind(org), bind(date), bind(recipient), bind(items), bind(std::string(kDigestSending)),
      into(ids), now;
  if (ids.empty()) {
    session_ << "UPDATE digest_log SET status = $1, recipient = $2, items = $3, error = '',"
                " attempts = attempts + 1 WHERE org_id = $4 AND digest_date = $5 AND status = $6"
                " RETURNING id",
        bind(std::string(kDigestSending)), bind(recipient), bind(items), bind(org), bind(date),
        bind(std::string(kDigestFailed)), into(ids), now;
  }
  tx.commit();
  return ids.empty() ? 0 : ids.front();
}

void DigestLogRepository::markSent(sdk::RecordId id, const std::string& sent_at) {
  Transaction tx(session_);
  tx.stampAs(kBookkeepingSubject, 0);
  session_ << "UPDATE digest_log SET status = $1, sent_at = $2, error = '' WHERE id = $3",
      bind(std::string(kDigestSent)), bind(sent_at), bind(static_cast<Poco::Int64>(id)), now;
  tx.commit();
}

void DigestLogRepository::markFailed(sdk::RecordId id, const std::string& error) {
  Transaction tx(session_);
  tx.stampAs(kBookkeepingSubject, 0);
  session_ << "UPDATE digest_log SET status = $1, error = $2 WHERE id = $3",
      bind(std::string(kDigestFailed)), bind(error), bind(static_cast<Poco::Int64>(id)), now;
  tx.commit();
}

std::optional<DigestLogRow> DigestLogRepository::find(sdk::RecordId org_id, const sdk::Date& day) {
  Poco::Data::Statement st(session_);
  st << std::string(kColumns) + "WHERE org_id = $1 AND digest_date = $2",
      bind(static_cast<Poco::Int64>(org_id)), bind(day.toString());
  auto rows = rowsOf(st);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<DigestLogRow> DigestLogRepository::page(int offset, int limit) {
  Poco::Data::Statement st(session_);
  st << std::string(kColumns) + "ORDER BY digest_date DESC, id LIMIT $1 OFFSET $2", bind(limit),
      bind(offset);
  return rowsOf(st);
}

int DigestLogRepository::count() {
  int n = 0;
  session_ << "SELECT COUNT(*) FROM digest_log", into(n), now;
  return n;
}

}  // namespace beacon::store
