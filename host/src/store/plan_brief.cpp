#include "store/plan_brief.h"

#include "store/row_scanner.h"

namespace beacon::store {

namespace {

sdk::PlanStatus statusOf(std::string_view id) {
  for (auto s : {sdk::PlanStatus::Drafting, sdk::PlanStatus::InReview, sdk::PlanStatus::Approved,
                 sdk::PlanStatus::Issued, sdk::PlanStatus::Abolished}) {
    if (id == sdk::toId(s)) return s;
  }
  return sdk::PlanStatus::Drafting;
}

}  // namespace

PlanBriefs loadPlanBriefs(Poco::Data::Session& session, const std::string& domain) {
  PlanBriefs out;
  std::vector<std::string> params;
  std::string sql =
      "SELECT id, domain, owner_org_id, status, revision_required, current_version FROM plans";
  if (!domain.empty()) {
    sql += " WHERE domain = $1";
    params.push_back(domain);
  }
  RowScanner(session).scan(sql + " ORDER BY id", params, [&](const ScannedRow& r) {
    PlanBrief& p = out.plans.emplace_back();
    p.id = r.int64(0);
    const std::string_view d = r.view(1);
    auto it = out.domains.find(d);
    if (it == out.domains.end()) it = out.domains.emplace(d).first;
    p.domain = *it;
    p.owner_org_id = r.int64(2);
    p.status = statusOf(r.view(3));
    p.revision_required = r.int64(4) != 0;
    p.current_version = r.integer(5);
  });
  return out;
}

std::map<sdk::RecordId, std::string> planTitles(Poco::Data::Session& session,
                                                const std::set<sdk::RecordId>& ids) {
  std::map<sdk::RecordId, std::string> out;
  if (ids.empty()) return out;
  std::string sql = "SELECT id, title FROM plans WHERE id IN (";
  std::vector<std::string> params;
  for (sdk::RecordId id : ids) {
    params.push_back(std::to_string(id));
    sql += (params.size() == 1 ? "CAST($" : ", CAST($") + std::to_string(params.size()) +
           " AS INTEGER)";
  }
  RowScanner(session).scan(sql + ")", params,
                                  [&](const ScannedRow& r) { out[r.int64(0)] = r.text(1); });
  return out;
}

}  // namespace beacon::store
