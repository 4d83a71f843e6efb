// SqliteDialect: the embedded default. A session turns on WAL (files only), foreign keys, the
// busy timeout (busy_timeout.h) and synchronous=NORMAL; a write transaction is BEGIN IMMEDIATE
// and a read transaction BEGIN DEFERRED (transaction.h says why); migrations need no lock of
// their own (each step's BEGIN IMMEDIATE already serialises them). Stateless; thread-safe.
#pragma once

#include "store/dialect.h"

namespace beacon::store {

class SqliteDialect : public Dialect {
 public:
  std::string connector() const override { return "sqlite"; }
  Poco::Data::Session open(const DatabaseUri& uri) const override;
  void setUp(Poco::Data::Session& session, const DatabaseUri& uri) const override;
  bool inTransaction(Poco::Data::Session& session) const override;
  bool inWriteTransaction(Poco::Data::Session& session) const override;
  void begin(Poco::Data::Session& session, Transaction::Mode mode) const override;
  void commit(Poco::Data::Session& session) const override;
  bool savepointPerNestedScope() const override { return false; }
  bool batchIdsFromReturning() const override { return false; }
  const std::vector<Migration>& migrations() const override;
  void lockMigrations(Poco::Data::Session&) const override {}
  void unlockMigrations(Poco::Data::Session&) const override {}
};

}  // namespace beacon::store
