#include "rules/drill_record_reader.h"

namespace beacon::rules {

std::vector<store::DrillPlan> DrillRecordReader::drillPlans(int year) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queries_.drillPlans(year);
}

std::vector<DrillEvaluationState> DrillRecordReader::evaluationStates(const sdk::Date& from,
                                                                      const sdk::Date& to) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queries_.evaluationStates(from, to);
}

}  // namespace beacon::rules
