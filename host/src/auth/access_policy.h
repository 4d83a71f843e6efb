// AccessPolicy: which organisations' records a user may read and write,
// from the user's Role and organisation (see role.h):
//   admin          read + write everything;
//   org_staff      read + write its organisation's subtree;
//   village_staff  read + write its own organisation only;
//   viewer         read its subtree (everything when it has no organisation), write nothing.
// A disabled user, or a non-admin whose organisation is missing, gets nothing.
// A record belongs to the organisation that owns it (a plan's owner_org_id,
// a drill's org_id, a corrective action's responsible_org_id; reviews and
// filings follow their plan). Subtrees come from a kept organisation tree
// when the caller gives one (the web server's), else from the
// OrganisationRepository, once per organisation for the policy's lifetime,
// so make one policy per request. Not thread-safe.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "auth/user.h"
#include "store/organisation_repository.h"

namespace beacon::auth {

// The organisations a user may read or write. `all` = no restriction;
// otherwise exactly `org_ids` (possibly empty: nothing).
struct Scope {
  bool all = false;
  std::set<sdk::RecordId> org_ids;

  bool contains(sdk::RecordId org_id) const { return all || org_ids.count(org_id) > 0; }
  // For list filters such as DrillFilter::org_ids; only meaningful when !all.
  std::vector<sdk::RecordId> list() const { return {org_ids.begin(), org_ids.end()}; }
};

class AccessPolicy {
 public:
  // `root` and every organisation below it as a kept tree holds them; nullopt when the tree does
  // not hold `root` (then the repository is read).
  using KeptSubtree = std::function<std::optional<std::set<sdk::RecordId>>(sdk::RecordId root)>;

  explicit AccessPolicy(store::OrganisationRepository& orgs, KeptSubtree kept = nullptr)
      : orgs_(orgs), kept_(std::move(kept)) {}

  Scope scope(const User& user);        // what the user may read
  Scope writeScope(const User& user);   // what the user may change
  bool canRead(const User& user, sdk::RecordId org_id);
  bool canWrite(const User& user, sdk::RecordId org_id);
  // Accounts, plugins and rule settings: administrators only.
  static bool canAdminister(const User& user) { return !user.disabled && user.role == Role::Admin; }

 private:
  const std::set<sdk::RecordId>& subtree(sdk::RecordId root);
  store::OrganisationRepository& orgs_;
  KeptSubtree kept_;
  std::map<sdk::RecordId, std::set<sdk::RecordId>> subtrees_;
};

}  // namespace beacon::auth
