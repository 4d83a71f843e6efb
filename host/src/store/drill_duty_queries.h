// DrillDutyQueries: the host records of migration 20 that the core drill duties read
// (rules::DrillRecordReader): each year's annual drill plans, and each drill with its
// evaluation report in force. With a scope, only those organisations' drill plans and the drills
// they held or that name their plans. Not thread-safe (follows its Session).
#pragma once

#include <memory>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"
#include "store/drill_plan.h"

namespace beacon::store {

// A drill as the evaluation duty reads it.
struct DrillEvaluationState {
  sdk::Drill drill;  // id, domain, drill_type, org_id, plan_id, date and verdict only
  sdk::RecordId evaluation_id = 0;  // the report in force; 0: none
  sdk::Date evaluated;
};

class DrillDutyQueries {
 public:
  // `scope`: the organisations to limit to (sorted, unique), or null for all of them.
  DrillDutyQueries(Poco::Data::Session& session,
                   std::shared_ptr<const std::vector<sdk::RecordId>> scope = nullptr);
  // The drill plans of `year` by organisation, without their items.
  std::vector<DrillPlan> drillPlans(int year) const;
  // Each drill in force dated in [from, to] (unset: open) that carries no verdict of its own or
  // has an evaluation report in force, oldest first.
  std::vector<DrillEvaluationState> evaluationStates(const sdk::Date& from,
                                                     const sdk::Date& to) const;

 private:
  Poco::Data::Session& session_;
  std::shared_ptr<const std::vector<sdk::RecordId>> scope_;
  std::string scope_list_;  // the scope as "(1, 2, 3)"
};

}  // namespace beacon::store
