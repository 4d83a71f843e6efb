// GET /api/v1/obligations?as_of=&org=&domain=&status=&kind=&rule=&sort=&limit=&offset=
// One page of the check's results (limit 1–500, default 50) with the number that matched.
#include "http/http_error.h"
#include "http/obligation_list_query.h"
#include "http/obligation_view.h"
#include "http/routes.h"
#include "rules/check_report.h"

namespace beacon::http {

namespace {

void listObligations(RequestContext& ctx) {
  const ObligationView view =
      checkObligations(ctx, ctx.queryDate("as_of"), ctx.query("org"), ctx.query("domain"));
  rules::ObligationPageQuery q = obligationListQuery(ctx, rules::ObligationOrder::Engine);
  q.offset = static_cast<std::size_t>(ctx.queryInt("offset", 0, 0, 100000000));
  q.limit = static_cast<std::size_t>(ctx.queryInt("limit", 50, 1, 500));
  if (ctx.hasQuery("status")) {
    const auto status = rules::obligationStatusFromId(ctx.query("status"));
    if (!status)
      throw HttpError::badRequest("unknown status \"" + ctx.query("status") + "\"", "status");
    q.statuses = {*status};
  }
  const rules::ObligationPage page =
      rules::pageOf(*view.results, q, [&](sdk::RecordId id) { return orgNameOf(view, id); });
  std::vector<rules::ObligationResult> rows;  // only the page is materialised
  rows.reserve(page.rows.size());
  for (const auto& r : page.rows) rows.push_back(r.result());
  std::map<sdk::RecordId, std::string> titles, codes;
  for (const auto& [id, label] : planLabels(ctx, page.rows)) {
    titles[id] = label.title;
    codes[id] = label.code;
  }
  const std::string items =
      rules::formatCheckJson(rows, view.query, view.org_names(), titles, ctx.english(), codes);
  ctx.send(200, "application/json; charset=utf-8",
           "{\"as_of\":\"" + view.query.as_of.toString() + "\",\"total\":" +
               std::to_string(page.total) + ",\"limit\":" + std::to_string(q.limit) +
               ",\"offset\":" + std::to_string(q.offset) + ",\"items\":" + items + "}");
}

}  // namespace

void addObligationApi(Router& router) { router.add("GET", "/api/v1/obligations", listObligations); }

}  // namespace beacon::http
