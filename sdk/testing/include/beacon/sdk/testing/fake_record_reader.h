// FakeRecordReader: an in-memory sdk::RecordReader for rule tests. Tests fill
// the public vectors directly; the reader filters them the way the host's
// reader does (per plan, drills by date range, oldest first) and remembers
// the widest drill range asked for. Not thread-safe while being filled.
#pragma once

#include <vector>

#include "beacon/sdk/host_services.h"

namespace beacon::sdk::testing {

class FakeRecordReader : public sdk::RecordReader {
 public:
  std::vector<sdk::Organisation> organisations() const override { return organisations_; }
  std::vector<sdk::Plan> plans() const override { return plans_; }
  std::vector<sdk::PlanVersion> versions(sdk::RecordId plan_id) const override;
  std::vector<sdk::Review> reviews(sdk::RecordId plan_id) const override;
  std::vector<sdk::Filing> filings(sdk::RecordId plan_id) const override;
  std::vector<sdk::Drill> drills(const sdk::Date& from, const sdk::Date& to) const override;

  // Adds a record, giving it the next id when it has none; returns the id.
  sdk::RecordId add(sdk::Organisation org);
  sdk::RecordId add(sdk::Plan plan);
  sdk::RecordId add(sdk::PlanVersion version);
  sdk::RecordId add(sdk::Review review);
  sdk::RecordId add(sdk::Filing filing);
  sdk::RecordId add(sdk::Drill drill);

  // The earliest `from` any drills() call asked for (unset before the first call).
  const sdk::Date& earliestDrillQuery() const { return earliest_drill_query_; }

  std::vector<sdk::Organisation> organisations_;
  std::vector<sdk::Plan> plans_;
  std::vector<sdk::PlanVersion> versions_;
  std::vector<sdk::Review> reviews_;
  std::vector<sdk::Filing> filings_;
  std::vector<sdk::Drill> drills_;

 private:
  sdk::RecordId next_id_ = 1;
  mutable sdk::Date earliest_drill_query_;
};

}  // namespace beacon::sdk::testing
