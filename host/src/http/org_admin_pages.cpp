// Organisation administration pages: GET/POST /organisations/new (add, under
// ?parent=ID) and GET/POST /organisations/{id}/edit (name, kind and parent:
// an edit or a move), for the users org_admin_scope.h allows: 403 otherwise,
// for the organisation and for the parent chosen. Validation, the audit
// entry and the tree rules are service::OrganisationService's (the same as
// the CLI and CSV import); a refusal is 422 with what was typed and the
// sentence by its field; success is 303 to the edit page with ?done=1
// (org-saved). The plugin attributes of an organisation are kept as stored. The optional
// contact address (the daily digest's, store/organisation_contacts.h) is checked here
// (mail/email_address.h) and saved after the organisation, in its own audited write.
#include <limits>

#include <Poco/String.h>

#include "http/admin_routes.h"
#include "http/form_refusals.h"
#include "http/http_error.h"
#include "http/label_language.h"
#include "http/org_admin_scope.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "http/status_http.h"
#include "http/strict_number.h"
#include "mail/email_address.h"
#include "service/organisation_service.h"
#include "store/organisation_contacts.h"
#include "store/record_parse.h"

namespace beacon::http {

namespace {

using kainjow::mustache::data;

const std::vector<sdk::OrgKind>& kinds() {
  using K = sdk::OrgKind;
  static const std::vector<sdk::OrgKind> kKinds = {K::Department,  K::Township,    K::SubDistrict, K::Village,
                                                   K::Community,   K::Enterprise,  K::Institution, K::City,
                                                   K::County,      K::CountyCity,  K::District};
  return kKinds;
}

struct OrgForm {
  sdk::RecordId editing = 0;  // the organisation edited; 0: a new one
  std::string code, name, kind, parent, contact_email;
  std::map<std::string, std::string> errors;
};

void sendOrgForm(RequestContext& ctx, int status, const OrgForm& form) {
  const bool en = ctx.english();
  data d;
  d.set("editing", form.editing != 0);
  d.set("id", std::to_string(form.editing));
  d.set("form_action", form.editing ? "/organisations/" + std::to_string(form.editing) + "/edit"
                                    : std::string("/organisations/new"));
  d.set("code", form.code);
  d.set("name", form.name);
  d.set("contact_email", form.contact_email);
  data kind_options{data::type::list};
  for (auto k : kinds()) {
    data o;
    o.set("value", std::string(sdk::toId(k)));
    o.set("label", std::string(labelIn(k, en)));
    o.set("selected", form.kind == sdk::toId(k));
    kind_options.push_back(o);
  }
  d.set("kinds", kind_options);
  // Parents: where the user may add, never the edited organisation or anything below it.
  const std::set<sdk::RecordId> below =
      form.editing ? ctx.organisations().subtree(form.editing) : std::set<sdk::RecordId>();
  data parents{data::type::list};
  for (const auto& o : ctx.organisations().list()) {
    if (below.count(o.id) || !mayAddUnder(ctx, o.id)) continue;
    data item;
    item.set("value", std::to_string(o.id));
    item.set("label", o.name + "（" + o.code + "）");
    item.set("selected", form.parent == std::to_string(o.id));
    parents.push_back(item);
  }
  d.set("parents", parents);
  d.set("top_allowed", ctx.requireUser().role == auth::Role::Admin);
  d.set("top_selected", form.parent == "0");
  setFormRefusals(ctx, d, form.errors, {"code", "name", "kind", "parent_id", "contact_email"});
  if (status == 200 && ctx.query("done") == "1") d.set("notice", pageWord("org_saved", en));
  ctx.sendPage(status, "org_form.html", d, pageWord(form.editing ? "edit_org" : "new_org", en));
}

void forbidden(RequestContext& ctx) {
  throw HttpError::forbidden(pageWord("refuse_may_not_change_organisation", ctx.english()));
}

// The form's fields into `org` (kind and parent checked here; the rest by the service).
void readOrgForm(RequestContext& ctx, OrgForm& form, sdk::Organisation& org) {
  form.name = ctx.formValue("name");
  form.kind = ctx.formValue("kind");
  form.parent = ctx.formValue("parent_id");
  form.contact_email = Poco::trim(ctx.formValue("contact_email"));
  if (!form.contact_email.empty() && !mail::isEmailAddress(form.contact_email)) {
    form.errors["contact_email"] = "is not an e-mail address";
  }
  org.name = form.name;
  if (auto k = store::parseOrgKind(form.kind)) {
    org.kind = *k;
  } else {
    form.errors["kind"] = "must be chosen from the list";
  }
  const auto parent = parseWholeNumber(form.parent, 0, std::numeric_limits<sdk::RecordId>::max());
  if (!parent) {
    form.errors["parent_id"] = "must be chosen from the list";
    return;
  }
  org.parent_id = *parent;
  // The parent chosen must be one the user may add under (a top organisation: administrators only).
  if (org.parent_id == 0 ? ctx.requireUser().role != auth::Role::Admin
                         : ctx.organisations().findById(org.parent_id) && !mayAddUnder(ctx, org.parent_id)) {
    forbidden(ctx);
  }
}

void newOrgForm(RequestContext& ctx) {
  if (!managesOrganisations(ctx)) forbidden(ctx);
  OrgForm form;
  form.parent = ctx.query("parent", std::to_string(ctx.requireUser().org_id));
  form.kind = ctx.query("kind", sdk::toId(sdk::OrgKind::Village));
  sendOrgForm(ctx, 200, form);
}

void submitNewOrg(RequestContext& ctx) {
  if (!managesOrganisations(ctx)) forbidden(ctx);
  OrgForm form;
  sdk::Organisation org;
  form.code = ctx.formValue("code");
  org.code = form.code;
  readOrgForm(ctx, form, org);
  int status = 422;
  if (form.errors.empty()) {
    auto id = service::OrganisationService(ctx.db(), ctx.state.app.plugins(), ctx.english()).add(org, ctx.actor());
    if (id.isOk()) {
      store::setOrganisationContactEmail(ctx.db().session(), id.value(), form.contact_email,
                                         ctx.actor());
      ctx.redirect("/organisations/" + std::to_string(id.value()) + "/edit?done=1");
      return;
    }
    form.errors[id.status().field()] = id.status().message();
    status = httpStatusOf(id.status().code()).status;
  }
  sendOrgForm(ctx, status, form);
}

sdk::Organisation editableOrg(RequestContext& ctx) {
  auto org = ctx.organisations().findById(ctx.idParam("id"));
  if (!org) throw HttpError::notFound("no organisation with id " + ctx.param("id"));
  if (!mayEdit(ctx, org->id)) forbidden(ctx);
  return *org;
}

void editOrgForm(RequestContext& ctx) {
  const sdk::Organisation org = editableOrg(ctx);
  OrgForm form;
  form.editing = org.id;
  form.code = org.code;
  form.name = org.name;
  form.kind = sdk::toId(org.kind);
  form.parent = std::to_string(org.parent_id);
  form.contact_email = store::organisationContactEmail(ctx.db().session(), org.id);
  sendOrgForm(ctx, 200, form);
}

void submitOrgEdit(RequestContext& ctx) {
  sdk::Organisation org = editableOrg(ctx);
  OrgForm form;
  form.editing = org.id;
  form.code = org.code;
  readOrgForm(ctx, form, org);
  int status = 422;
  if (form.errors.empty()) {
    sdk::Status s =
        service::OrganisationService(ctx.db(), ctx.state.app.plugins(), ctx.english()).update(org, ctx.actor());
    if (s.isOk()) {
      store::setOrganisationContactEmail(ctx.db().session(), org.id, form.contact_email,
                                         ctx.actor());
      ctx.redirect("/organisations/" + std::to_string(org.id) + "/edit?done=1");
      return;
    }
    form.errors[s.field()] = s.message();
    status = httpStatusOf(s.code()).status;
  }
  sendOrgForm(ctx, status, form);
}

}  // namespace

void addOrganisationAdminPages(Router& router) {
  router.add("GET", "/organisations/new", newOrgForm);
  router.add("POST", "/organisations/new", submitNewOrg);
  router.add("GET", "/organisations/{id}/edit", editOrgForm);
  router.add("POST", "/organisations/{id}/edit", submitOrgEdit);
}

}  // namespace beacon::http
