#include "beacon/sdk/testing/fake_record_reader.h"

#include <algorithm>

namespace beacon::sdk::testing {

namespace {
template <typename T>
std::vector<T> ofPlan(const std::vector<T>& all, sdk::RecordId plan_id) {
  std::vector<T> out;
  for (const auto& r : all) {
    if (r.plan_id == plan_id) out.push_back(r);
  }
  return out;
}

template <typename T>
sdk::RecordId store(std::vector<T>& all, T record, sdk::RecordId& next_id) {
  if (record.id == 0) record.id = next_id;
  next_id = std::max(next_id, record.id + 1);
  all.push_back(std::move(record));
  return all.back().id;
}
}  // namespace

std::vector<sdk::PlanVersion> FakeRecordReader::versions(sdk::RecordId plan_id) const {
  auto out = ofPlan(versions_, plan_id);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
  return out;
}

std::vector<sdk::Review> FakeRecordReader::reviews(sdk::RecordId plan_id) const {
  return ofPlan(reviews_, plan_id);
}

std::vector<sdk::Filing> FakeRecordReader::filings(sdk::RecordId plan_id) const {
  return ofPlan(filings_, plan_id);
}

std::vector<sdk::Drill> FakeRecordReader::drills(const sdk::Date& from, const sdk::Date& to) const {
  if (!earliest_drill_query_.isSet() || from < earliest_drill_query_) earliest_drill_query_ = from;
  std::vector<sdk::Drill> out;
  for (const auto& d : drills_) {
    if (d.date >= from && d.date <= to) out.push_back(d);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  return out;
}

sdk::RecordId FakeRecordReader::add(sdk::Organisation org) { return store(organisations_, std::move(org), next_id_); }
sdk::RecordId FakeRecordReader::add(sdk::Plan plan) { return store(plans_, std::move(plan), next_id_); }
sdk::RecordId FakeRecordReader::add(sdk::PlanVersion version) { return store(versions_, std::move(version), next_id_); }
sdk::RecordId FakeRecordReader::add(sdk::Review review) { return store(reviews_, std::move(review), next_id_); }
sdk::RecordId FakeRecordReader::add(sdk::Filing filing) { return store(filings_, std::move(filing), next_id_); }
sdk::RecordId FakeRecordReader::add(sdk::Drill drill) { return store(drills_, std::move(drill), next_id_); }

}  // namespace beacon::sdk::testing
