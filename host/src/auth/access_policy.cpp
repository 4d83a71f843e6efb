#include "auth/access_policy.h"

namespace beacon::auth {

const std::set<sdk::RecordId>& AccessPolicy::subtree(sdk::RecordId root) {
  auto it = subtrees_.find(root);
  if (it == subtrees_.end()) {
    std::optional<std::set<sdk::RecordId>> kept = kept_ ? kept_(root) : std::nullopt;
    std::set<sdk::RecordId> ids;
    if (kept) {
      ids = std::move(*kept);
    } else if (orgs_.findById(root)) {
      ids = orgs_.subtree(root);
    }
    it = subtrees_.emplace(root, std::move(ids)).first;
  }
  return it->second;
}

Scope AccessPolicy::scope(const User& user) {
  Scope s;
  if (user.disabled) return s;
  switch (user.role) {
    case Role::Admin:
      s.all = true;
      break;
    case Role::Viewer:
      if (user.org_id == 0) {
        s.all = true;
      } else {
        s.org_ids = subtree(user.org_id);
      }
      break;
    case Role::OrgStaff:
      if (user.org_id != 0) s.org_ids = subtree(user.org_id);
      break;
    case Role::VillageStaff:
      if (user.org_id != 0 && !subtree(user.org_id).empty()) s.org_ids.insert(user.org_id);
      break;
  }
  return s;
}

Scope AccessPolicy::writeScope(const User& user) {
  if (user.role == Role::Viewer) return Scope{};
  return scope(user);
}

bool AccessPolicy::canRead(const User& user, sdk::RecordId org_id) { return scope(user).contains(org_id); }

bool AccessPolicy::canWrite(const User& user, sdk::RecordId org_id) {
  return writeScope(user).contains(org_id);
}

}  // namespace beacon::auth
