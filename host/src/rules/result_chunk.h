// ResultChunk: the compliance results of one organisation in one domain, in
// the engine's order, kept compactly (rules/obligation_row.h: each row a KeptRow
// pointing to its rule's texts in the engine's RuleTable, notes and last-met
// kinds held once per chunk), with their tally (rules/obligation_tally.h),
// computed once when the chunk is built and owned by it. Rows are read through
// ObligationRow views. Immutable once built; safe to read from several threads.
// Held through rules::ObligationChunk (rules/obligation_set.h).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "rules/obligation_result.h"
#include "rules/obligation_row.h"
#include "rules/obligation_tally.h"
#include "rules/rule_text.h"

namespace beacon::rules {

class ResultChunk {
 public:
  // What a chunk is built from (rules/result_builder.h): rows whose note and last_met_kind index
  // `texts` (texts[0] is ""), and the rule texts the rows point to.
  struct Parts {
    std::vector<KeptRow> rows;
    std::vector<std::shared_ptr<const RuleText>> rules;
    std::vector<std::string> texts;
  };

  explicit ResultChunk(Parts parts);
  // `rows` kept in order (with a rule table of their own).
  explicit ResultChunk(const std::vector<ObligationResult>& rows);

  const ChunkTally& tally() const { return tally_; }

  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  ObligationRow operator[](std::size_t i) const { return {&rows_[i], texts_.data()}; }
  ObligationRow front() const { return (*this)[0]; }
  const KeptRow& kept(std::size_t i) const { return rows_[i]; }
  // The bytes the chunk holds on the heap for its rows, texts and tally (not the shared rule
  // texts).
  std::size_t bytes() const;

 private:
  std::vector<KeptRow> rows_;
  std::vector<std::shared_ptr<const RuleText>> rules_;
  std::vector<std::string> texts_;
  ChunkTally tally_;
};

}  // namespace beacon::rules
