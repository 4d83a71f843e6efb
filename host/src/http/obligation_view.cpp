#include "http/obligation_view.h"

#include "http/http_error.h"
#include "http/org_scope.h"
#include "plugins/domain_services.h"

namespace beacon::http {

ObligationView checkObligations(RequestContext& ctx, sdk::Date as_of, const std::string& org_ref,
                                const std::string& domain) {
  ObligationView view;
  view.results = std::make_shared<const rules::ObligationSet>();
  view.query.as_of = as_of.isSet() ? as_of : plugins::DomainServices::systemToday();
  if (!domain.empty() && domain != sdk::kGeneralDomain &&
      !ctx.state.app.plugins().byDomain(domain)) {
    throw HttpError::badRequest("no enabled plugin for domain \"" + domain + "\"", "domain");
  }
  view.query.domain = domain;
  view.kept_orgs = keptOrganisations(ctx);
  const OrgFilter filter = readableOrgs(ctx, org_ref, "org");
  if (filter.none()) return view;
  view.query.org_ids = filter.ids;
  std::lock_guard<std::mutex> lock(ctx.state.app_mutex);
  auto results = ctx.state.app.engine().checkShared(view.query);
  if (!results.isOk()) throw std::runtime_error("compliance check: " + results.status().describe());
  view.results = std::move(results.value());
  return view;
}

std::unordered_map<sdk::RecordId, store::PlanLabel> planLabels(
    RequestContext& ctx, const std::vector<rules::ObligationRow>& rows) {
  std::vector<sdk::RecordId> ids;
  ids.reserve(rows.size());
  for (const auto& r : rows) ids.push_back(r.planId());
  return store::readPlanLabels(ctx.db().session(), std::move(ids));
}

}  // namespace beacon::http
