// /api/v1/plans: list (domain, owner subtree, status, limit/offset), show,
// create, revise (versions), versions, one version with text, diff, reviews,
// filings, and the life-cycle steps (transitions, preparations, edit-draft,
// submit-review, approve, issue, publications, abolish) through
// service::PlanLifecycle.
#include <limits>

#include <Poco/JSON/Array.h>

#include "http/http_error.h"
#include "http/json_fields.h"
#include "http/org_scope.h"

#include "http/page_text.h"
#include "http/plan_filter_query.h"
#include "http/plan_transition_json.h"
#include "http/record_correction_request.h"
#include "http/record_detail.h"
#include "http/routes.h"
#include "http/strict_number.h"
#include "service/plan_lifecycle.h"
#include "service/plan_service.h"
#include "store/filing_repository.h"
#include "store/plan_repository.h"
#include "store/record_json.h"
#include "store/record_parse.h"
#include "store/review_repository.h"

namespace beacon::http {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

service::PlanService planService(RequestContext& ctx) {
  return service::PlanService(ctx.db(), ctx.state.app.plugins(), ctx.english());
}

void listPlans(RequestContext& ctx) {
  store::PlanFilter filter = planFilterFromQuery(ctx);
  filter.limit = ctx.queryInt("limit", 50, 1, 500);
  const OrgFilter orgs = readableOrgs(ctx, ctx.query("owner"), "owner");
  Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  Array::Ptr items = new Array();
  int total = 0;
  if (!orgs.none()) {
    filter.owner_ids = orgs.ids;
    store::PlanRepository plans(ctx.db().session());
    total = plans.count(filter);
    const auto tree = ctx.state.versions.tree(ctx.db().session(), ctx.state.cache);
    for (const auto& p : plans.list(filter)) items->add(planItemJson(p, *tree));
  }
  out->set("total", total);
  out->set("limit", filter.limit);
  out->set("offset", filter.offset);
  out->set("items", items);
  ctx.sendJson(200, out);
}

void showPlan(RequestContext& ctx) {
  ctx.sendJson(200, planDetailJson(ctx, readablePlan(ctx, ctx.idParam("id"))));
}

sdk::RecordId orgIdFrom(RequestContext& ctx, const JsonFields& f, const std::string& id_field,
                        const std::string& code_field) {
  if (f.has(code_field)) {
    auto org = ctx.organisations().findByCode(f.text(code_field));
    if (!org) throw HttpError::invalid(code_field, "no organisation with code \"" + f.text(code_field) + "\"");
    return org->id;
  }
  return f.id(id_field);
}

// 403 when the organisation exists and the user may not write it; a missing
// organisation is left for the service to report (422).
void requireWriteIfExists(RequestContext& ctx, sdk::RecordId org_id) {
  if (org_id != 0 && ctx.organisations().findById(org_id)) ctx.requireWrite(org_id);
}

sdk::PlanVersion versionFrom(const JsonFields& f, const std::string& author) {
  sdk::PlanVersion v;
  v.trigger = f.text("trigger");
  v.major = f.boolean("major", true);
  v.issued = f.date("issued");
  v.effective = f.date("effective");
  v.text = f.text("text");
  v.author = author;
  return v;
}

void createPlan(RequestContext& ctx) {
  JsonFields f(ctx.jsonBody());
  sdk::Plan plan;
  plan.code = f.text("code");
  plan.title = f.text("title");
  plan.domain = f.text("domain", sdk::kGeneralDomain);
  plan.category = f.text("category");
  plan.owner_org_id = orgIdFrom(ctx, f, "owner_org_id", "owner");
  if (f.has("status")) {
    auto s = store::parsePlanStatus(f.text("status"));
    if (!s) {
      throw HttpError::invalid(
          "status", pageWord("refuse_unknown_plan_status", ctx.english(), {f.text("status")}));
    }
    plan.status = *s;
  }
  std::optional<sdk::PlanVersion> first;
  if (auto v = f.object("version")) first = versionFrom(JsonFields(v, "version."), ctx.actor().username);
  requireWriteIfExists(ctx, plan.owner_org_id);
  auto id = planService(ctx).addPlan(plan, first, ctx.actor());
  if (!id.isOk()) throw HttpError::of(id.status());
  auto stored = store::PlanRepository(ctx.db().session()).findById(id.value());
  ctx.response.set("Location", "/api/v1/plans/" + std::to_string(id.value()));
  ctx.sendJson(201, planDetailJson(ctx, *stored));
}

sdk::Plan writablePlan(RequestContext& ctx) {
  sdk::Plan plan = readablePlan(ctx, ctx.idParam("id"));
  ctx.requireWrite(plan.owner_org_id);
  return plan;
}

void revisePlan(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  JsonFields f(ctx.jsonBody());
  service::RevisionOptions options;
  options.draft = f.boolean("draft", false);
  options.addresses_action_id = f.id("addresses_action_id");
  auto id = planService(ctx).revise(plan.id, versionFrom(f, ctx.actor().username), ctx.actor(), options);
  if (!id.isOk()) throw HttpError::of(id.status());
  auto v = store::PlanRepository(ctx.db().session()).versionById(id.value());
  ctx.sendJson(201, store::toJson(*v, false));
}

void listVersions(RequestContext& ctx) {
  const sdk::Plan plan = readablePlan(ctx, ctx.idParam("id"));
  Array::Ptr items = new Array();
  for (const auto& v : store::PlanRepository(ctx.db().session()).versions(plan.id, false)) {
    items->add(store::toJson(v, false));
  }
  Object::Ptr out = new Object();
  out->set("items", items);
  ctx.sendJson(200, out);
}

void showVersion(RequestContext& ctx) {
  const sdk::Plan plan = readablePlan(ctx, ctx.idParam("id"));
  const auto number = parseWholeNumber(ctx.param("number"), 1, std::numeric_limits<int>::max());
  auto v = number ? store::PlanRepository(ctx.db().session()).version(plan.id, static_cast<int>(*number))
                  : std::nullopt;
  if (!v) throw HttpError::notFound("plan " + plan.code + " has no version " + ctx.param("number"));
  ctx.sendJson(200, store::toJson(*v, true));
}

// The hunks as JSON: section, line ranges, and lines with their tag and,
// for a changed line paired with its replacement, the changed pieces.
Array::Ptr diffHunksJson(const service::TextDiff& diff) {
  Array::Ptr hunks = new Array();
  for (const auto& h : diff.hunks) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("section", h.section);
    o->set("from_start", h.from_start);
    o->set("from_count", h.from_count);
    o->set("to_start", h.to_start);
    o->set("to_count", h.to_count);
    Array::Ptr lines = new Array();
    for (const auto& l : h.lines) {
      Object::Ptr line = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
      const char* tag = l.tag == service::DiffTag::Equal ? "context" : "added";
      if (l.tag == service::DiffTag::Delete) tag = "removed";
      line->set("tag", tag);
      line->set("text", l.text);
      if (!l.segments.empty()) {
        Array::Ptr segments = new Array();
        for (const auto& s : l.segments) {
          Object::Ptr seg = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
          seg->set("text", s.text);
          seg->set("changed", s.changed);
          segments->add(seg);
        }
        line->set("segments", segments);
      }
      lines->add(line);
    }
    o->set("lines", lines);
    hunks->add(o);
  }
  return hunks;
}

