// ResultBuilder: the results of one evaluation, gathered in the kept form (rules/obligation_row.h)
// as the rules give them, so an evaluation never holds its obligations' strings beyond the one
// rule's output being added: each rule's texts go to the engine's RuleTable, each distinct note
// and last-met kind is held once, and the rest is a KeptRow. chunksInto() then sorts the rows by
// organisation, domain, plan and rule and cuts them into ResultChunks, one per organisation and
// domain, each with only the texts its rows name. Not thread-safe; one per evaluation.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rules/obligation_set.h"
#include "rules/result_chunk.h"
#include "rules/rule_table.h"

namespace beacon::rules {

class ResultBuilder {
 public:
  using ChunkKey = std::pair<sdk::RecordId, std::string>;  // organisation, domain

  // `rules` outlives the builder.
  explicit ResultBuilder(RuleTable& rules);

  // Adds one result; `o`'s texts are copied into the tables, nothing of `o` is kept.
  void add(const sdk::Obligation& o, sdk::ObligationStatus status, long days_late);
  std::size_t size() const { return rows_.size(); }
  // Drops the rows of organisations not in `sorted_ids` (ascending).
  void keepOrganisations(const std::vector<sdk::RecordId>& sorted_ids);
  // Moves every row into `chunks`, one chunk per organisation and domain (replacing any there),
  // each in organisation, domain, plan and rule order (ties in the order added). Leaves the
  // builder empty.
  void chunksInto(std::map<ChunkKey, ObligationChunk>& chunks);
  // Every row, in the order added, as the parts of one chunk. Leaves the builder empty.
  ResultChunk::Parts allInOrder();

  // `rows` in the kept form, in order, with a table of their own.
  static ResultChunk::Parts compact(const std::vector<ObligationResult>& rows);

 private:
  std::uint32_t textOf(const std::string& s);
  void reset();
  // The parts of the chunk holding rows_[order[i]] for i in [begin, end).
  ResultChunk::Parts partsOf(const std::vector<std::size_t>& order, std::size_t begin,
                             std::size_t end);

  RuleTable& rules_;
  std::unordered_map<const RuleText*, RuleTable::Ref> held_;  // the texts rows_ point to
  std::vector<KeptRow> rows_;                                 // note, kind: into texts_
  std::deque<std::string> texts_;                             // [0] is ""
  std::unordered_map<std::string_view, std::uint32_t> text_index_;
};

}  // namespace beacon::rules
