#include "store/record_codes.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

RecordCodes readRecordCodes(Poco::Data::Session& session) {
  RecordCodes out;
  std::vector<Poco::Int64> ids, plan_ids;
  std::vector<std::string> codes, issued;
  std::vector<int> numbers;
  session << "SELECT id, code FROM organisations", into(ids), into(codes), now;
  for (std::size_t i = 0; i < ids.size(); ++i) out.organisations[ids[i]] = std::move(codes[i]);
  ids.clear();
  codes.clear();
  session << "SELECT id, code, current_version FROM plans", into(ids), into(codes), into(numbers),
      now;
  for (std::size_t i = 0; i < ids.size(); ++i)
    out.plans[ids[i]] = {std::move(codes[i]), numbers[i]};
  ids.clear();
  numbers.clear();
  session << "SELECT id, plan_id, number, issued FROM plan_versions"
             " ORDER BY plan_id, number",
      into(ids), into(plan_ids), into(numbers), into(issued), now;
  out.versions.resize(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    out.versions[i] = {ids[i], plan_ids[i], numbers[i], std::move(issued[i])};
  }
  return out;
}

}  // namespace beacon::store
