// CacheVersions: what each commit changed, as the response cache needs it: for every watched
// table (store/cache_version_triggers.h) the clock number of its last write, overall, for rows
// of no organisation, and per organisation subtree (a write to a village's drill counts for the
// village, its township and the city). refresh() brings them up to date with every commit, by
// any connection of any process, made before it was called: on SQLite it reads the
// cache_versions rows stamped since the last look only when the WAL-index header says something
// was committed (store::ChangeWatch, two 48-byte copies under a mutex); on PostgreSQL that read
// is itself the check (one indexed statement per request, instead of the change watch's
// data_changes read beside it). stamp() gives a cached answer its version: the highest clock
// number among the writes it depends on (CacheScope). Clock numbers only grow, so an answer
// stays exact while its stamp is unchanged: any write it depends on, once refreshed, raises the
// stamp. A change to the organisation tree (organisations, organisation_attributes) reloads the
// tree and raises every stamp.
//
// Why not one version per table, or a flush on every commit: with readers spread over 200 list
// URLs and 100 drill POSTs/s, a flush on every commit kept the drill list at 0.15x its
// write-free rate (issue 13); bench/mixed/run.sh has the figures of this one.
// Thread-safe (a shared mutex over the versions; refresh's look at the WAL index under its own
// mutex, so that one caller's "changed" is applied before another caller is told "unchanged").
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"
#include "http/cache_scope.h"
#include "store/cache_version_feed.h"
#include "store/change_watch.h"

namespace beacon::http {

class CacheVersions {
 public:
  // `watch`: the store's ChangeWatch; `poll_every_request`: read the feed on every refresh
  // (PostgreSQL), without asking the watch.
  CacheVersions(std::unique_ptr<store::ChangeWatch> watch, bool poll_every_request);
  CacheVersions(const CacheVersions&) = delete;
  CacheVersions& operator=(const CacheVersions&) = delete;

  // Throws Poco::Exception when the database cannot be read.
  void refresh(Poco::Data::Session& connection);
  // The version of an answer that depends on `scope`, for the request's organisation `org`
  // (0: the whole city).
  std::uint64_t stamp(const CacheScope& scope, sdk::RecordId org) const;
  // The organisation a request is scoped to: `user_org` (0: the whole city), narrowed to `ref`
  // (an id or a code) when that names an organisation inside it.
  sdk::RecordId narrow(sdk::RecordId user_org, const std::string& ref) const;
  // Whether the last look saw every connection's commits at once (store::ChangeWatch): the
  // WAL-index header rather than the caller's connection; always so with poll_every_request.
  bool seesEveryConnection() { return poll_every_request_ || watch_->seesEveryConnection(); }

 private:
  struct TableVersions {
    std::uint64_t any = 0;       // any row
    std::uint64_t unscoped = 0;  // a row of no organisation, or of one not in the tree
    std::unordered_map<sdk::RecordId, std::uint64_t> subtree;
  };
  void apply(Poco::Data::Session& connection, const std::vector<store::CacheVersionRow>& rows);
  bool within(sdk::RecordId org, sdk::RecordId ancestor) const;  // REQUIRES: mutex_ held

  std::unique_ptr<store::ChangeWatch> watch_;
  const bool poll_every_request_;
  std::mutex poll_mutex_;  // serialises the watch's look and the read it calls for
  mutable std::shared_mutex mutex_;
  std::int64_t last_ = 0;     // the highest clock number applied
  std::uint64_t tree_ = 0;    // the clock number of the last change to the organisation tree
  bool tree_loaded_ = false;
  std::unordered_map<std::string, TableVersions> tables_;
  std::unordered_map<sdk::RecordId, sdk::RecordId> parents_;
  std::unordered_map<std::string, sdk::RecordId> codes_;
};

}  // namespace beacon::http
