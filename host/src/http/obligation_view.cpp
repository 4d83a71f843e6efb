#include "http/obligation_view.h"

#include "http/http_error.h"
#include "http/org_scope.h"
#include "plugins/domain_services.h"
#include "store/plan_repository.h"

namespace beacon::http {

ObligationView checkObligations(RequestContext& ctx, sdk::Date as_of, const std::string& org_ref,
                                const std::string& domain) {
  ObligationView view;
  view.query.as_of = as_of.isSet() ? as_of : plugins::DomainServices::systemToday();
  if (!domain.empty() && domain != sdk::kGeneralDomain && !ctx.state.app.plugins().byDomain(domain)) {
    throw HttpError::badRequest("no enabled plugin for domain \"" + domain + "\"", "domain");
  }
  view.query.domain = domain;
  const OrgFilter filter = readableOrgs(ctx, org_ref, "org");
  if (filter.none()) return view;
  view.query.org_ids = filter.ids;
  for (const auto& o : ctx.organisations().list()) view.org_names[o.id] = o.name;
  for (const auto& p : store::PlanRepository(ctx.db().session()).list({})) {
    view.plan_titles[p.id] = p.title;
    view.plan_codes[p.id] = p.code;
  }
  std::lock_guard<std::mutex> lock(ctx.state.app_mutex);
  auto results = ctx.state.app.engine().check(view.query);
  if (!results.isOk()) throw std::runtime_error("compliance check: " + results.status().describe());
  view.results = std::move(results.value());
  return view;
}

}  // namespace beacon::http
