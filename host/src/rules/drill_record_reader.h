// DrillRecordReader: the host records of migration 20 that the core drill
// duties (DrillDuties) read, next to the StoreRecordReader the other core
// rules read: annual drill plans, and each drill with its evaluation report.
// With an OrgScope it shows what StoreRecordReader shows for those
// organisations (their drill plans; the drills they held or that name their
// plans). Every call is one fresh query of the store's DrillDutyQueries.
// Thread-safe (one mutex around the Session).
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "rules/store_record_reader.h"
#include "store/database.h"
#include "store/drill_duty_queries.h"
#include "store/drill_plan.h"

namespace beacon::rules {

// A drill as the evaluation duty reads it.
using DrillEvaluationState = store::DrillEvaluationState;

class DrillRecordReader {
 public:
  explicit DrillRecordReader(store::Database& db, std::shared_ptr<const OrgScope> scope = nullptr)
      : scope_(std::move(scope)), queries_(db.session(), OrgScope::idsOf(scope_)) {}
  // The drill plans of `year`, without their items.
  std::vector<store::DrillPlan> drillPlans(int year) const;
  // Each drill in force dated in [from, to] that carries no verdict of its
  // own or has an evaluation report in force, oldest first.
  std::vector<DrillEvaluationState> evaluationStates(const sdk::Date& from, const sdk::Date& to) const;

 private:
  std::shared_ptr<const OrgScope> scope_;
  store::DrillDutyQueries queries_;
  mutable std::mutex mutex_;
};

}  // namespace beacon::rules
