#include "store/plan_matching_drills.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include <Poco/Data/Statement.h>

#include "store/sql_id_list.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {

// " IN ($n, ...)" over `values`, bound from $next on.
std::string boundList(Poco::Data::Statement& st, const std::set<std::string>& values, int& next) {
  std::string out = " IN (";
  for (const auto& v : values) {
    out += (out.size() > 5 ? ", $" : "$") + std::to_string(next++);
    st, bind(v);
  }
  return out + ")";
}

}  // namespace

std::vector<sdk::Drill> readPlanMatchingDrills(
    Poco::Data::Session& session, const std::vector<sdk::RecordId>& org_ids,
    const std::set<std::pair<std::string, std::string>>& domain_types, const sdk::Date& from,
    const sdk::Date& to) {
  std::vector<sdk::Drill> out;
  if (org_ids.empty() || domain_types.empty()) return out;
  std::set<std::string> domains, types;
  for (const auto& [domain, type] : domain_types) {
    domains.insert(domain);
    types.insert(type);
  }
  constexpr std::size_t kOrgsPerQuery = 500;
  for (std::size_t start = 0; start < org_ids.size(); start += kOrgsPerQuery) {
    const std::vector<sdk::RecordId> some(
        org_ids.begin() + static_cast<std::ptrdiff_t>(start),
        org_ids.begin() +
            static_cast<std::ptrdiff_t>(std::min(org_ids.size(), start + kOrgsPerQuery)));
    // "drill_date || ''" and "org_id + 0": no index on the date (SQLite would take drills_org_date
    // and read every row), so the first statement stays on drills_group_latest and the second on
    // the partial index of the voided drills.
    std::vector<Poco::Int64> voided_ids;
    session << "SELECT id FROM drills WHERE voided_at <> '' AND org_id + 0 IN " + sqlIdList(some) +
                   " AND drill_date || '' >= $1 AND drill_date || '' <= $2",
        bind(from.toString()), bind(to.toString()), into(voided_ids), now;
    const std::unordered_set<Poco::Int64> voided(voided_ids.begin(), voided_ids.end());

    std::vector<Poco::Int64> ids, orgs, plans;
    std::vector<std::string> ds, ts, dates;
    Poco::Data::Statement st(session);
    st, bind(from.toString()), bind(to.toString());
    int next = 3;
    const std::string domain_list = boundList(st, domains, next);
    const std::string type_list = boundList(st, types, next);
    st << "SELECT id, org_id, COALESCE(plan_id, 0), domain, drill_type, drill_date FROM drills"
          " WHERE drill_date || '' >= $1 AND drill_date || '' <= $2 AND domain" +
              domain_list + " AND drill_type" + type_list + " AND org_id IN " + sqlIdList(some),
        into(ids), into(orgs), into(plans), into(ds), into(ts), into(dates);
    st.execute();
    out.reserve(out.size() + ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (voided.count(ids[i]) || !domain_types.count({ds[i], ts[i]})) continue;
      const auto date = sdk::Date::parse(dates[i]);
      if (!date)
        throw std::runtime_error("drill #" + std::to_string(ids[i]) + ": bad drill_date " +
                                 dates[i]);
      sdk::Drill d;
      d.id = ids[i];
      d.org_id = orgs[i];
      d.plan_id = plans[i];
      d.domain = std::move(ds[i]);
      d.drill_type = std::move(ts[i]);
      d.date = *date;
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace beacon::store
