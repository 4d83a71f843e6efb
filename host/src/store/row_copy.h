// RowCopy: many rows streamed into one table by one statement (PostgreSQL's COPY ... FROM STDIN),
// for bulk loads where a statement per row would cost a round trip and an executor start each.
// Dialect::copyRows makes one, or returns nullptr where the backend has none (SQLite: a prepared
// statement's bind/step loop runs in-process and is already the fast path). Cells are given in the
// order of the columns named to copyRows, each row ended by endRow(); the stream opens at the first
// cell and nothing is stored until finish() returns. Used inside the caller's Transaction; a copy
// destroyed before finish() abandons the stream, so the transaction fails and rolls back.
// Not thread-safe (follows its Session).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <Poco/Types.h>

namespace beacon::store {

class RowCopy {
 public:
  virtual ~RowCopy() = default;
  // `n` ids of the table's identity column that no other row gets, increasing, for rows the
  // caller copies with their own id (a COPY cannot return the ids it assigns). Call before the
  // first cell.
  virtual std::vector<Poco::Int64> reserveIds(std::size_t n) = 0;
  virtual void text(const std::string& value) = 0;
  virtual void integer(Poco::Int64 value) = 0;
  virtual void null() = 0;
  virtual void endRow() = 0;
  // Sends what is left and ends the stream. Throws Poco::Data::DataException with the
  // database's message when it refuses a row (a foreign key, a constraint); nothing is stored then.
  virtual void finish() = 0;
};

}  // namespace beacon::store