void diffVersions(RequestContext& ctx) {
  const sdk::Plan plan = readablePlan(ctx, ctx.idParam("id"));
  const int from = ctx.queryInt("from", plan.current_version > 1 ? plan.current_version - 1 : 1, 1, 100000);
  const int to = ctx.queryInt("to", plan.current_version, 1, 100000);
  auto diff = planService(ctx).diff(plan.id, from, to);
  if (!diff.isOk()) {
    // A bad from/to is the query's (400); a missing plan or a failed read keeps its own answer.
    if (diff.status().code() != sdk::StatusCode::InvalidArgument)
      throw HttpError::of(diff.status());
    throw HttpError::badRequest(diff.status().message(), diff.status().field());
  }
  Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  out->set("plan_id", plan.id);
  out->set("from", from);
  out->set("to", to);
  out->set("diff", diff.value().toText());
  out->set("hunks", diffHunksJson(diff.value()));
  ctx.sendJson(200, out);
}

void listReviews(RequestContext& ctx) {
  const sdk::Plan plan = readablePlan(ctx, ctx.idParam("id"));
  Object::Ptr out = new Object();
  out->set("items", markedRecordsJson(ctx, store::RecordKind::Review,
                                      store::ReviewRepository(ctx.db().session()).listForPlan(plan.id)));
  ctx.sendJson(200, out);
}

