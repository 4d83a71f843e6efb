// ResultChunk: the compliance results of one organisation in one domain, in
// the engine's order, with their tally (rules/obligation_tally.h), computed
// once when the chunk is built and owned by it. Immutable once built; safe to
// read from several threads. Held through rules::ObligationChunk
// (rules/obligation_set.h).
#pragma once

#include <cstddef>
#include <vector>

#include "rules/obligation_result.h"
#include "rules/obligation_tally.h"

namespace beacon::rules {

class ResultChunk {
 public:
  explicit ResultChunk(std::vector<ObligationResult> rows);

  const std::vector<ObligationResult>& rows() const { return rows_; }
  const ChunkTally& tally() const { return tally_; }

  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  const ObligationResult& operator[](std::size_t i) const { return rows_[i]; }
  const ObligationResult& front() const { return rows_.front(); }
  std::vector<ObligationResult>::const_iterator begin() const { return rows_.begin(); }
  std::vector<ObligationResult>::const_iterator end() const { return rows_.end(); }

 private:
  std::vector<ObligationResult> rows_;
  ChunkTally tally_;
};

}  // namespace beacon::rules
