#include "http/record_detail.h"

#include <Poco/JSON/Array.h>

#include "http/attachment_store.h"
#include "http/http_error.h"
#include "http/label_language.h"

#include "http/plan_transition_json.h"
#include "http/record_correction_request.h"
#include "service/plan_category_catalog.h"
#include "store/corrective_action.h"
#include "store/corrective_action_repository.h"
#include "store/drill_repository.h"
#include "store/filing_repository.h"
#include "store/plan_repository.h"
#include "store/record_json.h"
#include "store/review_repository.h"

namespace beacon::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

void setOrg(RequestContext& ctx, Object::Ptr& o, sdk::RecordId id, const std::string& prefix) {
  auto org = ctx.organisations().findById(id);
  o->set(prefix + "_name", org ? org->name : "");
  o->set(prefix + "_code", org ? org->code : "");
}

Array::Ptr attachmentsJson(RequestContext& ctx, const std::string& kind, sdk::RecordId id) {
  Array::Ptr out = new Array();
  for (const auto& a : AttachmentStore(ctx.db().session(), ctx.state.config.attachments_dir).list(kind, id)) {
    out->add(toJson(a));
  }
  return out;
}

Array::Ptr actionsJson(RequestContext& ctx, const std::vector<store::CorrectiveAction>& actions) {
  Array::Ptr out = new Array();
  const auto voided = voidedIds(ctx, store::RecordKind::CorrectiveAction, actions);
  for (const auto& a : actions) {
    Object::Ptr j = store::toJson(a);
    setOrg(ctx, j, a.responsible_org_id, "responsible_org");
    j->set("open", a.status == store::ActionStatus::Open);
    j->set("voided", voided.count(a.id) > 0);
    out->add(j);
  }
  return out;
}

}  // namespace

Object::Ptr planItemJson(RequestContext& ctx, const sdk::Plan& plan) {
  Object::Ptr o = store::toJson(plan);
  setOrg(ctx, o, plan.owner_org_id, "owner");
  o->set("category_label", service::categoryLabelZh(plan.category));
  return o;
}

Object::Ptr planItemJson(const sdk::Plan& plan, const OrgTree& orgs) {
  Object::Ptr o = store::toJson(plan);
  const OrgTree::Node* owner = orgs.find(plan.owner_org_id);
  o->set("owner_name", owner ? owner->name : "");
  o->set("owner_code", owner ? owner->code : "");
  o->set("category_label", service::categoryLabelZh(plan.category));
  return o;
}

Object::Ptr drillItemJson(RequestContext& ctx, const sdk::Drill& drill) {
  return drillItemJson(ctx, drill, OrgLabels(ctx.db().session(), {drill.org_id}));
}

Object::Ptr drillItemJson(RequestContext& ctx, const sdk::Drill& drill, const OrgLabels& orgs) {
  Object::Ptr o = store::toJson(drill);
  o->set("org_name", orgs.name(drill.org_id));
  o->set("org_code", orgs.code(drill.org_id));
  const sdk::DrillType* type = ctx.state.app.plugins().drillType(drill.drill_type);
  o->set("drill_type_label",
         type ? inLanguage(ctx.english(), type->label_en, type->label_zh) : drill.drill_type);
  return o;
}

OrgLabels orgLabelsOf(RequestContext& ctx, const std::vector<sdk::Drill>& drills) {
  std::vector<sdk::RecordId> ids;
  ids.reserve(drills.size());
  for (const auto& d : drills) ids.push_back(d.org_id);
  return OrgLabels(ctx.db().session(), std::move(ids));
}

