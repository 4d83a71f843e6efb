// StoreRecordReader: the sdk::RecordReader a domain plugin's rules read
// through, backed by the store and scoped to one domain (organisations are
// shared by all). Every read is one bulk query of the store's
// RecordReaderQueries (store/record_reader_queries.h), which knows the
// backend's fast paths. With `snapshot` (what the
// compliance engine uses for one check) the first per-plan call loads that
// kind of record for the whole domain in one query and answers later calls
// from memory, so rules looping over 50,000 plans issue a handful of
// queries; records written afterwards are not seen. Without it every call is
// one fresh query. The empty domain reads every domain (the host's core
// rules only). Without a snapshot, a Database the calling thread bound
// (rules/reader_connection.h) is read instead of `db`. Thread-safe (one
// mutex around the Session and the caches; a bound Database is the
// caller's own).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "beacon/sdk/host_services.h"
#include "beacon/sdk/obligation.h"
#include "store/database.h"
#include "store/record_reader_queries.h"

namespace beacon::rules {

// The organisations a reader is limited to (see StoreRecordReader).
struct OrgScope {
  explicit OrgScope(std::vector<sdk::RecordId> ids);
  std::vector<sdk::RecordId> ids;  // sorted, unique, not empty
  // The ids of `scope` (sharing it), or null for no scope: what the store's queries take.
  static std::shared_ptr<const std::vector<sdk::RecordId>> idsOf(
      const std::shared_ptr<const OrgScope>& scope);
};

class StoreRecordReader : public sdk::RecordReader {
 public:
  // With a `scope`, the reader shows only what the obligations of those
  // organisations are computed from: the organisations and their parents,
  // the plans they own with those plans' versions, reviews and filings, and
  // the drills they held or that name their plans. Rules run over it give
  // those organisations' obligations (and partial ones for the parents,
  // which the caller drops).
  StoreRecordReader(store::Database& db, std::string domain, bool snapshot = false,
                    std::shared_ptr<const OrgScope> scope = nullptr);

  std::vector<sdk::Organisation> organisations() const override;
  std::vector<sdk::Plan> plans() const override;
  std::vector<sdk::PlanVersion> versions(sdk::RecordId plan_id) const override;
  std::vector<sdk::Review> reviews(sdk::RecordId plan_id) const override;
  std::vector<sdk::Filing> filings(sdk::RecordId plan_id) const override;
  std::vector<sdk::Drill> drills(const sdk::Date& from, const sdk::Date& to) const override;
  // One seek per group, not a pass over the drills.
  std::vector<sdk::LatestDrill> latestDrills(const sdk::Date& from, const sdk::Date& to,
                                             const std::string& flag_field) const override;

  // Bulk forms for the host's engine, keyed by plan id (each one query).
  std::map<sdk::RecordId, std::vector<sdk::PlanVersion>> allVersions() const;
  std::map<sdk::RecordId, std::vector<sdk::Review>> allReviews() const;
  std::map<sdk::RecordId, std::vector<sdk::Filing>> allFilings() const;
  // The day each plan was last flagged "revision required" (from the audit log).
  std::map<sdk::RecordId, sdk::Date> revisionFlaggedOn() const;

  // Snapshot readers only: one plan's cached records without copying them
  // (loaded on first use; null when the plan has none). The pointers stay
  // valid for the reader's lifetime.
  const std::vector<sdk::PlanVersion>* versionsOf(sdk::RecordId plan_id) const;
  const std::vector<sdk::Review>* reviewsOf(sdk::RecordId plan_id) const;
  const std::vector<sdk::Filing>* filingsOf(sdk::RecordId plan_id) const;

  const std::string& domain() const { return domain_; }

 private:
  // The Database the calling thread bound, when this reader reads through it; else null.
  store::Database* boundDatabase() const;
  store::RecordReaderQueries boundQueries(store::Database& own) const;
  void loadVersions() const;
  void loadReviews() const;
  void loadFilings() const;

  store::Database& db_;
  std::string domain_;
  bool snapshot_;
  std::shared_ptr<const OrgScope> scope_;
  store::RecordReaderQueries queries_;
  mutable std::mutex mutex_;
  mutable bool versions_loaded_ = false;
  mutable bool reviews_loaded_ = false;
  mutable bool filings_loaded_ = false;
  mutable std::unordered_map<sdk::RecordId, std::vector<sdk::PlanVersion>> versions_;
  mutable std::unordered_map<sdk::RecordId, std::vector<sdk::Review>> reviews_;
  mutable std::unordered_map<sdk::RecordId, std::vector<sdk::Filing>> filings_;
};

}  // namespace beacon::rules
