#include "store/web_session_repository.h"

#include <Poco/Data/Statement.h>

#include "store/row_scanner.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

void WebSessionRepository::add(const WebSessionRow& r) {
  session_ << "INSERT INTO web_sessions(id_hash, csrf_token, user_id, username, ip,"
              " credentials_generation, created_ms, last_seen_ms)"
              " VALUES($1, $2, $3, $4, $5, $6, $7, $8)",
      bind(r.id_hash), bind(r.csrf_token), bind(static_cast<Poco::Int64>(r.user_id)),
      bind(r.username), bind(r.ip), bind(r.credentials_generation), bind(r.created_ms),
      bind(r.last_seen_ms), now;
}

std::optional<WebSessionRow> WebSessionRepository::find(const std::string& id_hash) {
  std::optional<WebSessionRow> found;
  RowScanner(session_).scan(
      "SELECT csrf_token, user_id, username, ip, credentials_generation, created_ms,"
      " last_seen_ms FROM web_sessions WHERE id_hash = $1",
      {id_hash}, [&](const ScannedRow& r) {
        if (found) return;
        WebSessionRow row;
        row.id_hash = id_hash;
        row.csrf_token = r.text(0);
        row.user_id = r.int64(1);
        row.username = r.text(2);
        row.ip = r.text(3);
        row.credentials_generation = r.integer(4);
        row.created_ms = r.int64(5);
        row.last_seen_ms = r.int64(6);
        found = std::move(row);
      });
  return found;
}

void WebSessionRepository::touch(const std::string& id_hash, Poco::Int64 last_seen_ms) {
  session_ << "UPDATE web_sessions SET last_seen_ms = $1 WHERE id_hash = $2", bind(last_seen_ms),
      bind(id_hash), now;
}

void WebSessionRepository::remove(const std::string& id_hash) {
  session_ << "DELETE FROM web_sessions WHERE id_hash = $1", bind(id_hash), now;
}

std::size_t WebSessionRepository::removeForUser(sdk::RecordId user_id) {
  Poco::Data::Statement st(session_);
  st << "DELETE FROM web_sessions WHERE user_id = $1", bind(static_cast<Poco::Int64>(user_id));
  return st.execute();
}

std::size_t WebSessionRepository::removeExpired(Poco::Int64 idle_cutoff_ms,
                                                Poco::Int64 absolute_cutoff_ms) {
  Poco::Data::Statement st(session_);
  st << "DELETE FROM web_sessions WHERE last_seen_ms <= $1 OR created_ms <= $2",
      bind(idle_cutoff_ms), bind(absolute_cutoff_ms);
  return st.execute();
}

std::size_t WebSessionRepository::count() {
  Poco::Int64 n = 0;
  session_ << "SELECT COUNT(*) FROM web_sessions", into(n), now;
  return static_cast<std::size_t>(n);
}

}  // namespace beacon::store
