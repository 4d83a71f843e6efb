// StoreRecordReader: the sdk::RecordReader a domain plugin's rules read
// through, backed by the store and scoped to one domain (organisations are
// shared by all). Every read is one bulk query stepped
// through RowScanner (no per-cell RecordSet conversion); a drill window that
// holds a large share of all drills is read by one table pass and sorted in
// memory instead of a row lookup per drill. With `snapshot` (what the
// compliance engine uses for one check) the first per-plan call loads that
// kind of record for the whole domain in one query and answers later calls
// from memory, so rules looping over 50,000 plans issue a handful of
// queries; records written afterwards are not seen. Without it every call is
// one fresh query. The empty domain reads every domain (the host's core
// rules only). Thread-safe (one mutex around the Session and the caches).
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "beacon/sdk/host_services.h"
#include "beacon/sdk/obligation.h"
#include "store/database.h"

namespace beacon::rules {

class StoreRecordReader : public sdk::RecordReader {
 public:
  StoreRecordReader(store::Database& db, std::string domain, bool snapshot = false);

  std::vector<sdk::Organisation> organisations() const override;
  std::vector<sdk::Plan> plans() const override;
  std::vector<sdk::PlanVersion> versions(sdk::RecordId plan_id) const override;
  std::vector<sdk::Review> reviews(sdk::RecordId plan_id) const override;
  std::vector<sdk::Filing> filings(sdk::RecordId plan_id) const override;
  std::vector<sdk::Drill> drills(const sdk::Date& from, const sdk::Date& to) const override;

  // Bulk forms for the host's engine, keyed by plan id (each one query).
  std::map<sdk::RecordId, std::vector<sdk::PlanVersion>> allVersions() const;
  std::map<sdk::RecordId, std::vector<sdk::Review>> allReviews() const;
  std::map<sdk::RecordId, std::vector<sdk::Filing>> allFilings() const;
  // Every drill naming a plan of this domain dated on or before `as_of`,
  // as references (id and date only), oldest first per plan.
  std::map<sdk::RecordId, std::vector<sdk::RecordRef>> drillsByPlan(const sdk::Date& as_of) const;
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
  void loadVersions() const;
  void loadReviews() const;
  void loadFilings() const;
  // Whether [from, to] holds enough of all drills that a table scan beats the date index.
  bool largeWindow(const sdk::Date& from, const sdk::Date& to) const;

  store::Database& db_;
  std::string domain_;
  bool snapshot_;
  bool sqlite_;
  mutable std::mutex mutex_;
  mutable bool versions_loaded_ = false;
  mutable bool reviews_loaded_ = false;
  mutable bool filings_loaded_ = false;
  mutable std::unordered_map<sdk::RecordId, std::vector<sdk::PlanVersion>> versions_;
  mutable std::unordered_map<sdk::RecordId, std::vector<sdk::Review>> reviews_;
  mutable std::unordered_map<sdk::RecordId, std::vector<sdk::Filing>> filings_;
};

}  // namespace beacon::rules
