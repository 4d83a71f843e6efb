// SqliteChangeWatch: the ChangeWatch of a SQLite database. It reads the
// WAL-index header that every connection updates on commit (WalIndexWatch:
// two 48-byte copies from a mapped page, no database lock), which sees a
// commit by any connection of any process. Where there is no such header (a
// database in memory or not in WAL mode) it falls back to the caller's
// connection (ConnectionChanges: PRAGMA data_version and the connection's
// own change count), so that each connection reports a commit once. Another
// connector gets "changed" every time. Thread-safe (the fallback's
// per-connection state under a mutex). REQUIRES: destroyed before the
// connections given to changed() are closed (the fallback keeps a prepared
// statement on each).
#pragma once

#include <map>
#include <memory>
#include <mutex>

#include "store/change_watch.h"
#include "store/connection_changes.h"
#include "store/wal_index_watch.h"

namespace beacon::store {

class SqliteChangeWatch : public ChangeWatch {
 public:
  SqliteChangeWatch() = default;
  SqliteChangeWatch(const SqliteChangeWatch&) = delete;
  SqliteChangeWatch& operator=(const SqliteChangeWatch&) = delete;

  bool changed(Poco::Data::Session& connection) override;
  bool seesEveryConnection() override { return wal_.watching(); }

 private:
  WalIndexWatch wal_;
  std::mutex mutex_;  // guards fallback_
  std::map<const Poco::Data::Session*, std::unique_ptr<ConnectionChanges>> fallback_;
};

}  // namespace beacon::store
