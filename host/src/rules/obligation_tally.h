// ObligationTally: what the pages need from one chunk of compliance results
// (rules/result_chunk.h) without walking it on every request: the count of
// each status per duty kind, and the positions of the rows a page lists
// (overdue, due soon, met late). A chunk computes its tally once, when it is
// built, and owns it: the engine replaces the chunks of an organisation a
// write touched, so a tally is never stale and goes with its chunk. No
// shared state: a plain value, immutable inside its chunk, safe to read from
// several threads.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "rules/obligation_result.h"

namespace beacon::rules {

constexpr std::size_t kObligationStatusCount = 6;  // sdk::ObligationStatus Met .. MetLate
constexpr std::size_t kObligationKindCount = 7;    // sdk::ObligationKind Evaluation .. Report

struct ChunkTally {
  // counts[kind][status]
  std::array<std::array<int, kObligationStatusCount>, kObligationKindCount> counts{};
  // Positions in the chunk, in chunk order.
  std::vector<std::uint32_t> overdue, due_soon, met_late;

  int count(sdk::ObligationStatus status) const;
  // The listed positions for a listed status (Overdue, DueSoon, MetLate); nullptr for any other.
  const std::vector<std::uint32_t>* positions(sdk::ObligationStatus status) const;
};

// The tally of `rows` (one walk).
ChunkTally tallyOf(const std::vector<ObligationResult>& rows);

}  // namespace beacon::rules
