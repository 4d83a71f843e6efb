// User administration pages: GET /users (the accounts the user manages),
// GET/POST /users/new (add), GET /users/{id} (the account, with its 停用/启用,
// 重置密码 and 修改角色和所属单位 forms), POST /users/{id}/disabled, POST
// /users/{id}/password and POST /users/{id}/role (role and organisation; the
// account's sessions end).
// Who manages whom: the city administrator every account but their own (their
// own password is /account/password); township and department staff
// (org_staff) the accounts of the organisations below and at their own,
// never an administrator and never themselves, and they add only accounts
// of their subtree that are not administrators or city-wide. Anyone else:
// 403. The writes are auth::AccountService's (as `beacon user`): validation,
// the audit entry, and for a disable or a reset every session of the account
// ended (a reset also revokes its API tokens). A refusal names the field, answered by its code
// (httpStatusOf: 422 invalid input, 409 a conflict), with what was typed kept (never a password);
// success is 303 to the account's page with ?done=<form> (user-notice).
#include <limits>

#include "auth/account_service.h"
#include "auth/user_repository.h"
#include "http/admin_routes.h"
#include "http/form_refusals.h"
#include "http/http_error.h"
#include "http/label_language.h"

#include "http/org_admin_scope.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "http/refusal_text.h"
#include "http/status_http.h"
#include "http/strict_number.h"

