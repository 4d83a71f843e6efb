// Plan pages: GET /plans (list with filters), GET /plans/{id} (detail with
// versions, the diff of any two versions (diff_view.h), reviews, filings, linked drills,
// open corrective actions) and its forms: POST /plans/{id}/revise (checked,
// then shown as a diff to confirm; only the confirmed submit writes),
// /plans/{id}/reviews, /plans/{id}/filings, /plans/{id}/versions/{n}/attachments,
// and the life-cycle forms (service::PlanLifecycle): /plans/{id}/preparations,
// /edit-draft (the draft's text, shown only while it is 编制中), /submit-review,
// /approve, /issue, /publications, /abolish.
// A refused form re-renders the detail with the message by its field, answered by the
// refusal's code (httpStatusOf: 422 invalid input, 409 a step the plan's state refuses); the
// life-cycle forms come back with the values typed.
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <sstream>
#include <vector>

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include "http/attachment_store.h"
#include "http/diff_view.h"
#include "http/http_error.h"
#include "http/label_language.h"

#include "http/list_download.h"
#include "http/org_scope.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "http/plan_filter_query.h"
#include "http/record_detail.h"
#include "http/refusal_text.h"
#include "http/routes.h"
#include "http/status_http.h"
#include "http/strict_number.h"
#include "render/json_data.h"
#include "service/plan_category_catalog.h"
#include "service/plan_lifecycle.h"
#include "service/plan_service.h"
#include "service/text_diff.h"
#include "service/text_limits.h"
#include "store/plan_repository.h"
#include "store/record_parse.h"
#include "store/revision_triggers.h"

