// DeferredIndexes: a bulk load into a table that is empty when it starts leaves the table's
// secondary indexes out while the rows go in and builds them once at the end (CREATE INDEX sorts
// each index's keys in one pass), where the dialect allows it (Dialect::dropIndexesForLoad:
// SQLite; PostgreSQL keeps its indexes). Into a table that already has rows nothing changes:
// the indexes are needed for the load's own reads (duplicate checks) and rebuilding them would
// cost what is already stored. Why (bench_import --sizes, bench/README.md): with the indexes
// kept, each insert updates six random-key B-trees and the per-row cost grows with the table.
// Make it inside the load's Transaction, before the first row; call build() before the commit.
// A load that fails rolls back, and the dropped indexes with it. Not thread-safe (follows its
// Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

namespace beacon::store {

class DeferredIndexes {
 public:
  DeferredIndexes(Poco::Data::Session& session, const std::string& table);
  DeferredIndexes(const DeferredIndexes&) = delete;
  DeferredIndexes& operator=(const DeferredIndexes&) = delete;

  // Whether the indexes were dropped (and build() will create them).
  bool deferred() const { return !statements_.empty(); }
  // Builds the dropped indexes; once.
  void build();

 private:
  Poco::Data::Session& session_;
  std::vector<std::string> statements_;
};

}  // namespace beacon::store
