#include "rules/store_record_reader.h"

#include <algorithm>

#include "rules/reader_connection.h"
#include "store/filing_repository.h"
#include "store/plan_repository.h"
#include "store/record_voids.h"
#include "store/review_repository.h"

namespace beacon::rules {

namespace {

// `records` without the voided ones (作废, migration 14).
template <typename T>
std::vector<T> inForce(Poco::Data::Session& session, store::RecordKind kind, std::vector<T> records) {
  std::vector<sdk::RecordId> ids;
  for (const auto& r : records) ids.push_back(r.id);
  const auto voided = store::RecordVoids(session).voided(kind, ids);
  if (voided.empty()) return records;
  std::vector<T> out;
  for (auto& r : records) {
    if (!voided.count(r.id)) out.push_back(std::move(r));
  }
  return out;
}

template <typename T>
std::map<sdk::RecordId, std::vector<T>> ordered(
    const std::unordered_map<sdk::RecordId, std::vector<T>>& m) {
  return std::map<sdk::RecordId, std::vector<T>>(m.begin(), m.end());
}

template <typename T>
const std::vector<T>* find(const std::unordered_map<sdk::RecordId, std::vector<T>>& m,
                           sdk::RecordId id) {
  const auto it = m.find(id);
  return it == m.end() ? nullptr : &it->second;
}

}  // namespace

OrgScope::OrgScope(std::vector<sdk::RecordId> org_ids) : ids(std::move(org_ids)) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

std::shared_ptr<const std::vector<sdk::RecordId>> OrgScope::idsOf(
    const std::shared_ptr<const OrgScope>& scope) {
  if (!scope) return nullptr;
  return std::shared_ptr<const std::vector<sdk::RecordId>>(scope, &scope->ids);
}

StoreRecordReader::StoreRecordReader(store::Database& db, std::string domain, bool snapshot,
                                     std::shared_ptr<const OrgScope> scope)
    : db_(db),
      domain_(std::move(domain)),
      snapshot_(snapshot),
      scope_(std::move(scope)),
      queries_(db.session(), domain_, OrgScope::idsOf(scope_)) {}

store::Database* StoreRecordReader::boundDatabase() const {
  if (snapshot_) return nullptr;
  store::Database* own = ReaderConnection::current();
  return own == &db_ ? nullptr : own;
}

store::RecordReaderQueries StoreRecordReader::boundQueries(store::Database& own) const {
  return store::RecordReaderQueries(own.session(), domain_, OrgScope::idsOf(scope_));
}

std::vector<sdk::Organisation> StoreRecordReader::organisations() const {
  if (store::Database* own = boundDatabase()) return boundQueries(*own).organisations();
  std::lock_guard<std::mutex> lock(mutex_);
  return queries_.organisations();
}

std::vector<sdk::Plan> StoreRecordReader::plans() const {
  if (store::Database* own = boundDatabase()) return boundQueries(*own).plans();
  std::lock_guard<std::mutex> lock(mutex_);
  return queries_.plans();
}

void StoreRecordReader::loadVersions() const {
  if (versions_loaded_) return;
  for (auto& v : queries_.versions()) versions_[v.plan_id].push_back(std::move(v));
  versions_loaded_ = true;
}

void StoreRecordReader::loadReviews() const {
  if (reviews_loaded_) return;
  for (auto& r : queries_.reviews()) reviews_[r.plan_id].push_back(std::move(r));
  reviews_loaded_ = true;
}

void StoreRecordReader::loadFilings() const {
  if (filings_loaded_) return;
  for (auto& f : queries_.filings()) filings_[f.plan_id].push_back(std::move(f));
  filings_loaded_ = true;
}

std::vector<sdk::PlanVersion> StoreRecordReader::versions(sdk::RecordId plan_id) const {
  if (store::Database* own = boundDatabase()) {
    return store::PlanRepository(own->session()).versions(plan_id, false);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (!snapshot_) return store::PlanRepository(db_.session()).versions(plan_id, false);
  loadVersions();
  const auto* v = find(versions_, plan_id);
  return v ? *v : std::vector<sdk::PlanVersion>();
}

std::vector<sdk::Review> StoreRecordReader::reviews(sdk::RecordId plan_id) const {
  if (store::Database* own = boundDatabase()) {
    return inForce(own->session(), store::RecordKind::Review,
                   store::ReviewRepository(own->session()).listForPlan(plan_id));
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (!snapshot_) {
    return inForce(db_.session(), store::RecordKind::Review, store::ReviewRepository(db_.session()).listForPlan(plan_id));
  }
  loadReviews();
  const auto* v = find(reviews_, plan_id);
  return v ? *v : std::vector<sdk::Review>();
}

std::vector<sdk::Filing> StoreRecordReader::filings(sdk::RecordId plan_id) const {
  if (store::Database* own = boundDatabase()) {
    return inForce(own->session(), store::RecordKind::Filing,
                   store::FilingRepository(own->session()).listForPlan(plan_id));
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (!snapshot_) {
    return inForce(db_.session(), store::RecordKind::Filing, store::FilingRepository(db_.session()).listForPlan(plan_id));
  }
  loadFilings();
  const auto* v = find(filings_, plan_id);
  return v ? *v : std::vector<sdk::Filing>();
}

const std::vector<sdk::PlanVersion>* StoreRecordReader::versionsOf(sdk::RecordId plan_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  loadVersions();
  return find(versions_, plan_id);
}

const std::vector<sdk::Review>* StoreRecordReader::reviewsOf(sdk::RecordId plan_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  loadReviews();
  return find(reviews_, plan_id);
}

const std::vector<sdk::Filing>* StoreRecordReader::filingsOf(sdk::RecordId plan_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  loadFilings();
  return find(filings_, plan_id);
}

std::vector<sdk::Drill> StoreRecordReader::drills(const sdk::Date& from,
                                                  const sdk::Date& to) const {
  if (store::Database* own = boundDatabase()) return boundQueries(*own).drills(from, to);
  std::lock_guard<std::mutex> lock(mutex_);
  return queries_.drills(from, to);
}

std::vector<sdk::LatestDrill> StoreRecordReader::latestDrills(const sdk::Date& from,
                                                              const sdk::Date& to,
                                                              const std::string& flag_field) const {
  if (store::Database* own = boundDatabase()) {
    return boundQueries(*own).latestDrills(from, to, flag_field);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  return queries_.latestDrills(from, to, flag_field);
}

std::map<sdk::RecordId, std::vector<sdk::PlanVersion>> StoreRecordReader::allVersions() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!snapshot_) {
    versions_.clear();
    versions_loaded_ = false;
  }
  loadVersions();
  return ordered(versions_);
}

std::map<sdk::RecordId, std::vector<sdk::Review>> StoreRecordReader::allReviews() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!snapshot_) {
    reviews_.clear();
    reviews_loaded_ = false;
  }
  loadReviews();
  return ordered(reviews_);
}

std::map<sdk::RecordId, std::vector<sdk::Filing>> StoreRecordReader::allFilings() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!snapshot_) {
    filings_.clear();
    filings_loaded_ = false;
  }
  loadFilings();
  return ordered(filings_);
}

std::map<sdk::RecordId, sdk::Date> StoreRecordReader::revisionFlaggedOn() const {
  if (store::Database* own = boundDatabase()) return boundQueries(*own).revisionFlaggedOn();
  std::lock_guard<std::mutex> lock(mutex_);
  return queries_.revisionFlaggedOn();
}

}  // namespace beacon::rules
