#include "store/import_duplicates.h"
#include "store/corrective_action.h"

#include <vector>

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

void forEachDrillDuplicateKey(Poco::Data::Session& session,
                     const std::function<void(const DrillDuplicateKey&)>& each) {
  std::vector<Poco::Int64> org, participants, evacuees;
  std::vector<std::string> domain, type, date, place, scenario;
  session
      << "SELECT org_id, domain, drill_type, drill_date, place, scenario, participants, evacuees"
         " FROM drills WHERE voided_at = ''",
      into(org), into(domain), into(type), into(date), into(place), into(scenario),
      into(participants), into(evacuees), now;
  DrillDuplicateKey key;
  for (std::size_t i = 0; i < org.size(); ++i) {
    key.org_id = org[i];
    key.domain = std::move(domain[i]);
    key.drill_type = std::move(type[i]);
    key.date = std::move(date[i]);
    key.place = std::move(place[i]);
    key.scenario = std::move(scenario[i]);
    key.participants = static_cast<int>(participants[i]);
    key.evacuees = static_cast<int>(evacuees[i]);
    each(key);
  }
}

int countSameDrill(Poco::Data::Session& session, const DrillDuplicateKey& k) {
  int n = 0;
  session << "SELECT COUNT(*) FROM drills WHERE org_id = $1 AND domain = $2 AND drill_type = $3"
             " AND drill_date = $4 AND place = $5 AND scenario = $6 AND participants = $7"
             " AND evacuees = $8 AND voided_at = ''",
      bind(static_cast<Poco::Int64>(k.org_id)), bind(k.domain), bind(k.drill_type), bind(k.date),
      bind(k.place), bind(k.scenario), bind(k.participants), bind(k.evacuees), into(n), now;
  return n;
}

int countSameReview(Poco::Data::Session& session, const sdk::Review& r) {
  int n = 0;
  session << "SELECT COUNT(*) FROM reviews WHERE plan_version_id = $1 AND kind = $2 AND"
             " review_date = $3 AND voided_at = ''",
      bind(static_cast<Poco::Int64>(r.plan_version_id)), bind(std::string(sdk::toId(r.kind))),
      bind(r.date.toString()), into(n), now;
  return n;
}

int countSameFiling(Poco::Data::Session& session, const sdk::Filing& f) {
  int n = 0;
  session << "SELECT COUNT(*) FROM filings WHERE plan_version_id = $1 AND target_body = $2"
             " AND submitted = $3 AND voided_at = ''",
      bind(static_cast<Poco::Int64>(f.plan_version_id)), bind(f.target_body),
      bind(f.submitted.toString()), into(n), now;
  return n;
}

int countSameCorrectiveAction(Poco::Data::Session& session, const store::CorrectiveAction& a) {
  int n = 0;
  session << "SELECT COUNT(*) FROM corrective_actions WHERE source_kind = $1 AND source_id = $2"
             " AND COALESCE(plan_id, 0) = $3 AND responsible_org_id = $4 AND description = $5"
             " AND voided_at = ''",
      bind(std::string(store::toId(a.source_kind))), bind(static_cast<Poco::Int64>(a.source_id)),
      bind(static_cast<Poco::Int64>(a.plan_id)),
      bind(static_cast<Poco::Int64>(a.responsible_org_id)), bind(a.description), into(n), now;
  return n;
}

}  // namespace beacon::store
