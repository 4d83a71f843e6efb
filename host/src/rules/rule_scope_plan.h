// RuleScopePlan: which organisations an evaluation limited by rule scope must
// give results for, and what each kind of reader must hold to give them
// (sdk::RuleScope, obligation.h). Built from the organisation tree for the
// organisations a write touched (or a page asked about): rules of scope
// Organisation (and the host's core rules) read only the result organisations;
// Subtree rules read those and everything under them; City rules read
// everything. Plain value; thread-safe once built.
#pragma once

#include <map>
#include <memory>
#include <vector>

#include "beacon/sdk/obligation.h"
#include "rules/store_record_reader.h"

namespace beacon::rules {

class RuleScopePlan {
 public:
  // `touched`: organisations whose own records changed (`after_write`) or that a page shows.
  // `parent_of`: every organisation's parent (0 for a root). `widest`: the widest scope of the rules
  // that will run. After a write with `widest` Subtree the organisations above the touched ones are
  // results too (their obligations read the touched records); with City every organisation is.
  // For a page only `touched` are results, each read as its rules' scope needs.
  RuleScopePlan(const std::vector<sdk::RecordId>& touched,
                const std::map<sdk::RecordId, sdk::RecordId>& parent_of, sdk::RuleScope widest,
                bool after_write);

  // The organisations whose results are evaluated (and replaced); null when every one is.
  const std::shared_ptr<const OrgScope>& results() const { return results_; }
  // The reader limit for rules of `scope`; null: the whole city.
  std::shared_ptr<const OrgScope> readerFor(sdk::RuleScope scope) const;

 private:
  std::shared_ptr<const OrgScope> results_;
  std::shared_ptr<const OrgScope> subtree_;
};

}  // namespace beacon::rules
