// RowScanner: runs one read-only SELECT and hands each result row to a
// callback, for the bulk readers that load tens of thousands of rows per
// check or summary (plans, versions, organisations, drills). On SQLite it
// steps the prepared statement through the C API (no per-cell Poco::Dynamic
// conversion, which cost ~1 µs per cell); on any other connector it falls
// back to Poco::Data's RecordSet. Parameters are text, numbered $1..$n.
// Not thread-safe (follows its Session).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Types.h>

#include "beacon/sdk/date.h"

struct sqlite3_stmt;

namespace beacon::rules {

// One row during a scan; NULL reads as 0, "" or an unset date.
class ScannedRow {
 public:
  Poco::Int64 int64(int col) const;
  int integer(int col) const { return static_cast<int>(int64(col)); }
  std::string text(int col) const;
  // The text without a copy; valid until the next row (or the next view call).
  std::string_view view(int col) const;
  sdk::Date date(int col) const;

 private:
  friend class RowScanner;
  mutable std::string buffer_;
  sqlite3_stmt* stmt_ = nullptr;
  const Poco::Data::RecordSet* rs_ = nullptr;
  std::size_t row_ = 0;
};

class RowScanner {
 public:
  explicit RowScanner(Poco::Data::Session& session) : session_(session) {}
  // Throws Poco::Data::DataException (SQLite errors included) like Poco::Data does.
  void scan(const std::string& sql, const std::vector<std::string>& params,
            const std::function<void(const ScannedRow&)>& row);

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::rules
