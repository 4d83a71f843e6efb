// Transaction: RAII scope around a multi-row change. Rolls back on
// destruction unless commit() was called. Nests: an inner scope inside an
// outer one joins it, so an all-or-nothing import can call repository methods
// that open their own scope. Not thread-safe (follows its Session).
#pragma once

#include <Poco/Data/Session.h>

namespace beacon::store {

class Transaction {
 public:
  explicit Transaction(Poco::Data::Session& session);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Poco::Data::Session& session_;
  bool owner_ = false;
  bool done_ = false;
};

}  // namespace beacon::store
