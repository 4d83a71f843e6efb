#include "store/plan_matching_drills.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include <Poco/Data/Statement.h>

#include "store/row_scanner.h"
#include "store/sql_id_list.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {

// " IN ($n, ...)" over `values`, appended to `params` ($n counts from params' size).
std::string inList(const std::set<std::string>& values, std::vector<std::string>& params) {
  std::string out = " IN (";
  for (const auto& v : values) {
    params.push_back(v);
    out += (out.size() > 5 ? ", $" : "$") + std::to_string(params.size());
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

    std::vector<std::string> params = {from.toString(), to.toString()};
    std::string sql =
        "SELECT id, org_id, COALESCE(plan_id, 0), domain, drill_type, drill_date FROM drills"
        " WHERE drill_date || '' >= $1 AND drill_date || '' <= $2 AND domain";
    sql += inList(domains, params) + " AND drill_type";
    sql += inList(types, params) + " AND org_id IN " + sqlIdList(some);
    RowScanner(session).scan(sql, params, [&](const ScannedRow& r) {
      const Poco::Int64 id = r.int64(0);
      if (voided.count(id) || !domain_types.count({std::string(r.view(3)), std::string(r.view(4))}))
        return;
      sdk::Drill& d = out.emplace_back();
      d.id = id;
      d.org_id = r.int64(1);
      d.plan_id = r.int64(2);
      d.domain = r.text(3);
      d.drill_type = r.text(4);
      d.date = r.date(5);
      if (!d.date.isSet())
        throw std::runtime_error("drill #" + std::to_string(id) + ": bad drill_date " + r.text(5));
    });
  }
  return out;
}

}  // namespace beacon::store
