// WriteVersions: which cached answers the commits since the last look made stale, read from the
// write stamps every write transaction leaves in the database (store/write_stamp.h), so it
// works for commits by any worker, process or node. refresh() asks the store's ChangeWatch
// whether anything was committed (SQLite: the WAL-index header, no database access;
// PostgreSQL: the data_changes counter, one round trip, as before) and only then reads the new
// stamps. stamp() gives an answer of a route (CacheScope) and a request's organisation its
// version: the seq of the newest stamp that can change it; a drill stamp names its domain
// (store/drill_write_subject.h), so a list confined to one domain keeps its version through
// drills of the others. Seqs grow in commit order, so an
// answer stays exact while its stamp is unchanged. A commit that left no stamp (a write outside
// store::Transaction), a reader that fell behind the pruned feed, or the first look empties the
// whole cache (ResponseCache::invalidate), as every commit did before. It also keeps the
// organisation tree (OrgTree), read again whenever a commit may have changed it, for the scope
// of list requests (tree(): refresh, then the current tree).
//
// Why: with readers spread over 200 list URLs and 100 drill POSTs/s, emptying the cache on
// every commit kept the lists at 0.02-0.15x their write-free rate (bench/mixed/run.sh; figures
// in bench/README.md, "Mixed load").
// Thread-safe: refresh() takes turns under poll_mutex_ (the watch says "changed" once per
// commit, so that caller applies the stamps before another is told "unchanged"); the versions
// are under a shared mutex.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"
#include "http/cache_scope.h"
#include "http/org_tree.h"
#include "http/response_cache.h"
#include "store/change_watch.h"
#include "store/write_stamp.h"

namespace beacon::http {

class WriteVersions {
 public:
  // `watch`: the server's ChangeWatch (WebState::changes), which must outlive this.
  explicit WriteVersions(store::ChangeWatch& watch) : watch_(watch) {}
  WriteVersions(const WriteVersions&) = delete;
  WriteVersions& operator=(const WriteVersions&) = delete;

  // Applies what was committed since the last look; empties `cache` when it cannot tell what
  // changed. Throws Poco::Exception when the database cannot be read.
  void refresh(Poco::Data::Session& connection, ResponseCache& cache);
  // The version of an answer of `scope` for a request confined to organisation `org` (0: the
  // whole city) and, for a Scoped answer, to the drills of `domain` ("": every domain).
  std::uint64_t stamp(const CacheScope& scope, sdk::RecordId org,
                      const std::string& domain = "") const;
  // The organisation a request is confined to: `user_org` (0: the city), narrowed to `ref` (an
  // id or a code) when that names an organisation inside it.
  sdk::RecordId narrow(sdk::RecordId user_org, const std::string& ref) const;
  // refresh(), then the organisation tree as of the commits it applied. Throws as refresh().
  std::shared_ptr<const OrgTree> tree(Poco::Data::Session& connection, ResponseCache& cache);

 private:
  // More new stamps than this in one look: everything is dropped instead of applying them.
  static constexpr int kMaxStampsPerLook = 2000;
  void dropEverything(Poco::Data::Session& connection,
                      ResponseCache& cache);                     // REQUIRES: poll_mutex_
  void loadTree(Poco::Data::Session& connection);                // REQUIRES: poll_mutex_
  void apply(const std::vector<store::WriteStamp>& stamps);      // REQUIRES: poll_mutex_

  store::ChangeWatch& watch_;
  std::mutex poll_mutex_;
  bool started_ = false;  // guarded by poll_mutex_
  Poco::Int64 last_ = 0;  // the newest seq applied; guarded by poll_mutex_
  mutable std::shared_mutex mutex_;
  std::uint64_t any_ = 0;              // the newest stamp "*"
  std::uint64_t drills_ = 0;           // the newest stamp "drills", any organisation
  std::uint64_t drills_unscoped_ = 0;  // ... of an organisation not in the tree
  std::unordered_map<sdk::RecordId, std::uint64_t> drills_subtree_;  // ... per organisation subtree
  // The newest stamp "drills" or "drills:<domain>" per domain ("": the plain one, any domain), of
  // the whole city and per organisation subtree.
  std::unordered_map<std::string, std::uint64_t> drills_domain_;
  std::unordered_map<sdk::RecordId, std::unordered_map<std::string, std::uint64_t>>
      drills_subtree_domain_;
  std::shared_ptr<const OrgTree> tree_ = std::make_shared<const OrgTree>();
};

}  // namespace beacon::http
