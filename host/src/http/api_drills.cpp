// /api/v1/drills: list (org subtree, domain, type, plan, from, to,
// limit/offset), show, create.
#include <Poco/JSON/Array.h>

#include "http/drill_logging.h"
#include "http/http_error.h"
#include "http/json_fields.h"
#include "http/org_scope.h"
#include "http/record_detail.h"
#include "http/routes.h"
#include "store/drill_repository.h"
#include "store/plan_repository.h"

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
  if (!filter.domain.empty() && !ctx.state.app.plugins().byDomain(filter.domain)) {
    throw HttpError::badRequest("no enabled plugin for domain \"" + filter.domain + "\"", "domain");
  }
  if (!filter.drill_type.empty() && !ctx.state.app.plugins().drillType(filter.drill_type)) {
    throw HttpError::badRequest("unknown drill type \"" + filter.drill_type + "\"", "type");
  }
  const OrgFilter orgs = readableOrgs(ctx, ctx.query("org"), "org");
  Array::Ptr items = new Array();
  int total = 0;
  if (!orgs.none()) {
    filter.org_ids = orgs.ids;
    store::DrillRepository drills(ctx.db().session());
    total = drills.count(filter);
    const auto page = drills.list(filter);
    const OrgLabels labels = orgLabelsOf(ctx, page);
    for (const auto& d : page) items->add(drillItemJson(ctx, d, labels));
  }
  Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  out->set("total", total);
  out->set("limit", filter.limit);
  out->set("offset", filter.offset);
  out->set("items", items);
  ctx.sendJson(200, out);
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
    if (!plan) throw HttpError::invalid("plan", "no plan with code \"" + f.text("plan") + "\"");
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
    auto v = sdk::parseDrillVerdict(f.text("verdict"));
    if (!v) throw HttpError::invalid("verdict", "must be none, excellent, good, fair or poor");
    d.verdict = *v;
  }
  d.findings = f.text("findings");
  auto id = logDrill(ctx, d);
  if (!id.isOk()) throw HttpError::invalid(id.status());
  auto stored = store::DrillRepository(ctx.db().session()).findById(id.value());
  ctx.response.set("Location", "/api/v1/drills/" + std::to_string(id.value()));
  ctx.sendJson(201, drillDetailJson(ctx, *stored, DrillAge::JustStored));
}

}  // namespace

void addDrillApi(Router& router) {
  router.add("GET", "/api/v1/drills", listDrills);
  router.add("POST", "/api/v1/drills", createDrill);
  router.add("GET", "/api/v1/drills/{id}", showDrill);
}

}  // namespace beacon::http
