#include "rules/obligation_tally.h"

namespace beacon::rules {

int ChunkTally::count(sdk::ObligationStatus status) const {
  int n = 0;
  for (const auto& by_status : counts) n += by_status[static_cast<std::size_t>(status)];
  return n;
}

const std::vector<std::uint32_t>* ChunkTally::positions(sdk::ObligationStatus status) const {
  switch (status) {
    case sdk::ObligationStatus::Overdue:
      return &overdue;
    case sdk::ObligationStatus::DueSoon:
      return &due_soon;
    case sdk::ObligationStatus::MetLate:
      return &met_late;
    default:
      return nullptr;
  }
}

ChunkTally tallyOf(const std::vector<ObligationResult>& rows) {
  ChunkTally t;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto kind = static_cast<std::size_t>(rows[i].obligation.kind);
    const auto status = static_cast<std::size_t>(rows[i].status);
    if (kind < kObligationKindCount && status < kObligationStatusCount) ++t.counts[kind][status];
    const auto at = static_cast<std::uint32_t>(i);
    if (rows[i].status == sdk::ObligationStatus::Overdue) t.overdue.push_back(at);
    if (rows[i].status == sdk::ObligationStatus::DueSoon) t.due_soon.push_back(at);
    if (rows[i].status == sdk::ObligationStatus::MetLate) t.met_late.push_back(at);
  }
  return t;
}

}  // namespace beacon::rules
