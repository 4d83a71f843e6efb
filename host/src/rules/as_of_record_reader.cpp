#include "rules/as_of_record_reader.h"

namespace beacon::rules {

std::vector<sdk::Organisation> AsOfRecordReader::organisations() const {
  return records_.organisations();
}

std::vector<sdk::Plan> AsOfRecordReader::plans() const {
  std::vector<sdk::Plan> out = records_.plans();
  for (auto& p : out) history_.apply(p, as_of_);
  return out;
}

std::vector<sdk::PlanVersion> AsOfRecordReader::versions(sdk::RecordId plan_id) const {
  std::vector<sdk::PlanVersion> out;
  for (auto& v : records_.versions(plan_id)) {
    if (v.issued.isSet() && v.issued <= as_of_) out.push_back(std::move(v));
  }
  return out;
}

std::vector<sdk::Review> AsOfRecordReader::reviews(sdk::RecordId plan_id) const {
  std::vector<sdk::Review> out;
  for (auto& r : records_.reviews(plan_id)) {
    if (r.date.isSet() && r.date <= as_of_) out.push_back(std::move(r));
  }
  return out;
}

std::vector<sdk::Filing> AsOfRecordReader::filings(sdk::RecordId plan_id) const {
  std::vector<sdk::Filing> out;
  for (auto& f : records_.filings(plan_id)) {
    if (!f.submitted.isSet() || f.submitted > as_of_) continue;
    if (f.published.isSet() && f.published > as_of_) f.published = sdk::Date{};
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<sdk::Drill> AsOfRecordReader::drills(const sdk::Date& from, const sdk::Date& to) const {
  const sdk::Date end = until(to);
  if (from.isSet() && end < from) return {};
  return records_.drills(from, end);
}

std::vector<sdk::LatestDrill> AsOfRecordReader::latestDrills(const sdk::Date& from,
                                                             const sdk::Date& to,
                                                             const std::string& flag_field) const {
  const sdk::Date end = until(to);
  if (from.isSet() && end < from) return {};
  return records_.latestDrills(from, end, flag_field);
}

}  // namespace beacon::rules
