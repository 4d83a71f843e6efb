#include "rules/store_record_reader.h"

#include <set>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/drill_repository.h"
#include "store/filing_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/review_repository.h"
#include "store/row.h"

using namespace Poco::Data::Keywords;

namespace beacon::rules {

namespace {
// Restricts a query over a table with a plan_id column to the domain's plans.
std::string domainJoin(const std::string& alias, const std::string& domain) {
  return domain.empty() ? std::string()
                        : " JOIN plans p ON p.id = " + alias + ".plan_id AND p.domain = $1";
}

std::set<sdk::RecordId> planIds(store::Database& db, const std::string& domain) {
  store::PlanFilter filter;
  filter.domain = domain;
  std::set<sdk::RecordId> ids;
  for (const auto& p : store::PlanRepository(db.session()).list(filter)) ids.insert(p.id);
  return ids;
}
}  // namespace

StoreRecordReader::StoreRecordReader(store::Database& db, std::string domain, bool snapshot)
    : db_(db), domain_(std::move(domain)), snapshot_(snapshot) {}

std::vector<sdk::Organisation> StoreRecordReader::organisations() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return store::OrganisationRepository(db_.session()).list();
}

std::vector<sdk::Plan> StoreRecordReader::plans() const {
  std::lock_guard<std::mutex> lock(mutex_);
  store::PlanFilter filter;
  filter.domain = domain_;
  return store::PlanRepository(db_.session()).list(filter);
}

void StoreRecordReader::loadVersions() const {
  if (versions_loaded_) return;
  Poco::Data::Statement st(db_.session());
  st << "SELECT v.id, v.plan_id, v.number, v.action, v.revision_trigger, v.major, v.issued,"
        " v.effective, v.author, v.created_at FROM plan_versions v" +
            domainJoin("v", domain_) + " ORDER BY v.plan_id, v.number";
  if (!domain_.empty()) st, bind(domain_);
  st.execute();
  Poco::Data::RecordSet rs(st);
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    store::Row r(rs, i);
    sdk::PlanVersion v;
    v.id = r.int64(0);
    v.plan_id = r.int64(1);
    v.number = r.integer(2);
    v.action = sdk::parseVersionAction(r.text(3)).value_or(sdk::VersionAction::Drafted);
    v.trigger = r.text(4);
    v.major = r.boolean(5);
    v.issued = r.date(6);
    v.effective = r.date(7);
    v.author = r.text(8);
    v.created_at = r.text(9);
    versions_[v.plan_id].push_back(std::move(v));
  }
  versions_loaded_ = true;
}

void StoreRecordReader::loadReviews() const {
  if (reviews_loaded_) return;
  auto all = store::ReviewRepository(db_.session()).listForPlan(0);
  const auto ids = domain_.empty() ? std::set<sdk::RecordId>() : planIds(db_, domain_);
  for (auto& r : all) {
    if (domain_.empty() || ids.count(r.plan_id)) reviews_[r.plan_id].push_back(std::move(r));
  }
  reviews_loaded_ = true;
}

void StoreRecordReader::loadFilings() const {
  if (filings_loaded_) return;
  auto all = store::FilingRepository(db_.session()).listForPlan(0);
  const auto ids = domain_.empty() ? std::set<sdk::RecordId>() : planIds(db_, domain_);
  for (auto& f : all) {
    if (domain_.empty() || ids.count(f.plan_id)) filings_[f.plan_id].push_back(std::move(f));
  }
  filings_loaded_ = true;
}

std::vector<sdk::PlanVersion> StoreRecordReader::versions(sdk::RecordId plan_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!snapshot_) return store::PlanRepository(db_.session()).versions(plan_id, false);
  loadVersions();
  const auto it = versions_.find(plan_id);
  return it == versions_.end() ? std::vector<sdk::PlanVersion>() : it->second;
}

std::vector<sdk::Review> StoreRecordReader::reviews(sdk::RecordId plan_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!snapshot_) return store::ReviewRepository(db_.session()).listForPlan(plan_id);
  loadReviews();
  const auto it = reviews_.find(plan_id);
  return it == reviews_.end() ? std::vector<sdk::Review>() : it->second;
}

std::vector<sdk::Filing> StoreRecordReader::filings(sdk::RecordId plan_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!snapshot_) return store::FilingRepository(db_.session()).listForPlan(plan_id);
  loadFilings();
  const auto it = filings_.find(plan_id);
  return it == filings_.end() ? std::vector<sdk::Filing>() : it->second;
}

std::vector<sdk::Drill> StoreRecordReader::drills(const sdk::Date& from, const sdk::Date& to) const {
  std::lock_guard<std::mutex> lock(mutex_);
  store::DrillFilter filter;
  filter.domain = domain_;
  filter.from = from;
  filter.to = to;
  filter.newest_first = false;
  return store::DrillRepository(db_.session()).list(filter);
}

std::map<sdk::RecordId, std::vector<sdk::PlanVersion>> StoreRecordReader::allVersions() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!snapshot_) {
    versions_.clear();
    versions_loaded_ = false;
  }
  loadVersions();
  return versions_;
}

std::map<sdk::RecordId, std::vector<sdk::Review>> StoreRecordReader::allReviews() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!snapshot_) {
    reviews_.clear();
    reviews_loaded_ = false;
  }
  loadReviews();
  return reviews_;
}

std::map<sdk::RecordId, std::vector<sdk::Filing>> StoreRecordReader::allFilings() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!snapshot_) {
    filings_.clear();
    filings_loaded_ = false;
  }
  loadFilings();
  return filings_;
}

std::map<sdk::RecordId, std::vector<sdk::RecordRef>> StoreRecordReader::drillsByPlan(
    const sdk::Date& as_of) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Poco::Data::Statement st(db_.session());
  const std::string date_param = domain_.empty() ? "$1" : "$2";
  st << "SELECT d.plan_id, d.id, d.drill_date FROM drills d" + domainJoin("d", domain_) +
            " WHERE d.plan_id IS NOT NULL AND d.drill_date <= " + date_param +
            " ORDER BY d.plan_id, d.drill_date, d.id";
  if (!domain_.empty()) st, bind(domain_);
  st, bind(as_of.toString());
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::map<sdk::RecordId, std::vector<sdk::RecordRef>> out;
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    store::Row r(rs, i);
    out[r.int64(0)].push_back(sdk::RecordRef{"drill", r.int64(1), r.date(2)});
  }
  return out;
}

std::map<sdk::RecordId, sdk::Date> StoreRecordReader::revisionFlaggedOn() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Poco::Data::Statement st(db_.session());
  st << "SELECT entity_id, MAX(at) FROM audit_log WHERE entity = 'plan'"
        " AND action = 'revision_required' GROUP BY entity_id";
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::map<sdk::RecordId, sdk::Date> out;
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    store::Row r(rs, i);
    const auto day = sdk::Date::parse(r.text(1).substr(0, 10));
    if (day) out[r.int64(0)] = *day;
  }
  return out;
}

}  // namespace beacon::rules

