#include "rules/rule_scope_plan.h"

#include <set>

namespace beacon::rules {

namespace {
std::shared_ptr<const OrgScope> scopeOf(const std::set<sdk::RecordId>& ids, std::size_t all) {
  if (ids.empty() || ids.size() >= all) return nullptr;
  return std::make_shared<const OrgScope>(std::vector<sdk::RecordId>(ids.begin(), ids.end()));
}
}  // namespace

RuleScopePlan::RuleScopePlan(const std::vector<sdk::RecordId>& touched,
                             const std::map<sdk::RecordId, sdk::RecordId>& parent_of,
                             sdk::RuleScope widest, bool after_write) {
  if (touched.empty() || (widest == sdk::RuleScope::City && after_write)) return;
  std::set<sdk::RecordId> results(touched.begin(), touched.end());
  if (widest == sdk::RuleScope::Subtree && after_write) {
    for (sdk::RecordId id : touched) {
      // Bounded by the tree's size, so a (corrupt) cycle in parent links cannot loop for ever.
      for (std::size_t hops = 0; hops < parent_of.size(); ++hops) {
        auto it = parent_of.find(id);
        if (it == parent_of.end() || it->second == 0 || !results.insert(it->second).second) break;
        id = it->second;
      }
    }
  }
  // An empty tree (a test's bare store) says nothing about size: keep the explicit ids.
  const std::size_t all = parent_of.empty() ? results.size() + 1 : parent_of.size();
  results_ = scopeOf(results, all);
  if (widest == sdk::RuleScope::Organisation || !results_) return;
  std::multimap<sdk::RecordId, sdk::RecordId> children;
  for (const auto& [id, parent] : parent_of) children.emplace(parent, id);
  std::set<sdk::RecordId> below = results;
  std::vector<sdk::RecordId> pending(results.begin(), results.end());
  while (!pending.empty()) {
    const sdk::RecordId id = pending.back();
    pending.pop_back();
    auto range = children.equal_range(id);
    for (auto it = range.first; it != range.second; ++it) {
      if (below.insert(it->second).second) pending.push_back(it->second);
    }
  }
  subtree_ = scopeOf(below, all);
}

std::shared_ptr<const OrgScope> RuleScopePlan::readerFor(sdk::RuleScope scope) const {
  if (!results_) return nullptr;
  switch (scope) {
    case sdk::RuleScope::Organisation: return results_;
    case sdk::RuleScope::Subtree: return subtree_;
    case sdk::RuleScope::City: return nullptr;
  }
  return nullptr;
}

}  // namespace beacon::rules
