#include "store/organisation_labels.h"

#include <algorithm>

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

std::unordered_map<sdk::RecordId, OrganisationLabel> readOrganisationLabels(
    Poco::Data::Session& session, std::vector<sdk::RecordId> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::unordered_map<sdk::RecordId, OrganisationLabel> out;
  if (ids.empty()) return out;
  std::string sql = "SELECT id, name, code FROM organisations WHERE id IN (";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    sql += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
  }
  sql += ")";
  std::vector<Poco::Int64> found;
  std::vector<std::string> names, codes;
  Poco::Data::Statement st(session);
  st << sql;
  for (sdk::RecordId id : ids) st, bind(static_cast<Poco::Int64>(id));
  st, into(found), into(names), into(codes);
  st.execute();
  for (std::size_t i = 0; i < found.size(); ++i) out[found[i]] = {names[i], codes[i]};
  return out;
}

}  // namespace beacon::store
