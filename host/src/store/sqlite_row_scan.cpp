#include "store/sqlite_row_scan.h"

#include <sqlite3.h>

#include <Poco/Data/DataException.h>
#include <Poco/Data/SQLite/Utility.h>

#include "store/sqlite_statement_cache.h"

namespace beacon::store {

namespace {

sdk::Date parseDate(const char* text, std::size_t size) {
  if (size != 10) return {};
  auto d = sdk::Date::parse(std::string(text, size));
  return d ? *d : sdk::Date{};
}

[[noreturn]] void fail(sqlite3* db) { throw Poco::Data::DataException(sqlite3_errmsg(db)); }

// The current row of a stepped statement.
class SqliteRow : public ScannedRow {
 public:
  explicit SqliteRow(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Poco::Int64 int64(int col) const override { return sqlite3_column_int64(stmt_, col); }
  std::string text(int col) const override {
    const std::string_view v = view(col);
    return std::string(v.data(), v.size());
  }
  std::string_view view(int col) const override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
  }
  sdk::Date date(int col) const override {
    const std::string_view v = view(col);
    return v.data() ? parseDate(v.data(), v.size()) : sdk::Date{};
  }

 private:
  sqlite3_stmt* stmt_;
};

}  // namespace

void sqliteRowScan(Poco::Data::Session& session, const std::string& sql,
                   const std::vector<std::string>& params, const RowCallback& row) {
  sqlite3* db = Poco::Data::SQLite::Utility::dbHandle(session);
  const auto st = SqliteStatementCache::of(db).lease(sql);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index =
        sqlite3_bind_parameter_index(st.get(), ("$" + std::to_string(i + 1)).c_str());
    if (index == 0) continue;
    if (sqlite3_bind_text(st.get(), index, params[i].data(), static_cast<int>(params[i].size()),
                          SQLITE_TRANSIENT) != SQLITE_OK) {
      fail(db);
    }
  }
  const SqliteRow current(st.get());
  for (;;) {
    const int rc = sqlite3_step(st.get());
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail(db);
    row(current);
  }
}

}  // namespace beacon::store
