#include "http/write_versions.h"

#include <algorithm>
#include <optional>

#include "store/drill_write_subject.h"
#include "store/organisation_repository.h"
#include "store/write_stamp.h"

namespace beacon::http {

void WriteVersions::refresh(Poco::Data::Session& connection, ResponseCache& cache) {
  std::lock_guard<std::mutex> poll(poll_mutex_);
  if (!watch_.changed(connection)) return;
  if (!started_) {
    dropEverything(connection, cache);
    started_ = true;
    return;
  }
  const auto stamps = store::WriteStampFeed(connection).after(last_, kMaxStampsPerLook);
  // No stamp: a commit outside store::Transaction. Too many, or a gap wider than pruning leaves
  // (PostgreSQL's identity leaves small ones where a transaction rolled back): start afresh.
  if (stamps.empty() || stamps.size() == static_cast<std::size_t>(kMaxStampsPerLook) ||
      stamps.front().seq - last_ > kMaxStampsPerLook) {
    dropEverything(connection, cache);
    return;
  }
  for (const auto& s : stamps) {
    if (!store::drillWriteDomain(s.subject) && s.subject != store::kBookkeepingSubject) {
      loadTree(connection);  // an organisation may have been added, moved or renamed
      break;
    }
  }
  apply(stamps);
}

void WriteVersions::dropEverything(Poco::Data::Session& connection, ResponseCache& cache) {
  const Poco::Int64 newest = store::WriteStampFeed(connection).bounds().second;
  loadTree(connection);
  {
    std::unique_lock<std::shared_mutex> lock(mutex_);
    any_ = std::max<std::uint64_t>(any_, static_cast<std::uint64_t>(newest));
  }
  last_ = std::max(last_, newest);
  cache.invalidate();
}

void WriteVersions::loadTree(Poco::Data::Session& connection) {
  auto tree = std::make_shared<const OrgTree>(store::OrganisationRepository(connection).list());
  std::unique_lock<std::shared_mutex> lock(mutex_);
  tree_ = std::move(tree);
}

std::shared_ptr<const OrgTree> WriteVersions::tree(Poco::Data::Session& connection, ResponseCache& cache) {
  refresh(connection, cache);
  std::shared_lock<std::shared_mutex> lock(mutex_);
  return tree_;
}

void WriteVersions::apply(const std::vector<store::WriteStamp>& stamps) {
  std::unique_lock<std::shared_mutex> lock(mutex_);
  for (const auto& s : stamps) {
    const auto seq = static_cast<std::uint64_t>(s.seq);
    last_ = std::max(last_, s.seq);
    if (s.subject == store::kBookkeepingSubject) continue;
    const std::optional<std::string> domain = store::drillWriteDomain(s.subject);
    if (!domain) {
      any_ = std::max(any_, seq);
      continue;
    }
    drills_ = std::max(drills_, seq);
    auto& in_domain = drills_domain_[*domain];
    in_domain = std::max(in_domain, seq);
    const auto lineage = tree_->lineage(s.org_id);
    if (lineage.empty()) {
      drills_unscoped_ = std::max(drills_unscoped_, seq);
      continue;
    }
    for (const sdk::RecordId org : lineage) {
      auto& v = drills_subtree_[org];
      v = std::max(v, seq);
      auto& d = drills_subtree_domain_[org][*domain];
      d = std::max(d, seq);
    }
  }
}

std::uint64_t WriteVersions::stamp(const CacheScope& scope, sdk::RecordId org,
                                   const std::string& domain) const {
  std::shared_lock<std::shared_mutex> lock(mutex_);
  // The newest drill stamp of `domain` or of any domain ("") in `versions`.
  const auto ofDomain = [&domain](const std::unordered_map<std::string, std::uint64_t>& versions) {
    std::uint64_t v = 0;
    for (const std::string& d : {domain, std::string()}) {
      auto it = versions.find(d);
      if (it != versions.end()) v = std::max(v, it->second);
    }
    return v;
  };
  switch (scope.drills) {
    case CacheScope::Drills::Ignored:
      return any_;
    case CacheScope::Drills::Scoped:
      if (!domain.empty() && org != 0) {
        auto it = drills_subtree_domain_.find(org);
        return std::max({any_, drills_unscoped_,
                         it == drills_subtree_domain_.end() ? 0 : ofDomain(it->second)});
      }
      if (!domain.empty()) return std::max(any_, ofDomain(drills_domain_));
      if (org != 0) {
        auto it = drills_subtree_.find(org);
        return std::max({any_, drills_unscoped_, it == drills_subtree_.end() ? 0 : it->second});
      }
      break;
    case CacheScope::Drills::Whole:
      break;
  }
  return std::max(any_, drills_);
}

sdk::RecordId WriteVersions::narrow(sdk::RecordId user_org, const std::string& ref) const {
  if (ref.empty()) return user_org;
  std::shared_lock<std::shared_mutex> lock(mutex_);
  const auto org = tree_->byRef(ref);
  if (!org || (user_org != 0 && !tree_->within(*org, user_org))) return user_org;
  return *org;
}

}  // namespace beacon::http
