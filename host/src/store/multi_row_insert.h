// MultiRowInsert: one INSERT with many rows, "INSERT INTO t(a, b) VALUES ($1, $2), ($3, $4), ...
// <tail>", sent in statements of up to kRowsPerStatement rows on PostgreSQL, where a Poco::Data
// statement bound to vectors runs once per element, a round trip per row. On SQLite the rows go
// through one prepared single-row statement bound to column vectors (stepped in-process): there
// Poco's binding of a statement with thousands of parameters is quadratic (sqlite3VListNumToName
// was 36 % of a 1M-row import's CPU). A column's cells must all be of one type. Cells are added row by row in column order. For a tail with
// ON CONFLICT ... DO UPDATE, rows must not repeat a key (PostgreSQL refuses a row updated twice
// by one statement). Not thread-safe (follows its Session).
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include <Poco/Data/Session.h>

namespace beacon::store {

class MultiRowInsert {
 public:
  // `head`: "INSERT INTO t(a, b)"; `tail`: what follows the VALUES list (ON CONFLICT ...), or "".
  MultiRowInsert(Poco::Data::Session& session, std::string head, std::size_t columns, std::string tail = "");
  MultiRowInsert& text(const std::string& value);
  MultiRowInsert& integer(Poco::Int64 value);
  // Runs the statements for every row added (none when there is no row) and clears them.
  void run();

  static constexpr std::size_t kRowsPerStatement = 1000;

 private:
  void runPrepared();

  Poco::Data::Session& session_;
  std::string head_;
  std::size_t columns_;
  std::string tail_;
  std::vector<std::variant<std::string, Poco::Int64>> cells_;
};

}  // namespace beacon::store
