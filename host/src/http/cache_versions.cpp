#include "http/cache_versions.h"

#include <algorithm>
#include <limits>

#include "http/strict_number.h"
#include "store/organisation_repository.h"

namespace beacon::http {

namespace {

bool changesTree(const std::string& table) {
  return table == "organisations" || table == "organisation_attributes";
}

}  // namespace

CacheVersions::CacheVersions(std::unique_ptr<store::ChangeWatch> watch, bool poll_every_request)
    : watch_(std::move(watch)), poll_every_request_(poll_every_request) {}

void CacheVersions::refresh(Poco::Data::Session& connection) {
  if (poll_every_request_) {
    std::int64_t last = 0;
    bool loaded = false;
    {
      std::shared_lock<std::shared_mutex> lock(mutex_);
      last = last_;
      loaded = tree_loaded_;
    }
    // Every commit before this read is in it; applying is idempotent (numbers only grow), so
    // callers need not take turns.
    auto rows = store::CacheVersionFeed(connection).after(last);
    if (!rows.empty() || !loaded) apply(connection, rows);
    return;
  }
  std::lock_guard<std::mutex> poll(poll_mutex_);
  if (!watch_->changed(connection)) return;
  std::int64_t last = 0;
  {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    last = last_;
  }
  apply(connection, store::CacheVersionFeed(connection).after(last));
}

void CacheVersions::apply(Poco::Data::Session& connection, const std::vector<store::CacheVersionRow>& rows) {
  std::uint64_t tree_stamp = 0;
  for (const auto& r : rows) {
    if (changesTree(r.table)) tree_stamp = std::max(tree_stamp, static_cast<std::uint64_t>(r.seq));
  }
  std::vector<sdk::Organisation> orgs;
  bool reload = tree_stamp > 0;
  {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    reload = reload || !tree_loaded_;
  }
  if (reload) orgs = store::OrganisationRepository(connection).list();
  std::unique_lock<std::shared_mutex> lock(mutex_);
  if (reload) {
    parents_.clear();
    codes_.clear();
    for (const auto& o : orgs) {
      parents_[o.id] = o.parent_id;
      codes_[o.code] = o.id;
    }
    tree_loaded_ = true;
    tree_ = std::max(tree_, tree_stamp);
  }
  for (const auto& r : rows) {
    const auto seq = static_cast<std::uint64_t>(r.seq);
    last_ = std::max(last_, r.seq);
    TableVersions& t = tables_[r.table];
    t.any = std::max(t.any, seq);
    if (r.org_id == 0 || parents_.count(r.org_id) == 0) {
      t.unscoped = std::max(t.unscoped, seq);
      continue;
    }
    // The organisation and each of its ancestors (the tree has no cycles; the bound guards a
    // corrupt one).
    sdk::RecordId org = r.org_id;
    for (std::size_t depth = 0; org != 0 && depth < parents_.size(); ++depth) {
      auto& v = t.subtree[org];
      v = std::max(v, seq);
      auto parent = parents_.find(org);
      org = parent == parents_.end() ? 0 : parent->second;
    }
  }
}

std::uint64_t CacheVersions::stamp(const CacheScope& scope, sdk::RecordId org) const {
  std::shared_lock<std::shared_mutex> lock(mutex_);
  std::uint64_t stamp = tree_;
  for (const auto& [name, t] : tables_) {
    if (scope.ignored.count(name)) continue;
    if (org == 0 || scope.scoped.count(name) == 0) {
      stamp = std::max(stamp, t.any);
      continue;
    }
    stamp = std::max(stamp, t.unscoped);
    auto it = t.subtree.find(org);
    if (it != t.subtree.end()) stamp = std::max(stamp, it->second);
  }
  return stamp;
}

bool CacheVersions::within(sdk::RecordId org, sdk::RecordId ancestor) const {
  for (std::size_t depth = 0; org != 0 && depth <= parents_.size(); ++depth) {
    if (org == ancestor) return true;
    auto parent = parents_.find(org);
    if (parent == parents_.end()) return false;
    org = parent->second;
  }
  return false;
}

sdk::RecordId CacheVersions::narrow(sdk::RecordId user_org, const std::string& ref) const {
  if (ref.empty()) return user_org;
  std::shared_lock<std::shared_mutex> lock(mutex_);
  // As organisationByRef reads it: a whole number is an id, anything else a code.
  sdk::RecordId org = 0;
  if (const auto id = parseWholeNumber(ref, 1, std::numeric_limits<sdk::RecordId>::max())) {
    if (parents_.count(*id)) org = *id;
  } else if (auto code = codes_.find(ref); code != codes_.end()) {
    org = code->second;
  }
  if (org == 0 || (user_org != 0 && !within(org, user_org))) return user_org;
  return org;
}

}  // namespace beacon::http
