#include "store/transaction.h"

#include <stdexcept>

#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {
// Whether the connection is inside BEGIN ... COMMIT (SQLite's autocommit mode is off).
bool inTransaction(Poco::Data::Session& session) {
  return sqlite3_get_autocommit(Poco::Data::SQLite::Utility::dbHandle(session)) == 0;
}

// Whether the open transaction already holds the write lock.
bool holdsWriteLock(Poco::Data::Session& session) {
  return sqlite3_txn_state(Poco::Data::SQLite::Utility::dbHandle(session), "main") ==
         SQLITE_TXN_WRITE;
}
}  // namespace

Transaction::Transaction(Poco::Data::Session& session, Mode mode) : session_(session) {
  if (!inTransaction(session_)) {
    session_ << (mode == Mode::Write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED"), now;
    owner_ = true;
    return;
  }
  if (mode == Mode::Write && !holdsWriteLock(session_)) {
    throw std::logic_error("a write transaction was opened inside a read transaction");
  }
}

Transaction::~Transaction() {
  if (owner_ && !done_) {
    try {
      session_ << "ROLLBACK", now;
    } catch (...) {
    }
  }
}

void Transaction::commit() {
  if (owner_ && !done_) session_ << "COMMIT", now;
  done_ = true;
}

}  // namespace beacon::store