sdk::RecordId versionIdFrom(RequestContext& ctx, const sdk::Plan& plan, const JsonFields& f) {
  if (f.has("version")) {
    const int number = f.integer("version", 0);
    auto v = store::PlanRepository(ctx.db().session()).version(plan.id, number);
    if (!v) {
      const std::string n = std::to_string(number);
      throw HttpError::invalid(
          "version", pageWord("refuse_plan_has_no_version", ctx.english(), {plan.code, n}));
    }
    return v->id;
  }
  return f.id("plan_version_id");
}

void createReview(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  JsonFields f(ctx.jsonBody());
  sdk::Review r;
  r.plan_id = plan.id;
  r.plan_version_id = versionIdFrom(ctx, plan, f);
  const std::string kind = f.text("kind", "evaluation");
  auto k = store::parseReviewKind(kind);
  if (!k) {
    throw HttpError::invalid("kind", pageWord("refuse_api_review_kind", ctx.english()));
  }
  r.kind = *k;
  r.date = f.date("date");
  r.reviewers = f.text("reviewers");
  if (r.kind == sdk::ReviewKind::Review && !f.has("conclusion")) {
    throw HttpError::invalid("conclusion", pageWord("refuse_api_review_conclusion", ctx.english()));
  }
  const std::string conclusion = f.text("conclusion", "keep");
  auto c = store::parseReviewConclusion(conclusion);
  if (!c) {
    throw HttpError::invalid("conclusion",
                             pageWord("refuse_api_correction_conclusion", ctx.english()));
  }
  r.conclusion = *c;
  r.findings = f.text("findings");
  auto id = planService(ctx).addReview(r, ctx.actor());
  if (!id.isOk()) throw HttpError::of(id.status());
  ctx.sendJson(201, store::toJson(*store::ReviewRepository(ctx.db().session()).findById(id.value())));
}

void listFilings(RequestContext& ctx) {
  const sdk::Plan plan = readablePlan(ctx, ctx.idParam("id"));
  Object::Ptr out = new Object();
  out->set("items", markedRecordsJson(ctx, store::RecordKind::Filing,
                                      store::FilingRepository(ctx.db().session()).listForPlan(plan.id)));
  ctx.sendJson(200, out);
}

void createFiling(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  JsonFields f(ctx.jsonBody());
  sdk::Filing r;
  r.plan_id = plan.id;
  r.plan_version_id = versionIdFrom(ctx, plan, f);
  r.target_body = f.text("target_body");
  r.submitted = f.date("submitted");
  r.registration_no = f.text("registration_no");
  r.published = f.date("published");
  auto id = planService(ctx).addFiling(r, ctx.actor());
  if (!id.isOk()) throw HttpError::of(id.status());
  ctx.sendJson(201, store::toJson(*store::FilingRepository(ctx.db().session()).findById(id.value())));
}

void listTransitions(RequestContext& ctx) {
  const sdk::Plan plan = readablePlan(ctx, ctx.idParam("id"));
  Object::Ptr out = new Object();
  out->set("items", planTransitionsJson(ctx, plan.id));
  ctx.sendJson(200, out);
}

service::StepRecord stepFrom(const JsonFields& f, const std::string& date, const std::string& body,
                             const std::string& document) {
  service::StepRecord r;
  r.date = f.date(date);
  r.body = body.empty() ? std::string() : f.text(body);
  r.document = f.text(document);
  r.note = f.text("note");
  return r;
}

