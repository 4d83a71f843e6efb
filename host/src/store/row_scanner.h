// RowScanner: runs one read-only SELECT and hands each result row to a callback, for the bulk
// readers that load tens of thousands of rows per check or summary (plans, versions,
// organisations, drills). How the rows are stepped is the dialect's business (Dialect::scan):
// SQLite steps a statement kept per connection (sqlite_statement_cache.h) through its C API
// (sqlite_row_scan.h: no per-cell Poco::Dynamic conversion, which cost ~1 µs per cell); PostgreSQL
// reads a Poco::Data RecordSet (scanRecordSet). Parameters are text, numbered $1..$n in order of
// first use. Only store/ writes the statements; the layers above get rows or records from its
// repositories and named queries. Not thread-safe (follows its Session).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <Poco/Data/Session.h>
#include <Poco/Types.h>

#include "beacon/sdk/date.h"

namespace beacon::store {

// One row during a scan; NULL reads as 0, "" or an unset date. Valid only inside the callback.
class ScannedRow {
 public:
  virtual ~ScannedRow() = default;
  virtual Poco::Int64 int64(int col) const = 0;
  int integer(int col) const { return static_cast<int>(int64(col)); }
  virtual std::string text(int col) const = 0;
  // The text without a copy; valid until the next row (or the next view call).
  virtual std::string_view view(int col) const = 0;
  virtual sdk::Date date(int col) const = 0;
};

using RowCallback = std::function<void(const ScannedRow&)>;

class RowScanner {
 public:
  explicit RowScanner(Poco::Data::Session& session) : session_(session) {}
  // Throws Poco::Data::DataException (SQLite errors included) like Poco::Data does.
  void scan(const std::string& sql, const std::vector<std::string>& params, const RowCallback& row);

 private:
  Poco::Data::Session& session_;
};

// The plain Poco::Data way (one Statement, then its RecordSet), for dialects with no faster one.
void scanRecordSet(Poco::Data::Session& session, const std::string& sql,
                   const std::vector<std::string>& params, const RowCallback& row);

}  // namespace beacon::store
