#include "store/plan_matching_drills.h"

#include <algorithm>
#include <stdexcept>

#include <Poco/Data/Statement.h>

#include "store/sql_id_list.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

std::vector<sdk::Drill> readPlanMatchingDrills(Poco::Data::Session& session,
                                               const std::vector<sdk::RecordId>& org_ids,
                                               const sdk::Date& from, const sdk::Date& to,
                                               const std::string& domain) {
  std::vector<sdk::Drill> out;
  constexpr std::size_t kOrgsPerQuery = 500;
  for (std::size_t start = 0; start < org_ids.size(); start += kOrgsPerQuery) {
    const std::vector<sdk::RecordId> some(
        org_ids.begin() + static_cast<std::ptrdiff_t>(start),
        org_ids.begin() +
            static_cast<std::ptrdiff_t>(std::min(org_ids.size(), start + kOrgsPerQuery)));
    std::vector<Poco::Int64> ids, orgs, plans;
    std::vector<std::string> domains, types, dates;
    Poco::Data::Statement st(session);
    st << "SELECT id, org_id, COALESCE(plan_id, 0), domain, drill_type, drill_date FROM drills"
          " WHERE org_id IN " +
              sqlIdList(some) + " AND drill_date >= $1 AND drill_date <= $2 AND voided_at = ''" +
              (domain.empty() ? "" : " AND domain = $3"),
        bind(from.toString()), bind(to.toString()), into(ids), into(orgs), into(plans),
        into(domains), into(types), into(dates);
    if (!domain.empty()) st, bind(domain);
    st.execute();
    out.reserve(out.size() + ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const auto date = sdk::Date::parse(dates[i]);
      if (!date)
        throw std::runtime_error("drill #" + std::to_string(ids[i]) + ": bad drill_date " +
                                 dates[i]);
      sdk::Drill d;
      d.id = ids[i];
      d.org_id = orgs[i];
      d.plan_id = plans[i];
      d.domain = std::move(domains[i]);
      d.drill_type = std::move(types[i]);
      d.date = *date;
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace beacon::store
