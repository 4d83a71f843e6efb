// ObligationTally: what the pages need from one chunk of compliance results
// (rules/obligation_set.h) without walking it on every request: the count of
// each status per duty kind, and the positions of the rows a page lists
// (overdue, due soon, met late). Each chunk is tallied once and the tally
// memoised by the chunk's identity; the engine replaces the chunks of an
// organisation a write touched, so a kept tally is never stale and a
// replaced chunk's tally is dropped with it. Thread-safe: the memo is guarded
// by its own mutex, held only to look a chunk up.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "rules/obligation_set.h"

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

// The chunk's tally, computed on first use. REQUIRES: chunk not null.
std::shared_ptr<const ChunkTally> tallyOf(const ObligationChunk& chunk);

}  // namespace beacon::rules
