// BulkLoad: marks a session as loading many rows in one transaction (a ledger import) for as
// long as it lives, so that the dialect can size the session for it (Dialect::beginBulkLoad;
// on SQLite a larger page cache, see sqlite_dialect.h for the figures) and put it back after.
// Open it before the load's Transaction and let it end after. Not thread-safe (follows its
// Session).
#pragma once

#include <Poco/Data/Session.h>

namespace beacon::store {

class BulkLoad {
 public:
  explicit BulkLoad(Poco::Data::Session& session);
  ~BulkLoad();
  BulkLoad(const BulkLoad&) = delete;
  BulkLoad& operator=(const BulkLoad&) = delete;

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
