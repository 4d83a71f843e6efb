// GET /api/v1/obligations?as_of=&org=&domain=&status=
#include "http/http_error.h"
#include "http/obligation_view.h"
#include "http/routes.h"
#include "rules/check_report.h"

namespace beacon::http {

namespace {

void listObligations(RequestContext& ctx) {
  ObligationView view = checkObligations(ctx, ctx.queryDate("as_of"), ctx.query("org"), ctx.query("domain"));
  const std::string status = ctx.query("status");
  if (!status.empty()) {
    std::vector<rules::ObligationResult> kept;
    bool known = false;
    for (auto s : {sdk::ObligationStatus::Met, sdk::ObligationStatus::DueSoon, sdk::ObligationStatus::Overdue,
                   sdk::ObligationStatus::Upcoming, sdk::ObligationStatus::NotApplicable,
                   sdk::ObligationStatus::MetLate}) {
      if (status == sdk::toId(s)) known = true;
    }
    if (!known) throw HttpError::badRequest("unknown status \"" + status + "\"", "status");
    for (auto& r : view.results) {
      if (status == sdk::toId(r.status)) kept.push_back(r);
    }
    view.results.swap(kept);
  }
  const std::string items =
      rules::formatCheckJson(view.results, view.query, view.org_names, view.plan_titles, ctx.english(),
                             view.plan_codes);
  ctx.send(200, "application/json; charset=utf-8",
           "{\"as_of\":\"" + view.query.as_of.toString() + "\",\"total\":" + std::to_string(view.results.size()) +
               ",\"items\":" + items + "}");
}

}  // namespace

void addObligationApi(Router& router) { router.add("GET", "/api/v1/obligations", listObligations); }

}  // namespace beacon::http
