#include "store/transaction.h"

namespace beacon::store {

Transaction::Transaction(Poco::Data::Session& session) : session_(session) {
  if (!session_.isTransaction()) {
    session_.begin();
    owner_ = true;
  }
}

Transaction::~Transaction() {
  if (owner_ && !done_) {
    try {
      session_.rollback();
    } catch (...) {
    }
  }
}

void Transaction::commit() {
  if (owner_ && !done_) session_.commit();
  done_ = true;
}

}  // namespace beacon::store
