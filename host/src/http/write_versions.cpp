#include "http/write_versions.h"

#include <algorithm>
#include <limits>

#include "http/strict_number.h"
#include "store/organisation_repository.h"

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
    if (s.subject != store::kDrillsSubject) {
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
  const auto orgs = store::OrganisationRepository(connection).list();
  std::unique_lock<std::shared_mutex> lock(mutex_);
  parents_.clear();
  codes_.clear();
  for (const auto& o : orgs) {
    parents_[o.id] = o.parent_id;
    codes_[o.code] = o.id;
  }
}

void WriteVersions::apply(const std::vector<store::WriteStamp>& stamps) {
  std::unique_lock<std::shared_mutex> lock(mutex_);
  for (const auto& s : stamps) {
    const auto seq = static_cast<std::uint64_t>(s.seq);
    last_ = std::max(last_, s.seq);
    if (s.subject != store::kDrillsSubject) {
      any_ = std::max(any_, seq);
      continue;
    }
    drills_ = std::max(drills_, seq);
    if (parents_.count(s.org_id) == 0) {
      drills_unscoped_ = std::max(drills_unscoped_, seq);
      continue;
    }
    // The organisation and each of its ancestors (the bound guards a corrupt tree's cycle).
    sdk::RecordId org = s.org_id;
    for (std::size_t depth = 0; org != 0 && depth <= parents_.size(); ++depth) {
      auto& v = drills_subtree_[org];
      v = std::max(v, seq);
      auto parent = parents_.find(org);
      org = parent == parents_.end() ? 0 : parent->second;
    }
  }
}

std::uint64_t WriteVersions::stamp(const CacheScope& scope, sdk::RecordId org) const {
  std::shared_lock<std::shared_mutex> lock(mutex_);
  switch (scope.drills) {
    case CacheScope::Drills::Ignored:
      return any_;
    case CacheScope::Drills::Scoped:
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

bool WriteVersions::within(sdk::RecordId org, sdk::RecordId ancestor) const {
  for (std::size_t depth = 0; org != 0 && depth <= parents_.size(); ++depth) {
    if (org == ancestor) return true;
    auto parent = parents_.find(org);
    if (parent == parents_.end()) return false;
    org = parent->second;
  }
  return false;
}

sdk::RecordId WriteVersions::narrow(sdk::RecordId user_org, const std::string& ref) const {
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
