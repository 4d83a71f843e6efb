// RuleTable: the compliance engine's table of rule texts (rules/rule_text.h), each distinct one
// held once however many kept rows name it. The chunks that point to a text share it
// (std::shared_ptr), so it lives as long as any chunk, on any thread, still holds it; prune()
// forgets the texts no chunk holds any longer. Not thread-safe: the engine interns and prunes
// from its own thread (the texts themselves are immutable and safe to read anywhere).
#pragma once

#include <cstddef>
#include <memory>
#include <unordered_map>

#include "rules/rule_text.h"

namespace beacon::rules {

class RuleTable {
 public:
  using Ref = std::shared_ptr<const RuleText>;

  // The table's text equal to `o`'s rule texts, added if new.
  const Ref& intern(const sdk::Obligation& o);
  // Forgets the texts only the table still holds.
  void prune();
  std::size_t size() const { return texts_.size(); }

 private:
  struct Hash {
    std::size_t operator()(const RuleText& t) const;
  };
  std::unordered_map<RuleText, Ref, Hash> texts_;
  const Ref* last_ = nullptr;  // the text interned last: rules emit runs of one rule
};

}  // namespace beacon::rules
