#include "store/reference_rows.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {

// " WHERE id = $1" / " WHERE code = $1" with its value bound, or nothing.
std::string whereKey(Poco::Data::Statement& st, const ReferenceKey& key) {
  switch (key.by) {
    case ReferenceKey::By::Id:
      st, bind(static_cast<Poco::Int64>(key.id));
      return " WHERE id = $1";
    case ReferenceKey::By::Code:
      st, bind(key.code);
      return " WHERE code = $1";
    case ReferenceKey::By::All:
      break;
  }
  return std::string();
}

}  // namespace

std::vector<OrgReference> readOrgReferences(Poco::Data::Session& session, const ReferenceKey& key) {
  std::vector<Poco::Int64> ids, parents;
  std::vector<std::string> codes;
  Poco::Data::Statement st(session);
  st << "SELECT id, code, COALESCE(parent_id, 0) FROM organisations" + whereKey(st, key), into(ids),
      into(codes), into(parents);
  st.execute();
  std::vector<OrgReference> out(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) out[i] = {ids[i], std::move(codes[i]), parents[i]};
  return out;
}

std::vector<PlanReference> readPlanReferences(Poco::Data::Session& session,
                                              const ReferenceKey& key) {
  std::vector<Poco::Int64> ids, owners;
  std::vector<std::string> codes, domains;
  std::vector<int> versions;
  Poco::Data::Statement st(session);
  st << "SELECT id, code, domain, owner_org_id, current_version FROM plans" + whereKey(st, key),
      into(ids), into(codes), into(domains), into(owners), into(versions);
  st.execute();
  std::vector<PlanReference> out(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    out[i] = {ids[i], std::move(codes[i]), std::move(domains[i]), owners[i], versions[i]};
  }
  return out;
}

std::vector<VersionReference> readVersionReferences(Poco::Data::Session& session,
                                                    sdk::RecordId plan_id) {
  std::vector<Poco::Int64> ids, plans;
  std::vector<int> numbers;
  Poco::Data::Statement st(session);
  if (plan_id != 0) {
    st << "SELECT id, plan_id, number FROM plan_versions WHERE plan_id = $1",
        bind(static_cast<Poco::Int64>(plan_id));
  } else {
    st << "SELECT id, plan_id, number FROM plan_versions";
  }
  st, into(ids), into(plans), into(numbers);
  st.execute();
  std::vector<VersionReference> out(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) out[i] = {ids[i], plans[i], numbers[i]};
  return out;
}

}  // namespace beacon::store
