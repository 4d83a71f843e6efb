#include "store/transaction.h"

#include <stdexcept>

#include "store/dialect.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

Transaction::Transaction(Poco::Data::Session& session, Mode mode) : session_(session) {
  const Dialect& dialect = dialectOf(session_);
  if (!dialect.inTransaction(session_)) {
    dialect.begin(session_, mode);
    owner_ = true;
    return;
  }
  if (mode == Mode::Write && !dialect.inWriteTransaction(session_)) {
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
  if (owner_ && !done_) dialectOf(session_).commit(session_);
  done_ = true;
}

}  // namespace beacon::store
