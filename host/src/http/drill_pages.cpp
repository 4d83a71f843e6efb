// Drill pages: GET /drills (list with filters), GET/POST /drills/new (the
// mobile-first "log a drill" form built from the domain plugin's drill types
// and fields, with evidence upload), GET /drills/{id} (detail, see
// drill_detail_page.h), POST /drills/{id}/attachments, and corrections:
// GET/POST /drills/{id}/edit (the same form, prefilled, with a required
// reason) and POST /drills/{id}/void (作废 with a reason).

#include <algorithm>
#include <limits>

#include <Poco/NumberParser.h>

#include "http/attachment_store.h"
#include "http/drill_detail_page.h"
#include "http/drill_key_query.h"
#include "http/drill_logging.h"
#include "http/http_error.h"
#include "http/keyset_pager.h"
#include "http/label_language.h"
#include "http/list_download.h"
#include "http/org_scope.h"
#include "http/page_support.h"
#include "http/page_text.h"

#include "http/record_correction_request.h"
#include "http/record_detail.h"
#include "http/refusal_text.h"
#include "http/routes.h"
#include "http/status_http.h"
#include "http/strict_number.h"
#include "render/json_data.h"
#include "service/record_checks.h"
#include "service/text_limits.h"
#include "store/drill_repository.h"
#include "store/plan_repository.h"
#include "store/record_parse.h"