Object::Ptr planDetailJson(RequestContext& ctx, const sdk::Plan& plan) {
  Object::Ptr o = planItemJson(ctx, plan);
  store::PlanRepository plans(ctx.db().session());
  Array::Ptr versions = new Array();
  for (const auto& v : plans.versions(plan.id, false)) {
    Object::Ptr j = store::toJson(v, false);
    j->set("attachments", attachmentsJson(ctx, "plan_version", v.id));
    j->set("current", v.number == plan.current_version);
    versions->add(j);
  }
  o->set("versions", versions);
  const auto plan_reviews = store::ReviewRepository(ctx.db().session()).listForPlan(plan.id);
  Array::Ptr reviews = markedRecordsJson(ctx, store::RecordKind::Review, plan_reviews);
  for (std::size_t i = 0; i < plan_reviews.size(); ++i) {
    const auto conclusion = plan_reviews[i].conclusion;
    reviews->getObject(static_cast<unsigned>(i))
        ->set("conclusion_label", labelIn(conclusion, ctx.english()));
  }
  o->set("reviews", reviews);
  o->set("filings", markedRecordsJson(ctx, store::RecordKind::Filing,
                                      store::FilingRepository(ctx.db().session()).listForPlan(plan.id)));
  store::DrillFilter filter;
  filter.plan_id = plan.id;
  filter.limit = 50;
  filter.include_voided = true;
  Array::Ptr drills = new Array();
  const auth::Scope scope = ctx.policy().scope(ctx.requireUser());
  const auto linked = store::DrillRepository(ctx.db().session()).list(filter);
  const auto voided = voidedIds(ctx, store::RecordKind::Drill, linked);
  for (const auto& d : linked) {
    if (!scope.contains(d.org_id)) continue;
    Object::Ptr j = drillItemJson(ctx, d);
    j->set("voided", voided.count(d.id) > 0);
    drills->add(j);
  }
  o->set("drills", drills);
  o->set("open_actions",
         actionsJson(ctx, store::CorrectiveActionRepository(ctx.db().session()).listForPlan(plan.id, true)));
  setLifecycleJson(ctx, o, plan);
  return o;
}

Object::Ptr drillDetailJson(RequestContext& ctx, const sdk::Drill& drill, DrillAge age) {
  Object::Ptr o = drillItemJson(ctx, drill);
  setVoidMark(ctx, o, store::RecordKind::Drill, drill.id);  // "voided" ends the list item's fields
  if (drill.plan_id != 0) {
    auto plan = store::PlanRepository(ctx.db().session()).findById(drill.plan_id);
    if (plan) {
      o->set("plan_code", plan->code);
      o->set("plan_title", plan->title);
    }
  }
  o->set("verdict_label", labelIn(drill.verdict, ctx.english()));
  o->set("corrections", correctionHistory(ctx, store::RecordKind::Drill, drill.id));
  Array::Ptr fields = new Array();
  if (const auto* plugin = ctx.state.app.plugins().byDomain(drill.domain)) {
    for (const auto& spec : plugin->drill_fields) {
      auto it = drill.fields.find(spec.name);
      if (it == drill.fields.end()) continue;
      std::string shown = it->second;
      if (spec.type == sdk::FieldType::Boolean) shown = it->second == "1" ? "✓" : "✗";
      for (std::size_t i = 0; i < spec.allowed_values.size() && i < spec.allowed_labels_zh.size(); ++i) {
        if (spec.allowed_values[i] == it->second && !ctx.english()) shown = spec.allowed_labels_zh[i];
      }
      Object::Ptr f = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
      f->set("name", spec.name);
      f->set("label", inLanguage(ctx.english(), spec.label_en, spec.label_zh));
      f->set("value", it->second);
      f->set("shown", shown);
      fields->add(f);
    }
  }
  o->set("field_list", fields);
  if (age == DrillAge::JustStored) {
    o->set("corrective_actions", Array::Ptr(new Array()));
    o->set("attachments", Array::Ptr(new Array()));
    return o;
  }
  o->set("corrective_actions",
         actionsJson(ctx, store::CorrectiveActionRepository(ctx.db().session())
                              .listForSource(store::SourceKind::Drill, drill.id)));
  o->set("attachments", attachmentsJson(ctx, "drill", drill.id));
  return o;
}

sdk::Plan readablePlan(RequestContext& ctx, sdk::RecordId id) {
  auto plan = store::PlanRepository(ctx.db().session()).findById(id);
  if (!plan) throw HttpError::notFound("no plan " + std::to_string(id));
  ctx.requireRead(plan->owner_org_id);
  return *plan;
}

sdk::Drill readableDrill(RequestContext& ctx, sdk::RecordId id) {
  auto drill = store::DrillRepository(ctx.db().session()).findById(id);
  if (!drill) throw HttpError::notFound("no drill " + std::to_string(id));
  ctx.requireRead(drill->org_id);
  return *drill;
}

}  // namespace beacon::http
