// Transaction: RAII scope around a multi-row change. Rolls back on
// destruction unless commit() was called. Nests: an inner scope inside an
// outer one joins it, so an all-or-nothing import can call repository methods
// that open their own scope.
//
// A write transaction (the default) starts with SQLite's BEGIN IMMEDIATE: it
// takes the write lock before its first statement, so a busy database makes
// it wait (the connection's 30 s busy timeout) instead of failing. A plain
// deferred BEGIN that reads and then writes after another connection
// committed cannot wait and fails at once with "database is locked" (Poco's
// Session::begin() sends that plain BEGIN, so this type never calls it).
// A read transaction (Mode::Read) is a deferred BEGIN: one consistent snapshot
// for several reads, never holding the write lock; a write scope opened inside
// it throws std::logic_error (the snapshot could not be upgraded safely).
// On PostgreSQL a nested scope is a SAVEPOINT (Dialect::savepointPerNestedScope):
// commit() releases it, a scope left without commit() rolls back to it, so
// the outer transaction stays usable after a failed statement inside. On
// SQLite a nested scope that fails leaves its earlier statements in the
// outer transaction (which an all-or-nothing caller then rolls back).
// The outermost write scope's commit() first writes the transaction's write stamp when it wrote
// anything (store/write_stamp.h: what the response cache must drop); stampAs() narrows it.
// Not thread-safe (follows its Session).
#pragma once

#include <string>

#include <Poco/Data/Session.h>
#include <Poco/Types.h>

namespace beacon::store {

class Transaction {
 public:
  enum class Mode { Write, Read };

  explicit Transaction(Poco::Data::Session& session, Mode mode = Mode::Write);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();
  // Says that everything this transaction writes is of `subject` (store/write_stamp.h) for
  // organisation `org_id`: the caller knows every row written before commit(). Ignored unless
  // this scope owns the transaction (a nested scope cannot speak for the outer one's writes).
  void stampAs(const std::string& subject, Poco::Int64 org_id);

 private:
  Poco::Data::Session& session_;
  bool owner_ = false;
  bool savepoint_ = false;
  bool done_ = false;
  bool write_ = false;
  Poco::Int64 changes_at_begin_ = 0;
  std::string stamp_subject_;  // "" : kAnySubject
  Poco::Int64 stamp_org_ = 0;
};

}  // namespace beacon::store
