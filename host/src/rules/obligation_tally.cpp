#include "rules/obligation_tally.h"

#include <algorithm>

namespace beacon::rules {

sdk::Date listedDue(const ObligationResult& r) {
  const auto& o = r.obligation;
  return r.status == sdk::ObligationStatus::MetLate && o.met_due.isSet() ? o.met_due : o.due;
}

int ChunkTally::count(sdk::ObligationStatus status) const {
  int n = 0;
  for (const auto& by_status : counts) n += by_status[static_cast<std::size_t>(status)];
  return n;
}

const ChunkTally::Positions* ChunkTally::positions(sdk::ObligationStatus status) const {
  switch (status) {
    case sdk::ObligationStatus::Overdue:
    case sdk::ObligationStatus::DueSoon:
    case sdk::ObligationStatus::MetLate:
      return &inOrder(status);
    default:
      return nullptr;
  }
}

ChunkTally tallyOf(const std::vector<KeptRow>& rows) {
  ChunkTally t;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto kind = static_cast<std::size_t>(rows[i].rule->kind);
    const auto status = static_cast<std::size_t>(rows[i].status);
    if (status >= kObligationStatusCount) continue;
    if (kind < kObligationKindCount) ++t.counts[kind][status];
    t.in_order[status].push_back(static_cast<std::uint32_t>(i));
  }
  for (std::size_t s = 0; s < kObligationStatusCount; ++s) {
    t.in_order[s].shrink_to_fit();
    t.by_due[s] = t.in_order[s];
    std::stable_sort(t.by_due[s].begin(), t.by_due[s].end(),
                     [&rows](std::uint32_t a, std::uint32_t b) {
                       return listedDue(rows[a]) < listedDue(rows[b]);
                     });
  }
  return t;
}

}  // namespace beacon::rules
