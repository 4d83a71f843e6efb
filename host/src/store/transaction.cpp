#include "store/transaction.h"

#include <stdexcept>

#include "store/dialect.h"
#include "store/write_stamp.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

Transaction::Transaction(Poco::Data::Session& session, Mode mode) : session_(session) {
  const Dialect& dialect = dialectOf(session_);
  if (!dialect.inTransaction(session_)) {
    dialect.begin(session_, mode);
    owner_ = true;
    write_ = mode == Mode::Write;
    if (write_) changes_at_begin_ = connectionChangeCount(session_);
    return;
  }
  if (mode == Mode::Write && !dialect.inWriteTransaction(session_)) {
    throw std::logic_error("a write transaction was opened inside a read transaction");
  }
  if (dialect.savepointPerNestedScope()) {
    session_ << "SAVEPOINT beacon_scope", now;
    savepoint_ = true;
  }
}

Transaction::~Transaction() {
  if (done_ || (!owner_ && !savepoint_)) return;
  try {
    if (owner_) {
      session_ << "ROLLBACK", now;
    } else {
      // Savepoints nest by name: this undoes and ends the innermost one, this scope's.
      session_ << "ROLLBACK TO SAVEPOINT beacon_scope", now;
      session_ << "RELEASE SAVEPOINT beacon_scope", now;
    }
  } catch (...) {
  }
}

void Transaction::commit() {
  if (!done_) {
    if (owner_ && write_) {
      const std::string subject = stamp_subject_.empty() ? kAnySubject : stamp_subject_;
      stampCommit(session_, changes_at_begin_, subject, stamp_org_);
    }
    if (owner_) dialectOf(session_).commit(session_);
    if (savepoint_) session_ << "RELEASE SAVEPOINT beacon_scope", now;
  }
  done_ = true;
}

void Transaction::stampAs(const std::string& subject, Poco::Int64 org_id) {
  if (!owner_) return;
  stamp_subject_ = subject;
  stamp_org_ = org_id;
}

}  // namespace beacon::store