namespace beacon::http {

namespace {

using kainjow::mustache::data;

[[noreturn]] void forbidden(RequestContext& ctx) {
  throw HttpError::forbidden(pageWord("refuse_may_not_manage_account", ctx.english()));
}

bool isAdmin(RequestContext& ctx) { return ctx.requireUser().role == auth::Role::Admin; }

// May the signed-in user change `account`?
bool manages(RequestContext& ctx, const auth::User& account) {
  if (!managesOrganisations(ctx)) return false;
  const auth::User& me = ctx.requireUser();
  if (account.id == me.id) return false;
  if (isAdmin(ctx)) return true;
  return account.role != auth::Role::Admin && account.org_id != 0 && ctx.policy().canWrite(me, account.org_id);
}

std::string roleLabel(RequestContext& ctx, auth::Role role) { return labelIn(role, ctx.english()); }

std::string orgName(RequestContext& ctx, sdk::RecordId org_id) {
  if (org_id == 0) return pageWord("whole_city", ctx.english());
  auto org = ctx.organisations().findById(org_id);
  return org ? org->name : std::to_string(org_id);
}

data accountData(RequestContext& ctx, const auth::User& u) {
  data d;
  d.set("id", std::to_string(u.id));
  d.set("username", u.username);
  d.set("display_name", u.display_name);
  d.set("role", roleLabel(ctx, u.role));
  d.set("org", orgName(ctx, u.org_id));
  d.set("disabled", u.disabled);
  return d;
}

// The roles the signed-in user may give: all of them for the administrator, never 管理员 for staff.
data roleOptions(RequestContext& ctx, const std::string& selected) {
  data roles{data::type::list};
  for (auto r : auth::allRoles()) {
    if (r == auth::Role::Admin && !isAdmin(ctx)) continue;
    data o;
    o.set("value", std::string(auth::toId(r)));
    o.set("label", roleLabel(ctx, r));
    o.set("selected", selected == auth::toId(r));
    roles.push_back(o);
  }
  return roles;
}

// The organisations the signed-in user may put an account in (their subtree; every one for the
// administrator).
data orgOptions(RequestContext& ctx, const std::string& selected_code) {
  data orgs{data::type::list};
  for (const auto& o : ctx.organisations().list()) {
    if (!mayAddUnder(ctx, o.id)) continue;
    data item;
    item.set("value", o.code);
    item.set("label", o.name + "（" + o.code + "）");
    item.set("selected", selected_code == o.code);
    orgs.push_back(item);
  }
  return orgs;
}

void userList(RequestContext& ctx) {
  if (!managesOrganisations(ctx)) forbidden(ctx);
  data items{data::type::list};
  for (const auto& u : auth::UserRepository(ctx.db().session()).list()) {
    if (manages(ctx, u)) items.push_back(accountData(ctx, u));
  }
  data d;
  d.set("items", items);
  d.set("can_audit", isAdmin(ctx));  // the 审计记录 link (audit_pages.cpp)
  ctx.sendPage(200, "users.html", d, pageWord("users", ctx.english()));
}


void sendNewUserForm(RequestContext& ctx, int status, const std::map<std::string, std::string>& errors) {
  const bool en = ctx.english();
  data d;
  for (const auto* name : {"username", "display_name"}) d.set(name, ctx.formValue(name));
  d.set("roles", roleOptions(ctx, ctx.formValue("role", auth::toId(auth::Role::VillageStaff))));
  d.set("orgs", orgOptions(ctx, ctx.formValue("org")));
  d.set("city_wide_allowed", isAdmin(ctx));
  setFormRefusals(ctx, d, errors, {"username", "display_name", "role", "org", "password"});
  ctx.sendPage(status, "user_new.html", d, pageWord("new_user", en));
}

void newUserForm(RequestContext& ctx) {
  if (!managesOrganisations(ctx)) forbidden(ctx);
  sendNewUserForm(ctx, 200, {});
}

void submitNewUser(RequestContext& ctx) {
  if (!managesOrganisations(ctx)) forbidden(ctx);
  auth::NewAccount account;
  account.username = ctx.formValue("username");
  account.display_name = ctx.formValue("display_name");
  account.role = ctx.formValue("role");
  account.org_code = ctx.formValue("org");
  account.password = ctx.formValue("password");
  // Staff add accounts of their subtree only, and no administrator.
  if (!isAdmin(ctx)) {
    const auto role = auth::parseRole(account.role);
    const auto org = ctx.organisations().findByCode(account.org_code);
    if ((role && *role == auth::Role::Admin) || (org && !mayAddUnder(ctx, org->id))) forbidden(ctx);
    if (account.org_code.empty()) return sendNewUserForm(ctx, 422, {{"org", "is required"}});
  }
  auto created = auth::AccountService(ctx.db(), ctx.state.hasher).create(account, ctx.actor());
  if (!created.isOk()) {
    return sendNewUserForm(ctx, httpStatusOf(created.status().code()).status,
                           {{created.status().field(), created.status().message()}});
  }
  ctx.redirect("/users/" + std::to_string(created.value().id) + "?done=user_added");
}

auth::User managedAccount(RequestContext& ctx) {
  auto account = auth::UserRepository(ctx.db().session()).findById(ctx.idParam("id"));
  if (!account) throw HttpError::notFound("no account " + ctx.param("id"));
  if (!manages(ctx, *account)) forbidden(ctx);
  return *account;
}

void sendAccount(RequestContext& ctx, int status, const auth::User& account, const std::string& field,
                 const std::string& message) {
  const bool en = ctx.english();
  data d = accountData(ctx, account);
  const auto org = account.org_id ? ctx.organisations().findById(account.org_id) : std::nullopt;
  d.set("roles", roleOptions(ctx, ctx.formValue("role", auth::toId(account.role))));
  d.set("orgs", orgOptions(ctx, ctx.formValue("org", org ? org->code : "")));
  d.set("city_wide_allowed", isAdmin(ctx));
  d.set("city_wide_selected", ctx.formValue("org", org ? org->code : "").empty());
  if (!message.empty()) {
    data errors;
    errors.set(field, refusalSentence(ctx.state.app.plugins(), field, message, en));
    d.set("errors", errors);
  }
  const std::string done = ctx.query("done");
  if (status == 200 && !done.empty()) {
    const std::string notice = pageWord("done_" + done, en);
    if (!notice.empty()) d.set("notice", notice);
  }
  ctx.sendPage(status, "user.html", d, account.username);
}

void accountPage(RequestContext& ctx) { sendAccount(ctx, 200, managedAccount(ctx), "", ""); }

void setDisabled(RequestContext& ctx) {
  const auth::User account = managedAccount(ctx);
  const bool disable = ctx.formValue("disabled") == "1";
  sdk::Status s = auth::AccountService(ctx.db(), ctx.state.hasher).setDisabled(account.username, disable, ctx.actor());
  if (!s.isOk())
    return sendAccount(ctx, httpStatusOf(s.code()).status, account, s.field(), s.message());
  ctx.redirect("/users/" + std::to_string(account.id) + "?done=" + (disable ? "user_disabled" : "user_enabled"));
}

void resetPassword(RequestContext& ctx) {
  const auth::User account = managedAccount(ctx);
  const std::string fresh = ctx.formValue("password");
  if (fresh.empty()) return sendAccount(ctx, 422, account, "password", "is required");
  auto changed = auth::AccountService(ctx.db(), ctx.state.hasher).changePassword(account.username, fresh, ctx.actor());
  if (!changed.isOk()) {
    return sendAccount(ctx, httpStatusOf(changed.status().code()).status, account,
                       changed.status().field(), changed.status().message());
  }
  ctx.redirect("/users/" + std::to_string(account.id) + "?done=password_reset");
}

// 修改角色和所属单位: staff give no role above their own (never 管理员) and only organisations of
// their subtree (never none: a city-wide account is the administrator's to make).
void changeRole(RequestContext& ctx) {
  const auth::User account = managedAccount(ctx);
  const std::string role = ctx.formValue("role");
  const std::string org_code = ctx.formValue("org");
  if (!isAdmin(ctx)) {
    const auto parsed = auth::parseRole(role);
    const auto org = ctx.organisations().findByCode(org_code);
    if ((parsed && *parsed == auth::Role::Admin) || (org && !mayAddUnder(ctx, org->id)))
      forbidden(ctx);
    if (org_code.empty()) return sendAccount(ctx, 422, account, "org", "is required");
  }
  auto changed = auth::AccountService(ctx.db(), ctx.state.hasher)
                     .changeRole(account.username, role, org_code, ctx.actor());
  if (!changed.isOk())
    return sendAccount(ctx, httpStatusOf(changed.status().code()).status, account,
                       changed.status().field(), changed.status().message());
  ctx.redirect("/users/" + std::to_string(account.id) + "?done=role_changed");
}

}  // namespace

void addUserAdminPages(Router& router) {
  router.add("GET", "/users", userList);
  router.add("GET", "/users/new", newUserForm);
  router.add("POST", "/users/new", submitNewUser);
  router.add("GET", "/users/{id}", accountPage);
  router.add("POST", "/users/{id}/disabled", setDisabled);
  router.add("POST", "/users/{id}/password", resetPassword);
  router.add("POST", "/users/{id}/role", changeRole);
}

}  // namespace beacon::http
