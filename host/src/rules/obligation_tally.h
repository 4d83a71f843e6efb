// ObligationTally: what the pages need from one chunk of compliance results
// (rules/result_chunk.h) without walking or sorting it on every request: the
// count of each status per duty kind, and the positions of each status's rows
// twice, in chunk (engine) order and in the order a list shows them (listed due
// date, then chunk order), so a page merges only the first offset + limit rows
// of each chunk (rules/obligation_page.h). A chunk computes its tally once,
// when it is built, and owns it: the engine replaces the chunks of an
// organisation a write touched, so a tally is never stale and goes with its
// chunk. No shared state: a plain value, immutable inside its chunk, safe to
// read from several threads.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "rules/obligation_result.h"
#include "rules/obligation_row.h"

namespace beacon::rules {

constexpr std::size_t kObligationStatusCount = 6;  // sdk::ObligationStatus Met .. MetLate
constexpr std::size_t kObligationKindCount = 7;    // sdk::ObligationKind Evaluation .. Report

// The date a listed row is shown and sorted by: the due date a met-late record answered, else the
// due date.
sdk::Date listedDue(const ObligationResult& r);
inline PackedDate listedDue(const KeptRow& r) {
  return r.status == sdk::ObligationStatus::MetLate && r.met_due.isSet() ? r.met_due : r.due;
}
inline sdk::Date listedDue(const ObligationRow& r) {
  return r.status() == sdk::ObligationStatus::MetLate && r.metDue().isSet() ? r.metDue() : r.due();
}

struct ChunkTally {
  using Positions = std::vector<std::uint32_t>;
  // counts[kind][status]
  std::array<std::array<int, kObligationStatusCount>, kObligationKindCount> counts{};
  // in_order[status]: the positions of that status's rows, in chunk order; by_due[status]: the
  // same positions by listedDue, ties in chunk order.
  std::array<Positions, kObligationStatusCount> in_order, by_due;

  int count(sdk::ObligationStatus status) const;
  // The listed positions for a listed status (Overdue, DueSoon, MetLate), in chunk order;
  // nullptr for any other.
  const Positions* positions(sdk::ObligationStatus status) const;
  const Positions& inOrder(sdk::ObligationStatus s) const {
    return in_order[static_cast<std::size_t>(s)];
  }
  const Positions& byDue(sdk::ObligationStatus s) const {
    return by_due[static_cast<std::size_t>(s)];
  }
};

// The tally of `rows` (one walk, then one sort of each status's positions by due date).
ChunkTally tallyOf(const std::vector<KeptRow>& rows);

}  // namespace beacon::rules