namespace beacon::http {

namespace {

using kainjow::mustache::data;

// The page's words for a plan's codes, in the request's language (the API's JSON keeps its
// zh-CN labels): domain, category, status, and each version's action and trigger.
void labelPlanCodes(RequestContext& ctx, const sdk::Plan& plan, Poco::JSON::Object::Ptr json) {
  const bool en = ctx.english();
  const auto* plugin = ctx.state.app.plugins().byDomain(plan.domain);
  json->set("domain_label", plugin ? (inLanguage(en, plugin->name_en, plugin->name_zh))
                            : plan.domain == sdk::kGeneralDomain ? pageWord("general_domain", en)
                                                                 : plan.domain);
  for (const auto& c : service::allowedCategories(ctx.state.app.plugins(), plan.domain)) {
    if (c.id == plan.category) json->set("category_label", inLanguage(en, c.label_en, c.label_zh));
  }
  json->set("status_label", labelIn(plan.status, en));
  Poco::JSON::Array::Ptr versions = json->getArray("versions");
  for (std::size_t i = 0; versions && i < versions->size(); ++i) {
    Poco::JSON::Object::Ptr v = versions->getObject(static_cast<unsigned>(i));
    if (const auto action = store::parseVersionAction(v->getValue<std::string>("action"))) {
      v->set("action_label", labelIn(*action, en));
    }
    const std::string trigger = v->getValue<std::string>("trigger");
    for (const auto& t : store::revisionTriggers()) {
      if (t.id == trigger) v->set("trigger_label", inLanguage(en, t.label_en, t.label_zh));
    }
  }
}

void planList(RequestContext& ctx) {
  store::PlanFilter filter = planFilterFromQuery(ctx);
  filter.limit = 50;
  const OrgFilter orgs = readableOrgs(ctx, ctx.query("owner"), "owner");
  data items{data::type::list};
  int total = 0;
  if (!orgs.none()) {
    filter.owner_ids = orgs.ids;
    store::PlanRepository plans(ctx.db().session());
    total = plans.count(filter);
    const auto tree = ctx.state.versions.tree(ctx.db().session(), ctx.state.cache);
    for (const auto& p : plans.list(filter)) {
      const Poco::JSON::Object::Ptr item = planItemJson(p, *tree);
      labelPlanCodes(ctx, p, item);
      items.push_back(render::toMustacheData(item));
    }
  }
  data d;
  d.set("items", items);
  d.set("domains", domainOptions(ctx, filter.domain, true));
  data statuses{data::type::list};
  for (auto s : {sdk::PlanStatus::Drafting, sdk::PlanStatus::InReview, sdk::PlanStatus::Approved,
                 sdk::PlanStatus::Issued, sdk::PlanStatus::Abolished}) {
    data o;
    o.set("value", sdk::toId(s));
    o.set("label", labelIn(s, ctx.english()));
    o.set("selected", filter.status == sdk::toId(s));
    statuses.push_back(o);
  }
  d.set("statuses", statuses);
  d.set("owner", ctx.query("owner"));
  const auth::Scope writable = ctx.policy().writeScope(ctx.requireUser());
  d.set("can_add", writable.all || !writable.org_ids.empty());  // the 新建预案 link (plan_new_page.cpp)
  d.set("csv_href", downloadHref(ctx, "/plans/export", "csv"));
  d.set("xlsx_href", downloadHref(ctx, "/plans/export", "xlsx"));
  d.set("total", std::to_string(total));
  setPager(ctx, d, filter.offset, filter.limit, total);
  ctx.sendPage(200, "plans.html", d, pageWord("plans", ctx.english()));
}

// The fields of each life-cycle form, echoed back as typed when the form is refused.
const std::map<std::string, std::vector<std::string>>& lifecycleFormFields() {
  static const std::map<std::string, std::vector<std::string>> kFields = {
      {"preparation", {"kind", "date", "document", "note"}},
      {"edit_draft", {"text", "note"}},
      {"submit", {"date", "note"}},
      {"approve", {"date", "approved_by", "document", "note"}},
      {"issue", {"issued", "effective", "document_no", "note"}},
      {"publish", {"date", "channel", "link", "note"}},
      {"abolish", {"date", "replaced_by", "document", "note"}},
      {"review", {"date", "reviewers", "conclusion", "findings"}},
      {"evaluation", {"date", "version", "reviewers", "conclusion", "findings"}},
      {"filing", {"version", "target_body", "submitted", "registration_no", "published"}},
      {"revise", {"trigger", "issued", "effective", "text", "draft"}},
  };
  return kFields;
}

// The page form of each life-cycle step (the names lifecycleFormFields and the *_error keys use).
const char* formOfStep(const std::string& step) {
  static const std::map<std::string, const char*> kForms = {{"risk_assessment", "preparation"},
                                                            {"resource_survey", "preparation"},
                                                            {"edit_draft", "edit_draft"},
                                                            {"submit_review", "submit"},
                                                            {"review", "review"},
                                                            {"approve", "approve"},
                                                            {"issue", "issue"},
                                                            {"file", "filing"},
                                                            {"publish", "publish"},
                                                            {"evaluate", "evaluation"},
                                                            {"revise", "revise"},
                                                            {"abolish", "abolish"}};
  const auto it = kForms.find(step);
  return it == kForms.end() ? "" : it->second;
}

// "show": the forms of the steps the plan's state allows, and the form just refused (it comes
// back with its message and values); "state_line": 当前状态：…；下一步：….
void setStepForms(RequestContext& ctx, const Poco::JSON::Object::Ptr& json, const std::string& form,
                  data& d) {
  data show;
  Poco::JSON::Array::Ptr allowed = json->getArray("allowed_steps");
  for (std::size_t i = 0; allowed && i < allowed->size(); ++i) {
    show.set(formOfStep(allowed->getElement<std::string>(static_cast<unsigned>(i))), true);
  }
  if (!form.empty()) show.set(form, true);
  d.set("show", show);
  const std::string stage = json->getValue<std::string>("stage_label");
  const std::string next = json->getValue<std::string>("next_step_label");
  if (ctx.english()) {
    d.set("state_line",
          "Current state: " + stage + "; next step: " + (next.empty() ? "none" : next));
  } else {
    d.set("state_line", "当前状态：" + stage + "；下一步：" + (next.empty() ? "无" : next));
  }
}

void sendPlanDetail(RequestContext& ctx, const sdk::Plan& plan, int status, const std::string& form,
                    const sdk::Status& error) {
  const Poco::JSON::Object::Ptr json = planDetailJson(ctx, plan);
  labelPlanCodes(ctx, plan, json);
  data d = render::toMustacheData(json);
  d.set("can_write", ctx.policy().canWrite(ctx.requireUser(), plan.owner_org_id));
  setStepForms(ctx, json, error.isOk() ? std::string() : form, d);
  const int to = ctx.queryInt("to", plan.current_version, 0, 100000);
  const int from = ctx.queryInt("from", to > 1 ? to - 1 : to, 0, 100000);
  d.set("diff_from", std::to_string(from));
  d.set("diff_to", std::to_string(to));
  if (from > 0 && to > 0 && plan.current_version > 0 && (ctx.hasQuery("from") || ctx.hasQuery("to"))) {
    auto diff = service::PlanService(ctx.db(), ctx.state.app.plugins()).diff(plan.id, from, to);
    if (diff.isOk()) {
      d.set("diff", diffView(diff.value(), "diff", ctx.english()));
    } else {
      d.set("diff_error", diff.status().describe());
    }
  }
  data triggers{data::type::list};
  for (const auto& t : store::revisionTriggers()) {
    data o;
    o.set("value", t.id);
    o.set("label", inLanguage(ctx.english(), t.label_en, t.label_zh));
    o.set("selected", form == "revise" && !error.isOk() && ctx.formValue("trigger") == t.id);
    triggers.push_back(o);
  }
  d.set("triggers", triggers);
  // The edit form starts from the draft's text (a refused edit comes back with what was typed).
  const int draft_number = json->optValue<int>("draft_version", 0);
  if (draft_number > 0) {
    if (auto draft = store::PlanRepository(ctx.db().session()).version(plan.id, draft_number)) {
      d.set("draft_text", draft->text);
    }
  }
  if (!error.isOk()) {
    data e;
    e.set("field", error.field());
    e.set("message", refusalSentence(ctx.state.app.plugins(), error.field(),
                                     service::localisedMessage(error.message(), ctx.english()), ctx.english()));
    d.set(form + "_error", e);
    const auto fields = lifecycleFormFields().find(form);
    if (fields != lifecycleFormFields().end()) {
      data typed;
      for (const auto& name : fields->second) {
        typed.set(name, ctx.formValue(name));
        // A choice comes back chosen: {{#review_values.conclusion_is.failed}} selected{{/…}}.
        data chosen;
        chosen.set(ctx.formValue(name).empty() ? "none" : ctx.formValue(name), true);
        typed.set(name + "_is", chosen);
      }
      // A file input cannot be filled again by the server: the form says to choose it again.
      for (const auto& f : ctx.files()) {
        if (f.size > 0) typed.set("files_again", true);
      }
      d.set(form + "_values", typed);
    }
  }
  // After a write the page says what was done (finish() names the form in ?done=).
  const std::string done = ctx.query("done");
  if (!done.empty() && error.isOk()) {
    const std::string notice = pageWord("done_" + done, ctx.english());
    if (!notice.empty()) d.set("notice", notice);
  }
  ctx.sendPage(status, "plan.html", d, plan.title);
}

void planDetail(RequestContext& ctx) {
  sendPlanDetail(ctx, readablePlan(ctx, ctx.idParam("id")), 200, "", sdk::Status::ok());
}

sdk::Plan writablePlan(RequestContext& ctx) {
  sdk::Plan plan = readablePlan(ctx, ctx.idParam("id"));
  ctx.requireWrite(plan.owner_org_id);
  return plan;
}

// A form date: unset when empty; the error names the field otherwise.
sdk::Status formDate(RequestContext& ctx, const std::string& name, sdk::Date& out) {
  const std::string text = ctx.formValue(name);
  if (text.empty()) return sdk::Status::ok();
  auto d = sdk::Date::parse(text);
  if (!d) return sdk::Status::invalid(name, pageWord("refuse_not_a_date", ctx.english()));
  out = *d;
  return sdk::Status::ok();
}

void finish(RequestContext& ctx, const sdk::Plan& plan, const std::string& form, const sdk::Status& status) {
  if (status.isOk()) {
    const bool draft = form == "revise" && ctx.formValue("draft") == "1";
    ctx.redirect("/plans/" + std::to_string(plan.id) + "?done=" + (draft ? "revise_draft" : form));
    return;
  }
  auto fresh = store::PlanRepository(ctx.db().session()).findById(plan.id);
  sendPlanDetail(ctx, fresh ? *fresh : plan, httpStatusOf(status.code()).status, form, status);
}

// The document of a revision: a file chosen in the form, or on the
// confirmation step the one chosen before, carried as base64 in a hidden field.
struct RevisionDocument {
  std::string filename;
  std::string data;
  bool present() const { return !data.empty(); }
};

sdk::Status readRevisionDocument(RequestContext& ctx, RevisionDocument& out) {
  for (const auto& f : ctx.files()) {
    if (f.field == "document" && f.size > 0) {
      std::ifstream in(f.temp_path, std::ios::binary);
      out = {f.filename, std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>())};
    }
  }
  const std::string carried = ctx.formValue("document_base64");
  if (!out.present() && !carried.empty()) {
    try {
      std::istringstream in(carried);
      Poco::Base64Decoder decoder(in);
      out.data.assign(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
      out.filename = ctx.formValue("document_name");
    } catch (const Poco::Exception&) {
      return sdk::Status::invalid("document",
                                  pageWord("refuse_carried_document_damaged", ctx.english()));
    }
  }
  if (!out.present()) return sdk::Status::ok();
  auto type = sniffMediaType(out.data, out.filename);
  if (!type || type->rfind("image/", 0) == 0) {
    return sdk::Status::invalid("document", pageWord("refuse_pdf_or_docx_only", ctx.english()));
  }
  return sdk::Status::ok();
}

// The confirmation step: what the revision changes against the version in
// force, and a form carrying the same fields with confirm=1.
void sendRevisionPreview(RequestContext& ctx, const sdk::Plan& plan, const sdk::PlanVersion& v, bool draft,
                         const RevisionDocument& document) {
  store::PlanRepository plans(ctx.db().session());
  std::string current_text;
  std::string from_label = pageWord("diff_no_version", ctx.english(), {plan.code});
  if (plan.current_version > 0) {
    if (auto current = plans.version(plan.id, plan.current_version)) current_text = current->text;
    from_label = plan.code + " v" + std::to_string(plan.current_version);
  }
  const std::string to_label = pageWord("diff_revision", ctx.english(), {plan.code});
  const service::TextDiff diff = service::diffTexts(current_text, v.text, from_label, to_label);
  data d;
  d.set("id", std::to_string(plan.id));
  d.set("title", plan.title);
  d.set("code", plan.code);
  std::string trigger_label = v.trigger;
  for (const auto& t : store::revisionTriggers()) {
    if (t.id == v.trigger) trigger_label = inLanguage(ctx.english(), t.label_en, t.label_zh);
  }
  d.set("trigger", v.trigger);
  d.set("trigger_label", trigger_label);
  d.set("issued", v.issued.isSet() ? v.issued.toString() : std::string());
  d.set("effective", v.effective.isSet() ? v.effective.toString() : std::string());
  d.set("major", v.major ? "1" : "0");
  d.set("major_label", pageWord(v.major ? "yes" : "no", ctx.english()));
  d.set("draft", draft);
  d.set("text", v.text);
  d.set("diff", diffView(diff, "revise-diff", ctx.english()));
  if (document.present()) {
    std::ostringstream encoded;
    Poco::Base64Encoder encoder(encoded);
    encoder.rdbuf()->setLineLength(0);
    encoder << document.data;
    encoder.close();
    data doc;
    doc.set("name", document.filename);
    doc.set("bytes", std::to_string(document.data.size()));
    doc.set("base64", encoded.str());
    d.set("document", doc);
  }
  ctx.sendPage(200, "plan_revise_preview.html", d, pageWord("revise_preview", ctx.english()));
}

// POST /plans/{id}/revise: a first submit is checked and answered with the
// preview (nothing written); only the submit with confirm=1 stores the version.
void revise(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  sdk::PlanVersion v;
  v.trigger = ctx.formValue("trigger");
  v.major = ctx.formValue("major", "1") == "1";
  v.text = ctx.formValue("text");
  v.author = ctx.actor().username;
  const bool draft = ctx.formValue("draft") == "1";
  const bool confirmed = ctx.formValue("confirm") == "1";
  sdk::Status s = formDate(ctx, "issued", v.issued);
  if (s.isOk()) s = formDate(ctx, "effective", v.effective);
  // The document is checked before anything is written.
  RevisionDocument document;
  if (s.isOk()) s = readRevisionDocument(ctx, document);
  service::PlanService service(ctx.db(), ctx.state.app.plugins(), ctx.english());
  service::RevisionOptions options;
  options.draft = draft;
  options.has_document = document.present();
  if (s.isOk() && !confirmed) {
    s = service.checkRevision(plan.id, v, options);
    if (s.isOk()) {
      sendRevisionPreview(ctx, plan, v, draft, document);
      return;
    }
  }
  if (s.isOk()) {
    auto id = service.revise(plan.id, v, ctx.actor(), options);
    if (!id.isOk()) {
      s = id.status();
    } else if (document.present()) {
      auto stored = AttachmentStore(ctx.db().session(), ctx.state.config.attachments_dir)
                        .add("plan_version", id.value(), "document", document.filename, document.data,
                             "document", ctx.actor());
      if (!stored.isOk()) s = stored.status();
    }
  }
  finish(ctx, plan, "revise", s);
}

sdk::RecordId versionId(RequestContext& ctx, const sdk::Plan& plan, const std::string& name, sdk::Status& s) {
  const std::string text = ctx.formValue(name);
  if (text.empty()) return 0;
  const auto number = parseWholeNumber(text, 1, std::numeric_limits<int>::max());
  if (!number) {
    s = sdk::Status::invalid(name, pageWord("refuse_not_a_version_number", ctx.english()));
    return 0;
  }
  auto v = store::PlanRepository(ctx.db().session()).version(plan.id, static_cast<int>(*number));
  if (!v) {
    s = sdk::Status::invalid(name, pageWord("refuse_no_version", ctx.english(), {text}));
    return 0;
  }
  return v->id;
}

void addReview(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  sdk::Review r;
  r.plan_id = plan.id;
  sdk::Status s;
  r.plan_version_id = versionId(ctx, plan, "version", s);
  auto kind = store::parseReviewKind(ctx.formValue("kind", "evaluation"));
  if (kind) r.kind = *kind;
  else if (s.isOk())
    s = sdk::Status::invalid("kind", pageWord("refuse_review_kind", ctx.english()));
  auto conclusion = store::parseReviewConclusion(ctx.formValue("conclusion", "keep"));
  if (conclusion) r.conclusion = *conclusion;
  else if (s.isOk())
    s = sdk::Status::invalid("conclusion", pageWord("refuse_review_conclusion", ctx.english()));
  r.reviewers = ctx.formValue("reviewers");
  r.findings = ctx.formValue("findings");
  if (s.isOk()) s = formDate(ctx, "date", r.date);
  if (s.isOk()) {
    auto id = service::PlanService(ctx.db(), ctx.state.app.plugins(), ctx.english()).addReview(r, ctx.actor());
    if (!id.isOk()) s = id.status();
  }
  finish(ctx, plan, r.kind == sdk::ReviewKind::Evaluation ? "evaluation" : "review", s);
}

void addFiling(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  sdk::Filing f;
  f.plan_id = plan.id;
  sdk::Status s;
  f.plan_version_id = versionId(ctx, plan, "version", s);
  f.target_body = ctx.formValue("target_body");
  f.registration_no = ctx.formValue("registration_no");
  if (s.isOk()) s = formDate(ctx, "submitted", f.submitted);
  if (s.isOk()) s = formDate(ctx, "published", f.published);
  if (s.isOk()) {
    auto id = service::PlanService(ctx.db(), ctx.state.app.plugins(), ctx.english()).addFiling(f, ctx.actor());
    if (!id.isOk()) s = id.status();
  }
  finish(ctx, plan, "filing", s);
}

// A life-cycle form's StepRecord; a malformed date is named (typed values come back on the 422).
sdk::Status stepFromForm(RequestContext& ctx, const std::string& date_field, const std::string& body_field,
                         const std::string& document_field, service::StepRecord& r) {
  r.body = body_field.empty() ? std::string() : ctx.formValue(body_field);
  r.document = ctx.formValue(document_field);
  r.note = ctx.formValue("note");
  return formDate(ctx, date_field, r.date);
}

void finishStep(RequestContext& ctx, const sdk::Plan& plan, const std::string& form, sdk::Status s,
                const std::function<sdk::Result<sdk::RecordId>()>& step) {
  if (s.isOk()) {
    auto id = step();
    if (!id.isOk()) s = id.status();
  }
  finish(ctx, plan, form, s);
}

void preparationForm(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  service::StepRecord r;
  sdk::Status s = stepFromForm(ctx, "date", "", "document", r);
  auto step = service::parseLifecycleStep(ctx.formValue("kind"));
  if (s.isOk() && (!step || (*step != service::LifecycleStep::RiskAssessment &&
                             *step != service::LifecycleStep::ResourceSurvey))) {
    s = sdk::Status::invalid("kind", pageWord("refuse_preparation_kind", ctx.english()));
  }
  finishStep(ctx, plan, "preparation", s, [&] {
    return service::PlanLifecycle(ctx.db(), ctx.english()).recordPreparation(plan.id, *step, r, ctx.actor());
  });
}

void editDraftForm(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  service::DraftEdit edit;
  edit.text = ctx.formValue("text");
  edit.note = ctx.formValue("note");
  finishStep(ctx, plan, "edit_draft", sdk::Status::ok(), [&] {
    return service::PlanLifecycle(ctx.db(), ctx.english()).editDraft(plan.id, edit, ctx.actor());
  });
}

void submitForm(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  service::StepRecord r;
  sdk::Status s = stepFromForm(ctx, "date", "", "document", r);
  finishStep(ctx, plan, "submit", s, [&] {
    return service::PlanLifecycle(ctx.db(), ctx.english()).submitForReview(plan.id, r, ctx.actor());
  });
}

void approveForm(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  service::StepRecord r;
  sdk::Status s = stepFromForm(ctx, "date", "approved_by", "document", r);
  finishStep(ctx, plan, "approve", s,
             [&] { return service::PlanLifecycle(ctx.db(), ctx.english()).approve(plan.id, r, ctx.actor()); });
}

void issueForm(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  service::IssueRecord r;
  sdk::Status s = stepFromForm(ctx, "issued", "", "document_no", r.step);
  if (s.isOk()) s = formDate(ctx, "effective", r.effective);
  finishStep(ctx, plan, "issue", s,
             [&] { return service::PlanLifecycle(ctx.db(), ctx.english()).issue(plan.id, r, ctx.actor()); });
}

void publishForm(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  service::StepRecord r;
  sdk::Status s = stepFromForm(ctx, "date", "channel", "link", r);
  finishStep(ctx, plan, "publish", s,
             [&] { return service::PlanLifecycle(ctx.db(), ctx.english()).publish(plan.id, r, ctx.actor()); });
}

void abolishForm(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  service::StepRecord r;
  sdk::Status s = stepFromForm(ctx, "date", "", "document", r);
  finishStep(ctx, plan, "abolish", s, [&] {
    return service::PlanLifecycle(ctx.db(), ctx.english()).abolish(plan.id, r, ctx.formValue("replaced_by"), ctx.actor());
  });
}

void uploadDocument(RequestContext& ctx) {
  const sdk::Plan plan = writablePlan(ctx);
  const auto number = parseWholeNumber(ctx.param("number"), 1, std::numeric_limits<int>::max());
  auto v = number ? store::PlanRepository(ctx.db().session()).version(plan.id, static_cast<int>(*number))
                  : std::nullopt;
  if (!v) throw HttpError::notFound("plan " + plan.code + " has no version " + ctx.param("number"));
  sdk::Status s = sdk::Status::invalid("document", pageWord("refuse_choose_a_file", ctx.english()));
  for (const auto& f : ctx.files()) {
    if (f.size == 0) continue;
    auto stored = AttachmentStore(ctx.db().session(), ctx.state.config.attachments_dir)
                      .addUpload("plan_version", v->id, "document", f, "document", ctx.actor());
    s = stored.isOk() ? sdk::Status::ok() : stored.status();
    break;
  }
  finish(ctx, plan, "document", s);
}

}  // namespace

void addPlanPages(Router& router) {
  router.addCachedPage("/plans", planList);
  router.add("GET", "/plans/{id}", planDetail);
  router.add("POST", "/plans/{id}/revise", revise, Access::User, true);
  router.add("POST", "/plans/{id}/reviews", addReview);
  router.add("POST", "/plans/{id}/filings", addFiling);
  router.add("POST", "/plans/{id}/preparations", preparationForm);
  router.add("POST", "/plans/{id}/edit-draft", editDraftForm);
  router.add("POST", "/plans/{id}/submit-review", submitForm);
  router.add("POST", "/plans/{id}/approve", approveForm);
  router.add("POST", "/plans/{id}/issue", issueForm);
  router.add("POST", "/plans/{id}/publications", publishForm);
  router.add("POST", "/plans/{id}/abolish", abolishForm);
  router.add("POST", "/plans/{id}/versions/{number}/attachments", uploadDocument, Access::User, true);
}

}  // namespace beacon::http
