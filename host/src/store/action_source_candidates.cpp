#include "store/action_source_candidates.h"
#include "store/corrective_action.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

std::vector<sdk::RecordId> actionSourceCandidates(Poco::Data::Session& session,
                                                  store::SourceKind kind, sdk::RecordId owner,
                                                  const std::string& date,
                                                  const std::string& type) {
  const char* sql = kind == store::SourceKind::Drill
                        ? "SELECT id FROM drills WHERE org_id = $1 AND drill_date = $2"
                          " AND ($3 = '' OR drill_type = $4) AND voided_at = '' ORDER BY id"
                        : "SELECT id FROM reviews WHERE plan_id = $1 AND review_date = $2"
                          " AND ($3 = '' OR kind = $4) AND voided_at = '' ORDER BY id";
  std::vector<Poco::Int64> ids;
  session << sql, bind(static_cast<Poco::Int64>(owner)), bind(date), bind(type), bind(type),
      into(ids), now;
  return {ids.begin(), ids.end()};
}

}  // namespace beacon::store
