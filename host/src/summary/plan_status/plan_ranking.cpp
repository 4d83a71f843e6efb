#include "summary/plan_status/plan_ranking.h"

namespace beacon::summary::plan_status {

namespace {

int severity(std::size_t column) {
  switch (column) {
    case kRevisionRequired:
      return 5;
    case kOverdue:
      return 4;
    case kDueSoon:
      return 3;
    case kFilingPending:
      return 2;
    default:
      return 1;
  }
}

}  // namespace

const std::vector<StatusColumn>& statusColumns() {
  static const std::vector<StatusColumn> kColumns = {
      {"current", "现行有效", "Current"},
      {"due_soon", "即将到期", "Due soon"},
      {"overdue", "已逾期", "Overdue"},
      {"revision_required", "需修订", "Revision required"},
      {"filing_pending", "待备案/公开", "Filing/publication pending"},
      {"drafting", "编制中", "Drafting"},
      {"in_review", "评审中", "In review"},
      {"approved", "已批准", "Approved"},
  };
  return kColumns;
}

bool inForce(std::size_t column) { return column < kDrafting; }

std::size_t lifeCycleColumn(sdk::PlanStatus status, const rules::PlanAsOf& then) {
  if (then.version_in_force == 0) {
    return status == sdk::PlanStatus::InReview   ? kInReview
           : status == sdk::PlanStatus::Approved ? kApproved
                                                 : kDrafting;
  }
  return then.revision_required ? kRevisionRequired : kCurrent;
}

std::optional<std::size_t> dutyColumn(sdk::ObligationKind kind, sdk::ObligationStatus status) {
  const bool filing =
      kind == sdk::ObligationKind::Filing || kind == sdk::ObligationKind::Publication;
  if (kind == sdk::ObligationKind::Revision && status == sdk::ObligationStatus::Overdue)
    return kRevisionRequired;
  if (status == sdk::ObligationStatus::Overdue) return kOverdue;
  if (status == sdk::ObligationStatus::DueSoon) return kDueSoon;
  if (filing && status == sdk::ObligationStatus::Upcoming) return kFilingPending;
  return std::nullopt;
}

std::size_t rankedColumn(std::size_t current, std::size_t asked) {
  return inForce(current) && severity(asked) > severity(current) ? asked : current;
}

PlanColumns rankPlans(std::vector<store::PlanBrief>& plans, const rules::PlanHistory& history,
                      const sdk::Date& as_of, const rules::ObligationSet& obligations) {
  PlanColumns columns;
  columns.reserve(plans.size());
  for (auto& p : plans) {
    const rules::PlanAsOf then = history.asOf(p.id, as_of);
    p.revision_required = then.revision_required;
    p.current_version = then.version_in_force;
    columns[p.id] = lifeCycleColumn(p.status, then);
  }
  for (const auto& r : obligations) {
    if (r.planId() == 0) continue;
    auto current = columns.find(r.planId());
    if (current == columns.end()) continue;
    if (const auto asked = dutyColumn(r.kind(), r.status()))
      current->second = rankedColumn(current->second, *asked);
  }
  return columns;
}

}  // namespace beacon::summary::plan_status
