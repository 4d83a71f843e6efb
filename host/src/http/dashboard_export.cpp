// GET /dashboard/export?list=&format=csv|xlsx with the dashboard's filters
// (as_of, org, domain, kind, sort): the whole list the dashboard pages
// through, every row, as CSV (UTF-8 with a byte-order mark, so Excel reads
// it; cells guarded against formulas) or as an .xlsx workbook, named after
// its scope, list and day (新密市-逾期事项-2023-12-31.csv). The rows are the
// page's rows (http/dashboard_list_kinds.h), in its order, with the same
// columns and the headings of the request's language, written by ListDownload
// (list_download.h), as the /plans and /drills downloads are.
#include "http/dashboard_list_kinds.h"
#include "http/dashboard_routes.h"
#include "http/download_name.h"
#include "http/label_language.h"
#include "http/list_download.h"
#include "http/obligation_list_query.h"
#include "http/obligation_view.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "rules/citation_text.h"
#include "rules/met_late_text.h"
#include "rules/provisional_deadline.h"

namespace beacon::http {

namespace {

void exportList(RequestContext& ctx) {
  const std::string list = dashboardListParam(ctx);
  const ObligationView view =
      checkObligations(ctx, ctx.queryDate("as_of"), ctx.query("org"), ctx.query("domain"));
  rules::ObligationPageQuery q = obligationListQuery(ctx, rules::ObligationOrder::Due);
  q = dashboardListQuery(list, q, view.query.as_of);
  q.offset = 0;
  q.limit = view.results->size();
  const rules::ObligationPage page =
      rules::pageOf(*view.results, q, [&](sdk::RecordId id) { return orgNameOf(view, id); });
  const bool en = ctx.english();
  std::vector<io::XlsxColumn> columns;
  for (const char* key : {"organisation", "domain", "title", "plan", "due", "status", "met_on",
                          "days_late", "citation"}) {
    columns.push_back({pageWord(key, en), std::string(key) == "due" || std::string(key) == "met_on"
                                              ? io::XlsxCellType::Date
                                              : io::XlsxCellType::Text});
  }
  ListDownload file(ctx, std::move(columns), pageWord("file_obligations", en));
  const auto plans = planLabels(ctx, page.rows);
  for (const auto& r : page.rows) {
    const auto plan = plans.find(r.planId());
    const bool met =
        r.status() == sdk::ObligationStatus::Met || r.status() == sdk::ObligationStatus::MetLate;
    std::string status = labelIn(r.status(), en);
    if (rules::isProvisionalNote(r.note())) status += "（" + rules::provisionalLabel(en) + "）";
    file.addRow(
        {orgNameOf(view, r.orgId()), domainLabel(ctx, r.domain()), r.title(en),
         r.planId() != 0 && plan != plans.end() ? plan->second.code + " " + plan->second.title : "",
         rules::listedDue(r).toString(), status, met ? r.lastMetDate().toString() : "",
         r.status() == sdk::ObligationStatus::MetLate ? rules::daysLateText(r.daysLate(), en) : "",
         rules::userCitation(r.citation()).text});
  }
  file.send(downloadScope(ctx, ctx.query("org")), dashboardListHeading(list, en), list,
            view.query.as_of.toString());
}

}  // namespace

void addDashboardExport(Router& router) { router.add("GET", "/dashboard/export", exportList); }

}  // namespace beacon::http
