#include "store/postgres_copy.h"

#include <libpq-fe.h>

#include <Poco/Data/PostgreSQL/PostgreSQLException.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {

constexpr std::size_t kFlushBytes = 1 << 20;

PGconn* connection(Poco::Data::Session& session) {
  return static_cast<Poco::Data::PostgreSQL::SessionImpl*>(session.impl())->handle();
}

[[noreturn]] void refuse(PGconn* conn, const std::string& what) {
  throw Poco::Data::PostgreSQL::StatementException(what + ": " + PQerrorMessage(conn));
}

}  // namespace

PostgresCopy::PostgresCopy(Poco::Data::Session& session, std::string table, std::vector<std::string> columns)
    : session_(session), table_(std::move(table)), columns_(std::move(columns)) {
  buffer_.reserve(kFlushBytes + 4096);
}

PostgresCopy::~PostgresCopy() {
  if (!open_) return;
  // Abandoned (an exception between cells): end the stream with an error so the connection
  // leaves COPY mode; the transaction is then aborted and its owner rolls it back.
  PGconn* conn = connection(session_);
  PQputCopyEnd(conn, "copy abandoned by the client");
  while (PGresult* r = PQgetResult(conn)) PQclear(r);
}

std::vector<Poco::Int64> PostgresCopy::reserveIds(std::size_t n) {
  std::vector<Poco::Int64> ids;
  if (n == 0) return ids;
  const Poco::Int64 count = static_cast<Poco::Int64>(n);
  session_ << "SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2) ORDER BY 1",
      bind(table_), bind(count), into(ids), now;
  return ids;
}

void PostgresCopy::open() {
  std::string sql = "COPY " + table_ + "(";
  for (std::size_t i = 0; i < columns_.size(); ++i) sql += (i ? ", " : "") + columns_[i];
  sql += ") FROM STDIN";
  PGconn* conn = connection(session_);
  PGresult* r = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(r) == PGRES_COPY_IN;
  PQclear(r);
  if (!ok) refuse(conn, sql);
  open_ = true;
}

void PostgresCopy::cell() {
  if (!open_) open();
  if (row_started_) buffer_ += '\t';
  row_started_ = true;
}

void PostgresCopy::text(const std::string& value) {
  cell();
  for (const char c : value) {
    switch (c) {
      case '\\': buffer_ += "\\\\"; break;
      case '\t': buffer_ += "\\t"; break;
      case '\n': buffer_ += "\\n"; break;
      case '\r': buffer_ += "\\r"; break;
      default: buffer_ += c;
    }
  }
}

void PostgresCopy::integer(Poco::Int64 value) {
  cell();
  buffer_ += std::to_string(value);
}

void PostgresCopy::null() {
  cell();
  buffer_ += "\\N";
}

void PostgresCopy::endRow() {
  buffer_ += '\n';
  row_started_ = false;
  if (buffer_.size() >= kFlushBytes) send();
}

void PostgresCopy::send() {
  if (buffer_.empty()) return;
  PGconn* conn = connection(session_);
  if (PQputCopyData(conn, buffer_.data(), static_cast<int>(buffer_.size())) != 1) refuse(conn, "COPY " + table_);
  buffer_.clear();
}

void PostgresCopy::finish() {
  if (!open_) return;
  send();
  PGconn* conn = connection(session_);
  open_ = false;
  if (PQputCopyEnd(conn, nullptr) != 1) refuse(conn, "COPY " + table_);
  std::string error;
  while (PGresult* r = PQgetResult(conn)) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK && error.empty()) {
      const char* message = PQresultErrorMessage(r);
      error = message && *message ? message : "COPY " + table_ + " failed";
    }
    PQclear(r);
  }
  if (!error.empty()) throw Poco::Data::PostgreSQL::StatementException("COPY " + table_ + ": " + error);
}

}  // namespace beacon::store
