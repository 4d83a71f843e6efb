// The new-plan page: GET /plans/new (the form) and POST /plans/new, for any
// user who may write some organisation (AccessPolicy::writeScope: the city
// administrator everywhere, department and township staff their subtree,
// village staff their own organisation), the same checks as POST
// /api/v1/plans: the owner must be writable (403), then
// service::PlanService::addPlan validates and stores the plan and, when a
// text or an issue date is given, its first version. A refusal comes back
// (422) with what was typed and the sentence by its field (refusal_text.h);
// success is 303 to the plan's page with ?done=created (plan-notice).
#include <limits>

#include "http/admin_routes.h"
#include "http/form_refusals.h"
#include "http/http_error.h"
#include "http/label_language.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "http/strict_number.h"
#include "service/plan_category_catalog.h"
#include "service/plan_service.h"

namespace beacon::http {

namespace {

using kainjow::mustache::data;

// The form's input names, as the page and refusals name them.
const std::vector<std::string>& formFields() {
  static const std::vector<std::string> kNames = {"code",   "title",     "domain", "category",
                                                  "owner",  "issued",    "effective", "text"};
  return kNames;
}

// The form's name for a field the service refuses ("owner_org_id", "version.issued").
std::string formFieldOf(const std::string& field) {
  if (field == "owner_org_id") return "owner";
  const std::string kVersion = "version.";
  if (field.compare(0, kVersion.size(), kVersion) == 0) return field.substr(kVersion.size());
  return field;
}

// The organisations the user may own plans for (write scope), in tree order.
std::vector<sdk::Organisation> writableOrganisations(RequestContext& ctx) {
  const auth::Scope scope = ctx.policy().writeScope(ctx.requireUser());
  std::vector<sdk::Organisation> out;
  for (const auto& o : ctx.organisations().list()) {
    if (scope.contains(o.id)) out.push_back(o);
  }
  return out;
}

void sendForm(RequestContext& ctx, int status, const std::map<std::string, std::string>& errors) {
  const auto orgs = writableOrganisations(ctx);
  if (orgs.empty()) throw HttpError::forbidden(pageWord("refuse_may_not_add_plans", ctx.english()));
  const bool en = ctx.english();
  data d;
  const std::string domain = ctx.formValue("domain", sdk::kGeneralDomain);
  d.set("domains", domainOptions(ctx, domain, true));
  data categories{data::type::list};
  for (const auto& c : service::sharedPlanCategories()) {
    data o;
    o.set("value", c.id);
    o.set("label", inLanguage(en, c.label_en, c.label_zh));
    o.set("selected", c.id == ctx.formValue("category"));
    categories.push_back(o);
  }
  d.set("categories", categories);
  const sdk::RecordId own = ctx.requireUser().org_id;
  data owners{data::type::list};
  for (const auto& o : orgs) {
    data item;
    item.set("value", std::to_string(o.id));
    item.set("label", o.name + "（" + o.code + "）");
    item.set("selected", ctx.formValue("owner").empty() ? o.id == own : ctx.formValue("owner") == std::to_string(o.id));
    owners.push_back(item);
  }
  d.set("owners", owners);
  data typed;
  for (const auto& name : formFields()) typed.set(name, ctx.formValue(name));
  d.set("values", typed);
  setFormRefusals(ctx, d, errors, formFields());
  ctx.sendPage(status, "plan_new.html", d, pageWord("new_plan", en));
}

void newPlanForm(RequestContext& ctx) { sendForm(ctx, 200, {}); }

// A form date: unset when empty; a refusal naming the field otherwise.
bool readDate(RequestContext& ctx, const std::string& name, sdk::Date& out,
              std::map<std::string, std::string>& errors) {
  const std::string text = ctx.formValue(name);
  if (text.empty()) return true;
  const auto parsed = sdk::Date::parse(text);
  if (!parsed) {
    errors[name] = pageWord("refuse_not_a_real_date", ctx.english(), {text});
    return false;
  }
  out = *parsed;
  return true;
}

// The category must be one the domain allows: said with the labels, not the ids.
bool checkCategory(RequestContext& ctx, const sdk::Plan& plan, std::map<std::string, std::string>& errors) {
  const bool en = ctx.english();
  const auto allowed = service::allowedCategories(ctx.state.app.plugins(), plan.domain);
  if (allowed.empty()) return true;  // an unknown domain: the service names it
  std::string list;
  for (const auto& c : allowed) {
    if (c.id == plan.category) return true;
    list += (list.empty() ? "" : pageWord("list_separator", en)) +
            inLanguage(en, c.label_en, c.label_zh);
  }
  if (plan.category.empty()) {
    errors["category"] = pageWord("refuse_category_required", en, {list});
    return false;
  }
  std::string label = plan.category;
  for (const auto& c : service::sharedPlanCategories()) {
    if (c.id == plan.category) label = inLanguage(en, c.label_en, c.label_zh);
  }
  errors["category"] = pageWord("refuse_category_of_domain", en, {label, list});

  return false;
}

void submitNewPlan(RequestContext& ctx) {
  std::map<std::string, std::string> errors;
  sdk::Plan plan;
  plan.code = ctx.formValue("code");
  plan.title = ctx.formValue("title");
  plan.domain = ctx.formValue("domain", sdk::kGeneralDomain);
  plan.category = ctx.formValue("category");
  const auto owner = parseWholeNumber(ctx.formValue("owner"), 1, std::numeric_limits<sdk::RecordId>::max());
  if (!owner) {
    errors["owner"] = pageWord("refuse_choose_from_list", ctx.english());

  } else {
    plan.owner_org_id = *owner;
    // As POST /api/v1/plans: an organisation outside the write scope is 403.
    if (ctx.organisations().findById(plan.owner_org_id)) ctx.requireWrite(plan.owner_org_id);
  }
  sdk::PlanVersion first;
  first.text = ctx.formValue("text");
  first.author = ctx.actor().username;
  readDate(ctx, "issued", first.issued, errors);
  readDate(ctx, "effective", first.effective, errors);
  if (errors.empty()) checkCategory(ctx, plan, errors);
  if (errors.empty()) {
    std::optional<sdk::PlanVersion> version;
    if (!first.text.empty() || first.issued.isSet() || first.effective.isSet()) version = first;
    auto id = service::PlanService(ctx.db(), ctx.state.app.plugins(), ctx.english())
                  .addPlan(plan, version, ctx.actor());
    if (id.isOk()) {
      ctx.redirect("/plans/" + std::to_string(id.value()) + "?done=created");
      return;
    }
    errors[formFieldOf(id.status().field())] = id.status().message();
  }
  sendForm(ctx, 422, errors);
}

}  // namespace

void addNewPlanPage(Router& router) {
  router.add("GET", "/plans/new", newPlanForm);
  router.add("POST", "/plans/new", submitNewPlan);
}

}  // namespace beacon::http
