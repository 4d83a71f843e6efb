#include "store/demo_queries.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

std::vector<DrillSource> firstDrillsWithVerdict(Poco::Data::Session& session,
                                                const std::string& verdict, const std::string& from,
                                                int limit) {
  std::vector<Poco::Int64> ids, orgs, plans;
  session << "SELECT id, org_id, COALESCE(plan_id, 0) FROM drills WHERE verdict = $1"
             " AND drill_date >= $2 ORDER BY id LIMIT $3",
      bind(verdict), bind(from), bind(limit), into(ids), into(orgs), into(plans), now;
  std::vector<DrillSource> out(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) out[i] = {ids[i], orgs[i], plans[i]};
  return out;
}

int countAuditEntries(Poco::Data::Session& session, const std::string& entity) {
  int n = 0;
  session << "SELECT COUNT(*) FROM audit_log WHERE entity = $1", bind(entity), into(n), now;
  return n;
}

}  // namespace beacon::store
