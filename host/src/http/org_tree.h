// OrgTree: the organisation tree as the server keeps it between organisation writes (each
// organisation's parent, code and name, and its children), built from one read of the
// organisations; WriteVersions builds a new one at start and after every commit that may have
// added, moved or renamed an organisation, so list requests take their scope from it instead of
// reading the tree per request (OrganisationRepository::subtree was 32 % of the server's CPU
// under bench/mixed/run.sh). Immutable once built; shared by pointer; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "beacon/sdk/records.h"

namespace beacon::http {

class OrgTree {
 public:
  struct Node {
    sdk::RecordId parent = 0;
    std::string code;
    std::string name;
  };

  OrgTree() = default;
  explicit OrgTree(const std::vector<sdk::Organisation>& orgs);

  const Node* find(sdk::RecordId id) const;
  // The organisation `ref` names as organisationByRef reads it (a whole number is an id,
  // anything else a code), when it is in the tree. Names are not looked up here.
  std::optional<sdk::RecordId> byRef(const std::string& ref) const;
  // Whether `org` is `ancestor` or lies below it.
  bool within(sdk::RecordId org, sdk::RecordId ancestor) const;
  // `org` and each organisation above it, nearest first (the bound guards a corrupt tree's
  // cycle); empty when `org` is not in the tree.
  std::vector<sdk::RecordId> lineage(sdk::RecordId org) const;
  // `root` and every organisation below it, ascending (OrganisationRepository::subtree's set).
  std::vector<sdk::RecordId> subtree(sdk::RecordId root) const;
  std::size_t size() const { return nodes_.size(); }

 private:
  std::unordered_map<sdk::RecordId, Node> nodes_;
  std::unordered_map<std::string, sdk::RecordId> codes_;
  std::unordered_multimap<sdk::RecordId, sdk::RecordId> children_;
};

}  // namespace beacon::http
