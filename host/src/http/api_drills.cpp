// /api/v1/drills: list (org subtree, domain, type, plan, from, to,
// limit/offset or limit/after/before keys), show, create.
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>

#include "http/drill_item_json.h"
#include "http/drill_key_query.h"
#include "http/drill_logging.h"
#include "http/http_error.h"
#include "http/label_language.h"
#include "http/page_text.h"

#include "http/json_fields.h"
#include "http/json_text.h"
#include "http/org_scope.h"
#include "http/record_correction_request.h"
#include "http/record_detail.h"
#include "http/routes.h"
#include "store/drill_repository.h"
#include "store/plan_repository.h"
#include "store/record_parse.h"

namespace beacon::http {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

void listDrills(RequestContext& ctx) {
  store::DrillFilter filter;
  filter.domain = ctx.query("domain");
  filter.drill_type = ctx.query("type");
  filter.from = ctx.queryDate("from");
  filter.to = ctx.queryDate("to");
  filter.plan_id = ctx.queryInt("plan", 0, 0, 2000000000);
  filter.limit = ctx.queryInt("limit", 50, 1, 500);
  filter.offset = ctx.queryInt("offset", 0, 0, 100000000);
  filter.after = queryDrillKey(ctx, "after");
  filter.before = queryDrillKey(ctx, "before");
  const bool keyed = filter.after || filter.before;
  if (filter.after && filter.before) {
    throw HttpError::badRequest(pageWord("refuse_after_and_before", ctx.english()), "before");
  }
  if (keyed && filter.offset != 0) {
    throw HttpError::badRequest(pageWord("refuse_offset_with_key", ctx.english()), "offset");
  }
  filter.include_voided = true;  // listed, marked "voided"
  if (!filter.domain.empty() && !ctx.state.app.plugins().byDomain(filter.domain)) {
    throw HttpError::badRequest("no enabled plugin for domain \"" + filter.domain + "\"", "domain");
  }
  if (!filter.drill_type.empty() && !ctx.state.app.plugins().drillType(filter.drill_type)) {
    throw HttpError::badRequest("unknown drill type \"" + filter.drill_type + "\"", "type");
  }
  const OrgFilter orgs = readableOrgs(ctx, ctx.query("org"), "org");
  std::vector<sdk::Drill> page;
  int total = 0;
  if (!orgs.none()) {
    filter.org_ids = orgs.ids;
    store::DrillRepository drills(ctx.db().session());
    page = drills.list(filter);
    // A page that is not full (and not past the end) already tells the total.
    const bool complete =
        !keyed && static_cast<int>(page.size()) < filter.limit && (!page.empty() || filter.offset == 0);
    total = complete ? filter.offset + static_cast<int>(page.size()) : drills.count(filter);
  }
  const OrgLabels labels = orgLabelsOf(ctx, page);
  const auto voided = voidedIds(ctx, store::RecordKind::Drill, page);
  JsonText out;
  out.str().reserve(512 + 512 * page.size());
  out.raw("{").key("total").number(total);
  out.raw(",").key("limit").number(filter.limit);
  out.raw(",").key("offset").number(filter.offset);
  // The keys of the neighbouring pages: after this page's last drill (when there may be more),
  // before its first (when it is not the first page).
  if (!page.empty() && (static_cast<int>(page.size()) == filter.limit || filter.before)) {
    out.raw(",").key("next_after").string(store::DrillKey{page.back().date, page.back().id}.toString());
  }
  if (!page.empty() && (filter.offset > 0 || filter.after ||
                        (filter.before && static_cast<int>(page.size()) == filter.limit))) {
    out.raw(",").key("prev_before").string(store::DrillKey{page.front().date, page.front().id}.toString());
  }
  out.raw(",").key("items").raw("[");
  for (std::size_t i = 0; i < page.size(); ++i) {
    if (i) out.raw(",");
    const sdk::Drill& d = page[i];
    const sdk::DrillType* type = ctx.state.app.plugins().drillType(d.drill_type);
    writeDrillItem(d, labels.name(d.org_id), labels.code(d.org_id),
                   type ? inLanguage(ctx.english(), type->label_en, type->label_zh) : d.drill_type,
                   voided.count(d.id) > 0, out);
  }
  out.raw("]}");
  ctx.send(200, "application/json; charset=utf-8", out.str());
}

void showDrill(RequestContext& ctx) {
  ctx.sendJson(200, drillDetailJson(ctx, readableDrill(ctx, ctx.idParam("id"))));
}

void createDrill(RequestContext& ctx) {
  JsonFields f(ctx.jsonBody());
  sdk::Drill d;
  d.drill_type = f.text("drill_type");
  d.domain = f.text("domain");
  if (f.has("org")) {
    auto org = ctx.organisations().findByCode(f.text("org"));
    if (!org) throw HttpError::invalid("org", "no organisation with code \"" + f.text("org") + "\"");
    d.org_id = org->id;
  } else {
    d.org_id = f.id("org_id");
  }
  if (f.has("plan")) {
    auto plan = store::PlanRepository(ctx.db().session()).findByCode(f.text("plan"));
    // Unknown and out-of-scope plan codes get the same answer (drill_logging.h),
    // after the organisation's write scope (403) as in logDrill.
    const bool org_known = d.org_id != 0 && ctx.organisations().findById(d.org_id);
    if (org_known) ctx.requireWrite(d.org_id);
    if (!plan || org_known) {
      sdk::Status s = checkDrillPlan(ctx, d.org_id, plan, "plan", "\"" + f.text("plan") + "\"");
      if (!s.isOk()) throw HttpError::of(s);
    }
    d.plan_id = plan->id;
  } else {
    d.plan_id = f.id("plan_id");
  }
  d.plan_version_id = f.id("plan_version_id");
  d.date = f.date("date");
  d.place = f.text("place");
  d.scenario = f.text("scenario");
  d.participants = f.integer("participants", 0);
  d.evacuees = f.integer("evacuees", 0);
  d.fields = f.values("fields");
  if (f.has("verdict")) {
    auto v = store::parseDrillVerdict(f.text("verdict"));
    if (!v) throw HttpError::invalid("verdict", "must be none, excellent, good, fair or poor");
    d.verdict = *v;
  }
  d.findings = f.text("findings");
  auto id = logDrill(ctx, d);
  if (!id.isOk()) throw HttpError::of(id.status());
  auto stored = store::DrillRepository(ctx.db().session()).findById(id.value());
  ctx.response.set("Location", "/api/v1/drills/" + std::to_string(id.value()));
  ctx.sendJson(201, drillDetailJson(ctx, *stored, DrillAge::JustStored));
}

}  // namespace

void addDrillApi(Router& router) {
  router.addCacheable("/api/v1/drills", listDrills);
  router.add("POST", "/api/v1/drills", createDrill);
  router.addCacheable("/api/v1/drills/{id}", showDrill);
}

}  // namespace beacon::http
