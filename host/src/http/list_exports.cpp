// GET /plans/export and GET /drills/export (?format=csv|xlsx): the whole list the /plans or
// /drills page pages through, with the page's filters (plans: domain, status, owner; drills:
// domain, org, from, to; voided drills included and marked, as on the page), every row in the
// page's order, in the user's read scope, as CSV or .xlsx (ListDownload), named after the
// scope, the list and today (新密市-预案清单-2026-12-02.csv). Drills are read 1,000 at a time
// (keyset pages), so the records are never all in memory at once.
#include <limits>

#include "http/download_name.h"
#include "http/http_error.h"
#include "http/label_language.h"
#include "http/list_download.h"
#include "http/org_labels.h"
#include "http/org_scope.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "http/plan_filter_query.h"
#include "http/record_correction_request.h"
#include "http/record_detail.h"
#include "http/routes.h"
#include "service/record_checks.h"
#include "store/drill_repository.h"
#include "store/plan_repository.h"

namespace beacon::http {

namespace {

constexpr int kDrillChunk = 1000;

std::vector<io::XlsxColumn> columnsOf(
    bool en, const std::vector<std::pair<const char*, io::XlsxCellType>>& keys) {
  std::vector<io::XlsxColumn> out;
  for (const auto& [key, type] : keys) out.push_back({pageWord(key, en), type});
  return out;
}

void exportPlans(RequestContext& ctx) {
  const bool en = ctx.english();
  store::PlanFilter filter = planFilterFromQuery(ctx);
  filter.offset = 0;
  filter.limit = 0;
  const OrgFilter orgs = readableOrgs(ctx, ctx.query("owner"), "owner");
  using T = io::XlsxCellType;
  ListDownload file(ctx,
                    columnsOf(en, {{"code", T::Text},
                                   {"title", T::Text},
                                   {"owner", T::Text},
                                   {"org_code", T::Text},
                                   {"domain", T::Text},
                                   {"status", T::Text},
                                   {"version", T::Number},
                                   {"revise_needed", T::Text}}),
                    pageWord("file_plans", en));
  if (!orgs.none()) {
    filter.owner_ids = orgs.ids;
    const auto plans = store::PlanRepository(ctx.db().session()).list(filter);
    std::vector<sdk::RecordId> owner_ids;
    for (const auto& p : plans) owner_ids.push_back(p.owner_org_id);
    const OrgLabels labels(ctx.db().session(), owner_ids);
    for (const auto& p : plans) {
      file.addRow({p.code, p.title, labels.name(p.owner_org_id), labels.code(p.owner_org_id),
                   domainLabel(ctx, p.domain), labelIn(p.status, en),
                   std::to_string(p.current_version),
                   p.revision_required ? pageWord("revise_needed", en) : ""});
    }
  }
  file.send(downloadScope(ctx, ctx.query("owner")), pageWord("plan_list", en), "plans",
            service::today().toString());
}

void exportDrills(RequestContext& ctx) {
  const bool en = ctx.english();
  store::DrillFilter filter;
  filter.domain = ctx.query("domain");
  filter.from = ctx.queryDate("from");
  filter.to = ctx.queryDate("to");
  filter.include_voided = true;
  filter.limit = kDrillChunk;
  if (!filter.domain.empty() && !ctx.state.app.plugins().byDomain(filter.domain)) {
    throw HttpError::badRequest("no enabled plugin for domain \"" + filter.domain + "\"", "domain");
  }
  const OrgFilter orgs = readableOrgs(ctx, ctx.query("org"), "org");
  using T = io::XlsxCellType;
  ListDownload file(ctx,
                    columnsOf(en, {{"date", T::Date},
                                   {"organisation", T::Text},
                                   {"org_code", T::Text},
                                   {"domain", T::Text},
                                   {"drill_type", T::Text},
                                   {"place", T::Text},
                                   {"scenario", T::Text},
                                   {"participants", T::Number},
                                   {"voided", T::Text}}),
                    pageWord("file_drills", en));
  if (!orgs.none()) {
    filter.org_ids = orgs.ids;
    store::DrillRepository drills(ctx.db().session());
    for (;;) {
      const std::vector<sdk::Drill> page = drills.list(filter);
      if (page.empty()) break;
      const OrgLabels labels = orgLabelsOf(ctx, page);
      const auto voided = voidedIds(ctx, store::RecordKind::Drill, page);
      for (const auto& d : page) {
        const sdk::DrillType* type = ctx.state.app.plugins().drillType(d.drill_type);
        file.addRow({d.date.toString(), labels.name(d.org_id), labels.code(d.org_id),
                     domainLabel(ctx, d.domain),
                     type ? (inLanguage(en, type->label_en, type->label_zh)) : d.drill_type,
                     d.place, d.scenario, std::to_string(d.participants),
                     voided.count(d.id) ? pageWord("voided", en) : ""});
      }
      if (static_cast<int>(page.size()) < kDrillChunk) break;
      filter.after = store::DrillKey{page.back().date, page.back().id};
    }
  }
  file.send(downloadScope(ctx, ctx.query("org")), pageWord("drill_list", en), "drills",
            service::today().toString());
}

}  // namespace

void addListExports(Router& router) {
  router.add("GET", "/plans/export", exportPlans);
  router.add("GET", "/drills/export", exportDrills);
}

}  // namespace beacon::http
