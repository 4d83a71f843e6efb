#include "store/plan_activity_counts.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {

std::vector<OwnerKindCount> countByOwnerKind(Poco::Data::Session& session, const std::string& sql,
                                             const std::string& key, const std::string& from,
                                             const std::string& to) {
  std::vector<std::string> kinds;
  std::vector<int> counts;
  session << sql, bind(key), bind(from), bind(to), into(kinds), into(counts), now;
  std::vector<OwnerKindCount> out(kinds.size());
  for (std::size_t i = 0; i < kinds.size(); ++i) out[i] = {kinds[i], counts[i]};
  return out;
}

}  // namespace

std::vector<OwnerKindCount> countPlansIssuedByOwnerKind(Poco::Data::Session& session,
                                                        const std::string& action,
                                                        const std::string& from,
                                                        const std::string& to) {
  return countByOwnerKind(
      session,
      "SELECT o.kind, COUNT(DISTINCT v.plan_id) FROM plan_versions v"
      " JOIN plans p ON p.id = v.plan_id JOIN organisations o ON o.id = p.owner_org_id"
      " WHERE v.action = $1 AND v.issued >= $2 AND v.issued <= $3 GROUP BY o.kind",
      action, from, to);
}

std::vector<OwnerKindCount> countPlansReviewedByOwnerKind(Poco::Data::Session& session,
                                                          const std::string& kind,
                                                          const std::string& from,
                                                          const std::string& to) {
  return countByOwnerKind(
      session,
      "SELECT o.kind, COUNT(DISTINCT r.plan_id) FROM reviews r"
      " JOIN plans p ON p.id = r.plan_id JOIN organisations o ON o.id = p.owner_org_id"
      " WHERE r.kind = $1 AND r.review_date >= $2 AND r.review_date <= $3 AND r.voided_at = ''"
      " GROUP BY o.kind",
      kind, from, to);
}

}  // namespace beacon::store