// Answers a recorded step (201: the transition and the plan's state after it) or its refusal (422).
void sendStep(RequestContext& ctx, const sdk::Plan& plan, const sdk::Result<sdk::RecordId>& id) {
  if (!id.isOk()) throw HttpError::of(id.status());
  Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& t : store::PlanTransitionRepository(ctx.db().session()).listForPlan(plan.id)) {
    if (t.id == id.value()) out->set("transition", planTransitionJson(ctx, t));
  }
  auto after = store::PlanRepository(ctx.db().session()).findById(plan.id);
  out->set("plan", planItemJson(ctx, *after));
  ctx.sendJson(201, out);
}

service::PlanLifecycle lifecycle(RequestContext& ctx) { return service::PlanLifecycle(ctx.db(), ctx.english()); }

void recordPreparation(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  JsonFields f(ctx.jsonBody());
  auto step = service::parseLifecycleStep(f.text("kind"));
  if (!step || (*step != service::LifecycleStep::RiskAssessment && *step != service::LifecycleStep::ResourceSurvey)) {
    throw HttpError::invalid("kind", pageWord("refuse_api_preparation_kind", ctx.english()));
  }
  sendStep(ctx, plan, lifecycle(ctx).recordPreparation(plan.id, *step, stepFrom(f, "date", "", "document"), ctx.actor()));
}

void editDraft(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  JsonFields f(ctx.jsonBody());
  service::DraftEdit edit;
  edit.text = f.text("text");
  edit.note = f.text("note");
  sendStep(ctx, plan, lifecycle(ctx).editDraft(plan.id, edit, ctx.actor()));
}

void submitReview(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  JsonFields f(ctx.jsonBody());
  sendStep(ctx, plan, lifecycle(ctx).submitForReview(plan.id, stepFrom(f, "date", "", "document"), ctx.actor()));
}

void approvePlan(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  JsonFields f(ctx.jsonBody());
  sendStep(ctx, plan, lifecycle(ctx).approve(plan.id, stepFrom(f, "date", "approved_by", "document"), ctx.actor()));
}

void issuePlan(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  JsonFields f(ctx.jsonBody());
  service::IssueRecord r;
  r.step = stepFrom(f, "issued", "", "document_no");
  r.effective = f.date("effective");
  sendStep(ctx, plan, lifecycle(ctx).issue(plan.id, r, ctx.actor()));
}

void publishPlan(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  JsonFields f(ctx.jsonBody());
  sendStep(ctx, plan, lifecycle(ctx).publish(plan.id, stepFrom(f, "date", "channel", "link"), ctx.actor()));
}

void abolishPlan(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  JsonFields f(ctx.jsonBody());
  sendStep(ctx, plan,
           lifecycle(ctx).abolish(plan.id, stepFrom(f, "date", "", "document"), f.text("replaced_by"), ctx.actor()));
}

}  // namespace

void addPlanApi(Router& router) {
  router.addCacheable("/api/v1/plans", listPlans);
  router.add("POST", "/api/v1/plans", createPlan);
  router.addCacheable("/api/v1/plans/{id}", showPlan);
  router.addCacheable("/api/v1/plans/{id}/versions", listVersions);
  router.add("POST", "/api/v1/plans/{id}/versions", revisePlan);
  router.addCacheable("/api/v1/plans/{id}/versions/{number}", showVersion);
  router.add("GET", "/api/v1/plans/{id}/diff", diffVersions);
  router.addCacheable("/api/v1/plans/{id}/reviews", listReviews);
  router.add("POST", "/api/v1/plans/{id}/reviews", createReview);
  router.addCacheable("/api/v1/plans/{id}/filings", listFilings);
  router.add("POST", "/api/v1/plans/{id}/filings", createFiling);
  router.addCacheable("/api/v1/plans/{id}/transitions", listTransitions);
  router.add("POST", "/api/v1/plans/{id}/preparations", recordPreparation);
  router.add("POST", "/api/v1/plans/{id}/edit-draft", editDraft);
  router.add("POST", "/api/v1/plans/{id}/submit-review", submitReview);
  router.add("POST", "/api/v1/plans/{id}/approve", approvePlan);
  router.add("POST", "/api/v1/plans/{id}/issue", issuePlan);
  router.add("POST", "/api/v1/plans/{id}/publications", publishPlan);
  router.add("POST", "/api/v1/plans/{id}/abolish", abolishPlan);
}

}  // namespace beacon::http
