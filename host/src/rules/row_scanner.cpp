#include "rules/row_scanner.h"

#include <sqlite3.h>

#include <Poco/Data/DataException.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Statement.h>
#include <Poco/String.h>

#include "store/row.h"

using namespace Poco::Data::Keywords;

namespace beacon::rules {

namespace {

sdk::Date parseDate(const char* text, std::size_t size) {
  if (size != 10) return {};
  auto d = sdk::Date::parse(std::string(text, size));
  return d ? *d : sdk::Date{};
}

class Prepared {
 public:
  Prepared(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) fail();
  }
  ~Prepared() { sqlite3_finalize(stmt_); }
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;
  sqlite3_stmt* get() const { return stmt_; }
  [[noreturn]] void fail() const { throw Poco::Data::DataException(sqlite3_errmsg(db_)); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace

Poco::Int64 ScannedRow::int64(int col) const {
  if (stmt_) return sqlite3_column_int64(stmt_, col);
  const store::Row r(*rs_, row_);
  return r.int64(static_cast<std::size_t>(col));
}

std::string ScannedRow::text(int col) const {
  if (stmt_) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }
  const store::Row r(*rs_, row_);
  return r.text(static_cast<std::size_t>(col));
}

std::string_view ScannedRow::view(int col) const {
  if (stmt_) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string_view();
  }
  buffer_ = text(col);
  return buffer_;
}

sdk::Date ScannedRow::date(int col) const {
  if (stmt_) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? parseDate(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : sdk::Date{};
  }
  const store::Row r(*rs_, row_);
  return r.date(static_cast<std::size_t>(col));
}

void RowScanner::scan(const std::string& sql, const std::vector<std::string>& params,
                      const std::function<void(const ScannedRow&)>& row) {
  ScannedRow current;
  if (Poco::icompare(session_.connector(), std::string("sqlite")) == 0) {
    Prepared st(Poco::Data::SQLite::Utility::dbHandle(session_), sql);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int index = sqlite3_bind_parameter_index(st.get(), ("$" + std::to_string(i + 1)).c_str());
      if (index == 0) continue;
      if (sqlite3_bind_text(st.get(), index, params[i].data(), static_cast<int>(params[i].size()),
                            SQLITE_TRANSIENT) != SQLITE_OK) {
        st.fail();
      }
    }
    current.stmt_ = st.get();
    for (;;) {
      const int rc = sqlite3_step(st.get());
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) st.fail();
      row(current);
    }
    return;
  }
  Poco::Data::Statement st(session_);
  for (const auto& p : params) st, bind(p);
  st << sql;
  st.execute();
  Poco::Data::RecordSet rs(st);
  current.rs_ = &rs;
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    current.row_ = i;
    row(current);
  }
}

}  // namespace beacon::rules
