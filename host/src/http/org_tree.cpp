#include "http/org_tree.h"

#include <algorithm>
#include <limits>
#include <unordered_set>

#include "http/strict_number.h"

namespace beacon::http {

OrgTree::OrgTree(const std::vector<sdk::Organisation>& orgs) {
  nodes_.reserve(orgs.size());
  codes_.reserve(orgs.size());
  for (const auto& o : orgs) {
    nodes_[o.id] = Node{o.parent_id, o.code, o.name};
    codes_[o.code] = o.id;
    children_.emplace(o.parent_id, o.id);
  }
}

const OrgTree::Node* OrgTree::find(sdk::RecordId id) const {
  auto it = nodes_.find(id);
  return it == nodes_.end() ? nullptr : &it->second;
}

std::optional<sdk::RecordId> OrgTree::byRef(const std::string& ref) const {
  if (const auto id = parseWholeNumber(ref, 1, std::numeric_limits<sdk::RecordId>::max())) {
    if (nodes_.count(*id)) return *id;
    return std::nullopt;
  }
  auto code = codes_.find(ref);
  if (code == codes_.end()) return std::nullopt;
  return code->second;
}

std::vector<sdk::RecordId> OrgTree::lineage(sdk::RecordId org) const {
  std::vector<sdk::RecordId> out;
  for (std::size_t depth = 0; org != 0 && depth <= nodes_.size(); ++depth) {
    auto it = nodes_.find(org);
    if (it == nodes_.end()) break;
    out.push_back(org);
    org = it->second.parent;
  }
  return out;
}

bool OrgTree::within(sdk::RecordId org, sdk::RecordId ancestor) const {
  const auto up = lineage(org);
  return std::find(up.begin(), up.end(), ancestor) != up.end();
}

std::vector<sdk::RecordId> OrgTree::subtree(sdk::RecordId root) const {
  std::unordered_set<sdk::RecordId> seen{root};
  std::vector<sdk::RecordId> out{root};
  std::vector<sdk::RecordId> pending{root};
  while (!pending.empty()) {
    const auto id = pending.back();
    pending.pop_back();
    auto range = children_.equal_range(id);
    for (auto it = range.first; it != range.second; ++it) {
      if (seen.insert(it->second).second) {
        out.push_back(it->second);
        pending.push_back(it->second);
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace beacon::http