namespace beacon::http {

namespace {

// At most this much of photos and files per drill saved offline (kept on the phone until sent;
// web.max_upload_bytes when that is lower). offline.js refuses more on the form.
constexpr std::size_t kOfflineLimitBytes = 10 * 1024 * 1024;

using kainjow::mustache::data;

void drillList(RequestContext& ctx) {
  store::DrillFilter filter;
  filter.domain = ctx.query("domain");
  filter.from = ctx.queryDate("from");
  filter.to = ctx.queryDate("to");
  filter.limit = 50;
  // With a key (the pager's links), offset only numbers the rows shown.
  const int offset = ctx.queryInt("offset", 0, 0, 100000000);
  filter.after = queryDrillKey(ctx, "after");
  if (!filter.after) filter.before = queryDrillKey(ctx, "before");
  if (!filter.after && !filter.before) filter.offset = offset;
  filter.include_voided = true;  // listed, marked 已作废
  if (!filter.domain.empty() && !ctx.state.app.plugins().byDomain(filter.domain)) {
    throw HttpError::badRequest("no enabled plugin for domain \"" + filter.domain + "\"", "domain");
  }
  std::vector<sdk::Drill> page;
  const OrgFilter orgs = readableOrgs(ctx, ctx.query("org"), "org");
  data items{data::type::list};
  int total = 0;
  if (!orgs.none()) {
    filter.org_ids = orgs.ids;
    store::DrillRepository drills(ctx.db().session());
    total = drills.count(filter);
    page = drills.list(filter);
    const OrgLabels labels = orgLabelsOf(ctx, page);
    const auto voided = voidedIds(ctx, store::RecordKind::Drill, page);
    for (const auto& d : page) {
      auto item = drillItemJson(ctx, d, labels);
      item->set("voided", voided.count(d.id) > 0);
      items.push_back(render::toMustacheData(item));
    }
  }
  data d;
  d.set("items", items);
  d.set("domains", domainOptions(ctx, filter.domain, true));
  d.set("org", ctx.query("org"));
  d.set("from", filter.from.toString());
  d.set("to", filter.to.toString());
  d.set("csv_href", downloadHref(ctx, "/drills/export", "csv"));
  d.set("xlsx_href", downloadHref(ctx, "/drills/export", "xlsx"));
  d.set("total", std::to_string(total));
  setKeysetPager(ctx, d, offset, filter.limit, static_cast<int>(page.size()), total,
                 page.empty() ? "" : store::DrillKey{page.front().date, page.front().id}.toString(),
                 page.empty() ? "" : store::DrillKey{page.back().date, page.back().id}.toString());
  ctx.sendPage(200, "drills.html", d, pageWord("drills", ctx.english()));
}

struct DrillForm {
  sdk::Drill drill;
  std::map<std::string, std::string> errors;
  sdk::RecordId editing = 0;  // the drill being corrected; 0: a new drill
  std::string reason;
  bool filled = false;       // values typed before (a refused submit, a domain change): no draft restore
  bool files_again = false;  // files were chosen but not kept: the form says to choose them again
};

// The fields app.js carries over a change of domain (data-carry-fields in drill_form.html).
const std::vector<std::string>& carriedFields() {
  static const std::vector<std::string> kNames = {"org_id",       "date",     "place",   "scenario",
                                                  "participants", "evacuees", "findings", "verdict"};
  return kNames;
}

data drillFormData(RequestContext& ctx, const DrillForm& form) {
  const auth::User& user = ctx.requireUser();
  std::string domain = form.drill.domain;
  const auto enabled = ctx.state.app.plugins().enabled();
  if (domain.empty() && !enabled.empty()) domain = enabled.front()->id;
  // Each refusal as one sentence naming its field (refusal_text.h), by the field and together.
  std::map<std::string, std::string> sentences;
  for (const auto& [field, message] : form.errors) {
    sentences[field] = refusalSentence(ctx.state.app.plugins(), field, message, ctx.english());
  }
  data d;
  d.set("domains", domainOptions(ctx, domain, false));
  d.set("domain", domain);
  data types{data::type::list};
  data fields{data::type::list};
  if (const auto* plugin = ctx.state.app.plugins().byDomain(domain)) {
    for (const auto& t : plugin->drill_types) {
      data o;
      o.set("value", t.id);
      o.set("label", inLanguage(ctx.english(), t.label_en, t.label_zh));
      o.set("selected", t.id == form.drill.drill_type);
      types.push_back(o);
    }
    for (const auto& spec : plugin->drill_fields) {
      auto it = form.drill.fields.find(spec.name);
      fields.push_back(fieldInput(ctx, spec, "fields." + spec.name, it == form.drill.fields.end() ? "" : it->second,
                                  errorFor(sentences, "fields." + spec.name)));
    }
  }
  d.set("types", types);
  d.set("fields", fields);
  // Organisations the user may log drills for, one chosen (the form's, else the user's own, else
  // the first), and the plans a drill of the chosen one may name in this domain: exactly what
  // logDrill and DrillValidator accept (the organisation's or one above it, of the domain or
  // general, with a version). Choosing another organisation reloads the form for it.
  const auth::Scope scope = ctx.policy().writeScope(user);
  const auto all_orgs = ctx.organisations().list();
  std::vector<const sdk::Organisation*> offered;
  for (const auto& o : all_orgs) {
    if (!scope.contains(o.id)) continue;
    if (scope.all && o.kind != sdk::OrgKind::Village && o.kind != sdk::OrgKind::Community &&
        o.kind != sdk::OrgKind::Township && o.kind != sdk::OrgKind::SubDistrict &&
        o.kind != sdk::OrgKind::Enterprise && o.kind != sdk::OrgKind::Institution && o.id != form.drill.org_id) {
      continue;
    }
    offered.push_back(&o);
  }
  const auto offers = [&](sdk::RecordId id) {
    return id != 0 &&
           std::any_of(offered.begin(), offered.end(), [&](const auto* o) { return o->id == id; });
  };
  const sdk::RecordId chosen = offers(form.drill.org_id) ? form.drill.org_id
                               : offers(user.org_id)     ? user.org_id
                               : offered.empty()         ? 0
                                                         : offered.front()->id;
  data orgs{data::type::list};
  for (const auto* o : offered) {
    data item;
    item.set("value", std::to_string(o->id));
    item.set("label", o->name);
    item.set("selected", o->id == chosen);
    orgs.push_back(item);
  }
  d.set("orgs", orgs);
  d.set("org_reloads", !form.editing && offered.size() > 1);
  std::map<sdk::RecordId, sdk::RecordId> parent_of;
  for (const auto& o : all_orgs) parent_of[o.id] = o.parent_id;
  std::vector<sdk::RecordId> owners;  // the chosen organisation and those above it
  for (sdk::RecordId cur = chosen; cur != 0 && owners.size() < 64;) {
    owners.push_back(cur);
    const auto up = parent_of.find(cur);
    cur = up == parent_of.end() ? 0 : up->second;
  }
  std::vector<sdk::Plan> choices;
  if (!owners.empty()) {
    store::PlanRepository repository(ctx.db().session());
    for (const std::string& plan_domain : {domain, std::string(sdk::kGeneralDomain)}) {
      store::PlanFilter pf;
      pf.domain = plan_domain;
      pf.owner_ids = owners;
      for (auto& p : repository.list(pf)) {
        if (p.current_version > 0) choices.push_back(std::move(p));
      }
    }
  }
  // The chosen organisation's own plans first, then each level above it, each level by id.
  const auto level = [&owners](const sdk::Plan& p) {
    return std::find(owners.begin(), owners.end(), p.owner_org_id) - owners.begin();
  };
  std::sort(choices.begin(), choices.end(), [&level](const auto& a, const auto& b) {
    return std::make_pair(level(a), a.id) < std::make_pair(level(b), b.id);
  });
  data plans{data::type::list};
  for (const auto& p : choices) {
    data item;
    item.set("value", std::to_string(p.id));
    item.set("label", p.title + " (" + p.code + ")");
    item.set("selected", p.id == form.drill.plan_id);
    plans.push_back(item);
  }
  d.set("plans", plans);
  const sdk::Drill& dr = form.drill;
  d.set("date", dr.date.isSet() ? dr.date.toString() : "");
  d.set("place", dr.place);
  d.set("scenario", dr.scenario);
  d.set("participants", dr.participants ? std::to_string(dr.participants) : "");
  d.set("evacuees", dr.evacuees ? std::to_string(dr.evacuees) : "");
  d.set("findings", dr.findings);
  data verdicts{data::type::list};
  for (auto v : {sdk::DrillVerdict::None, sdk::DrillVerdict::Excellent, sdk::DrillVerdict::Good,
                 sdk::DrillVerdict::Fair, sdk::DrillVerdict::Poor}) {
    data item;
    item.set("value", sdk::toId(v));
    item.set("label", labelIn(v, ctx.english()));
    item.set("selected", v == dr.verdict);
    verdicts.push_back(item);
  }
  d.set("verdicts", verdicts);
  d.set("errors", fieldErrors(sentences, {"domain", "drill_type", "org_id", "plan_id", "plan_version_id", "date",
                                             "place", "scenario", "participants", "evacuees", "verdict", "findings",
                                             "evidence", "reason", "changes"}));
  d.set("form_action", form.editing ? "/drills/" + std::to_string(form.editing) + "/edit" : "/drills/new");
  d.set("editing", form.editing != 0);
  d.set("id", std::to_string(form.editing));
  d.set("reason", form.reason);
  if (!sentences.empty()) {
    data all{data::type::list};
    for (const auto& [field, sentence] : sentences) all.push_back(data(sentence));
    d.set("error_summary", all);
    d.set("has_errors", true);
  }
  d.set("filled", form.filled || !form.errors.empty());
  d.set("files_again", form.files_again);
  // Photos and files a drill saved offline may carry (the phone keeps them until sent).
  const std::size_t offline_limit = std::min<std::size_t>(ctx.state.config.max_upload_bytes, kOfflineLimitBytes);
  d.set("offline_limit_bytes", std::to_string(offline_limit));
  d.set("offline_limit_mb", std::to_string(offline_limit / (1024 * 1024)));
  std::string carry;
  for (const auto& name : carriedFields()) carry += (carry.empty() ? "" : " ") + name;
  d.set("carry_fields", carry);
  return d;
}

void readDrillForm(RequestContext& ctx, DrillForm& form);

void newDrillForm(RequestContext& ctx) {
  DrillForm form;
  // A change of domain (app.js) carries what was typed in the shared fields; nothing is refused yet.
  for (const auto& name : carriedFields()) form.filled = form.filled || !ctx.query(name).empty();
  if (form.filled) readDrillForm(ctx, form);
  form.errors.clear();
  form.files_again = ctx.query("files_dropped") == "1";
  form.drill.domain = ctx.query("domain");
  if (!form.drill.domain.empty() && !ctx.state.app.plugins().byDomain(form.drill.domain)) {
    throw HttpError::badRequest("no enabled plugin for domain \"" + form.drill.domain + "\"", "domain");
  }
  ctx.sendPage(200, "drill_form.html", drillFormData(ctx, form),
               pageWord("log_drill", ctx.english()));
}

int formInt(RequestContext& ctx, const std::string& name, DrillForm& form) {
  const std::string text = ctx.formValue(name);
  if (text.empty()) return 0;
  const auto v = parseWholeNumber(text, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
  if (!v) {
    form.errors[name] = pageWord("refuse_whole_number", ctx.english());
    return 0;
  }
  return static_cast<int>(*v);
}

sdk::RecordId formId(RequestContext& ctx, const std::string& name, DrillForm& form) {
  const std::string text = ctx.formValue(name);
  if (text.empty()) return 0;
  const auto v = parseWholeNumber(text, 0, std::numeric_limits<sdk::RecordId>::max());
  if (!v) {
    form.errors[name] = pageWord("refuse_choose_from_list", ctx.english());
    return 0;
  }
  return *v;
}

// Reads the drill fields of the form into form.drill (errors into form.errors).
void readDrillForm(RequestContext& ctx, DrillForm& form) {
  sdk::Drill& d = form.drill;
  d.domain = ctx.formValue("domain");
  d.drill_type = ctx.formValue("drill_type");
  d.org_id = formId(ctx, "org_id", form);
  d.plan_id = formId(ctx, "plan_id", form);
  const std::string date = ctx.formValue("date");
  if (!date.empty()) {
    auto parsed = sdk::Date::parse(date);
    if (!parsed) {
      form.errors["date"] = pageWord("refuse_not_a_date", ctx.english());
    } else {
      d.date = *parsed;
    }
  }
  d.place = ctx.formValue("place");
  d.scenario = ctx.formValue("scenario");
  d.participants = formInt(ctx, "participants", form);
  d.evacuees = formInt(ctx, "evacuees", form);
  d.findings = ctx.formValue("findings");
  if (auto v = store::parseDrillVerdict(ctx.formValue("verdict", "none"))) d.verdict = *v;
  if (const auto* plugin = ctx.state.app.plugins().byDomain(d.domain)) {
    for (const auto& spec : plugin->drill_fields) {
      const std::string key = "fields." + spec.name;
      if (spec.type == sdk::FieldType::Boolean) {
        d.fields[spec.name] = ctx.form().has(key) ? "1" : "0";
      } else if (!ctx.formValue(key).empty()) {
        d.fields[spec.name] = ctx.formValue(key);
      }
    }
  }
}

void submitDrill(RequestContext& ctx) {
  DrillForm form;
  readDrillForm(ctx, form);
  const sdk::Drill& d = form.drill;
  // Evidence is checked before anything is written.
  std::vector<const UploadedFile*> evidence;
  for (const auto& f : ctx.files()) {
    if (f.filename.empty() && f.size == 0) continue;
    if (!sniffMediaType(f.head, f.filename)) {
      form.errors["evidence"] = pageWord("refuse_not_evidence_file", ctx.english(), {f.filename});
    }
    evidence.push_back(&f);
  }
  int status = 422;
  if (form.errors.empty()) {
    auto id = logDrill(ctx, d);
    if (id.isOk()) {
      AttachmentStore attachments(ctx.db().session(), ctx.state.config.attachments_dir);
      for (const auto* f : evidence) {
        auto stored = attachments.addUpload("drill", id.value(), f->field == "sign_in" ? "sign_in_sheet" : "evidence",
                                            *f, "evidence", ctx.actor());
        if (!stored.isOk()) throw HttpError::of(stored.status());
      }
      ctx.redirect("/drills/" + std::to_string(id.value()) + "?logged=1");
      return;
    }
    form.errors[id.status().field().empty() ? "drill_type" : id.status().field()] =
        service::localisedMessage(id.status().message(), ctx.english());
    status = httpStatusOf(id.status().code()).status;
  }
  form.files_again = !evidence.empty();
  ctx.sendPage(status, "drill_form.html", drillFormData(ctx, form),
               pageWord("log_drill", ctx.english()));
}

// The drill to correct: readable, not voided (409) and changeable by the user now (403).
sdk::Drill correctableDrill(RequestContext& ctx, sdk::RecordId id) {
  const sdk::Drill drill = readableDrill(ctx, id);
  requireChangeable(ctx, store::RecordKind::Drill, id);
  return drill;
}

std::string editTitle(RequestContext& ctx) { return pageWord("correct_drill", ctx.english()); }

void editDrillForm(RequestContext& ctx) {
  DrillForm form;
  form.drill = correctableDrill(ctx, ctx.idParam("id"));
  form.editing = form.drill.id;
  ctx.sendPage(200, "drill_form.html", drillFormData(ctx, form), editTitle(ctx));
}

// The form's values that differ from the stored drill, by API name (a
// Boolean field left unticked equals one never answered).
service::FieldChanges changedFields(const sdk::Drill& stored, const sdk::Drill& typed) {
  service::FieldChanges out;
  auto differs = [&](const std::string& name, const std::string& before, const std::string& after) {
    if (before != after) out[name] = after;
  };
  differs("drill_type", stored.drill_type, typed.drill_type);
  differs("org_id", std::to_string(stored.org_id), std::to_string(typed.org_id));
  differs("plan_id", std::to_string(stored.plan_id), std::to_string(typed.plan_id));
  differs("date", stored.date.toString(), typed.date.toString());
  differs("place", stored.place, typed.place);
  differs("scenario", stored.scenario, typed.scenario);
  differs("participants", std::to_string(stored.participants), std::to_string(typed.participants));
  differs("evacuees", std::to_string(stored.evacuees), std::to_string(typed.evacuees));
  differs("verdict", sdk::toId(stored.verdict), sdk::toId(typed.verdict));
  differs("findings", stored.findings, typed.findings);
  auto value = [](const sdk::FieldValues& fields, const std::string& name) {
    const auto it = fields.find(name);
    return it == fields.end() || it->second == "0" ? std::string() : it->second;
  };
  for (const auto& [name, v] : typed.fields) differs("fields." + name, value(stored.fields, name), value(typed.fields, name));
  for (const auto& [name, v] : stored.fields) {
    if (!typed.fields.count(name)) differs("fields." + name, value(stored.fields, name), "");
  }
  return out;
}

void submitDrillCorrection(RequestContext& ctx) {
  const sdk::Drill stored = correctableDrill(ctx, ctx.idParam("id"));
  DrillForm form;
  form.editing = stored.id;
  readDrillForm(ctx, form);
  form.reason = ctx.formValue("reason");
  if (form.errors.empty()) {
    const service::CorrectionOutcome out =
        correctDrillAs(ctx, stored.id, changedFields(stored, form.drill), form.reason);
    if (out.ok()) {
      ctx.redirect("/drills/" + std::to_string(stored.id) + "?corrected=1");
      return;
    }
    if (out.failure != service::CorrectionFailure::Invalid) throwIfFailed(out);
    form.errors[out.status.field().empty() ? "changes" : out.status.field()] = out.status.message();
  }
  ctx.sendPage(422, "drill_form.html", drillFormData(ctx, form), editTitle(ctx));
}

void voidDrill(RequestContext& ctx) {
  const sdk::Drill drill = readableDrill(ctx, ctx.idParam("id"));
  throwIfFailed(voidRecordAs(ctx, store::RecordKind::Drill, drill.id, ctx.formValue("reason")));
  ctx.redirect("/drills/" + std::to_string(drill.id) + "?voided=1");
}

void drillDetail(RequestContext& ctx) {
  sendDrillPage(ctx, readableDrill(ctx, ctx.idParam("id")), 200);
}

void uploadDrillEvidence(RequestContext& ctx) {
  const sdk::Drill drill = readableDrill(ctx, ctx.idParam("id"));
  ctx.requireWrite(drill.org_id);
  AttachmentStore attachments(ctx.db().session(), ctx.state.config.attachments_dir);
  int stored_count = 0;
  for (const auto& f : ctx.files()) {
    if (f.filename.empty() && f.size == 0) continue;
    auto stored = attachments.addUpload("drill", drill.id, f.field == "sign_in" ? "sign_in_sheet" : "evidence", f,
                                        "evidence", ctx.actor());
    if (!stored.isOk()) throw HttpError::of(stored.status());
    ++stored_count;
  }
  if (stored_count == 0)
    throw HttpError::invalid("evidence", pageWord("refuse_choose_a_file", ctx.english()));
  ctx.redirect("/drills/" + std::to_string(drill.id));
}

}  // namespace

void addDrillPages(Router& router) {
  router.addCachedPage("/drills", drillList);
  router.addCachedPage("/drills/new", newDrillForm);
  router.add("POST", "/drills/new", submitDrill, Access::User, true);
  router.add("GET", "/drills/{id}", drillDetail);
  router.add("POST", "/drills/{id}/attachments", uploadDrillEvidence, Access::User, true);
  router.add("GET", "/drills/{id}/edit", editDrillForm);
  router.add("POST", "/drills/{id}/edit", submitDrillCorrection, Access::User, true);
  router.add("POST", "/drills/{id}/void", voidDrill);
}

}  // namespace beacon::http
