// AsOfRecordReader: the sdk::RecordReader a domain plugin's rules read
// through for a check as of a date: another reader's records as they stood on
// that date, so that nothing dated later changes the check. Plans carry the
// version in force, status and revision requirement of then (PlanHistory);
// versions are those issued on or before the date, reviews those held by
// then, filings those submitted by then (a publication date after it reads as
// unset), drills those dated by then. Holds references only; thread-safe
// when the wrapped reader is.
#pragma once

#include "beacon/sdk/host_services.h"
#include "rules/plan_history.h"

namespace beacon::rules {

class AsOfRecordReader : public sdk::RecordReader {
 public:
  // REQUIRES: `records` and `history` outlive this reader.
  AsOfRecordReader(const sdk::RecordReader& records, const PlanHistory& history,
                   const sdk::Date& as_of)
      : records_(records), history_(history), as_of_(as_of) {}

  std::vector<sdk::Organisation> organisations() const override;
  std::vector<sdk::Plan> plans() const override;
  std::vector<sdk::PlanVersion> versions(sdk::RecordId plan_id) const override;
  std::vector<sdk::Review> reviews(sdk::RecordId plan_id) const override;
  std::vector<sdk::Filing> filings(sdk::RecordId plan_id) const override;
  std::vector<sdk::Drill> drills(const sdk::Date& from, const sdk::Date& to) const override;
  std::vector<sdk::LatestDrill> latestDrills(const sdk::Date& from, const sdk::Date& to,
                                             const std::string& flag_field) const override;

 private:
  // The end of a drill window, no later than the as-of date.
  sdk::Date until(const sdk::Date& to) const { return !to.isSet() || as_of_ < to ? as_of_ : to; }
  const sdk::RecordReader& records_;
  const PlanHistory& history_;
  sdk::Date as_of_;
};

}  // namespace beacon::rules
