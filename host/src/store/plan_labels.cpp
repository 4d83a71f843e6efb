#include "store/plan_labels.h"

#include <algorithm>

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {
constexpr std::size_t kIdsPerStatement = 500;
}

std::unordered_map<sdk::RecordId, PlanLabel> readPlanLabels(Poco::Data::Session& session,
                                                            std::vector<sdk::RecordId> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  ids.erase(std::remove(ids.begin(), ids.end(), sdk::RecordId{0}), ids.end());
  std::unordered_map<sdk::RecordId, PlanLabel> out;
  for (std::size_t from = 0; from < ids.size(); from += kIdsPerStatement) {
    const std::size_t to = std::min(ids.size(), from + kIdsPerStatement);
    std::string sql = "SELECT id, code, title FROM plans WHERE id IN (";
    for (std::size_t i = from; i < to; ++i)
      sql += (i == from ? "$" : ", $") + std::to_string(i - from + 1);
    sql += ")";
    std::vector<Poco::Int64> found;
    std::vector<std::string> codes, titles;
    Poco::Data::Statement st(session);
    st << sql;
    for (std::size_t i = from; i < to; ++i) st, bind(static_cast<Poco::Int64>(ids[i]));
    st, into(found), into(codes), into(titles);
    st.execute();
    for (std::size_t i = 0; i < found.size(); ++i) out[found[i]] = {codes[i], titles[i]};
  }
  return out;
}

}  // namespace beacon::store
