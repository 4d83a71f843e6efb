// The signed-in user's own password page (修改密码): GET /account/password and
// POST /account/password (current password, the new one twice). The current
// password is checked first; the new one goes through
// auth::AccountService::changePassword, as `beacon user passwd` does: the
// strength rule (password_policy.h), the audit entry, every session of the
// user ended in every server process, the API tokens revoked. The browser
// that made the change gets a fresh session, so only the other sessions end.
// A refusal is 422 naming the field; passwords are never written back into
// the form. Success is 303 to the page with ?done=1 (password-changed).
#include "auth/account_service.h"
#include "auth/user_repository.h"
#include "http/admin_routes.h"
#include "http/http_error.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "http/refusal_text.h"
#include "http/session_cookie_writer.h"
#include "http/status_http.h"

namespace beacon::http {

namespace {

using kainjow::mustache::data;

// “label” of a field, so a Chinese sentence can say something of it (refusal_text.h keeps it).
std::string quoted(const std::string& field) { return "“" + pageWord(field, false) + "”"; }

void sendPasswordForm(RequestContext& ctx, int status, const std::string& field, const std::string& message) {
  const bool en = ctx.english();
  const auth::User& user = ctx.requireUser();
  data d;
  d.set("username", user.username);
  if (!message.empty()) {
    const std::string sentence = refusalSentence(ctx.state.app.plugins(), field, message, en);
    data errors;
    errors.set(field, sentence);
    d.set("errors", errors);
    d.set("error", sentence);
  }
  if (status == 200 && ctx.query("done") == "1") d.set("notice", pageWord("password_changed", en));
  ctx.sendPage(status, "password.html", d, pageWord("change_password", en));
}

void passwordForm(RequestContext& ctx) { sendPasswordForm(ctx, 200, "", ""); }

void changePassword(RequestContext& ctx) {
  const bool en = ctx.english();
  const auth::User user = ctx.requireUser();
  const std::string current = ctx.formValue("current_password");
  const std::string fresh = ctx.formValue("new_password");
  if (current.empty()) return sendPasswordForm(ctx, 422, "current_password", "is required");
  if (!ctx.state.hasher.verify(current, user.password)) {
    return sendPasswordForm(ctx, 422, "current_password",
                            pageWord("refuse_password_wrong", en, {quoted("current_password")}));
  }
  if (fresh.empty()) return sendPasswordForm(ctx, 422, "new_password", "is required");
  if (fresh != ctx.formValue("new_password_again")) {
    return sendPasswordForm(
        ctx, 422, "new_password_again",
        pageWord("refuse_password_again_differs", en, {quoted("new_password_again")}));
  }
  if (fresh == current) {
    return sendPasswordForm(ctx, 422, "new_password",
                            pageWord("refuse_password_unchanged", en, {quoted("new_password")}));
  }
  auto changed = auth::AccountService(ctx.db(), ctx.state.hasher).changePassword(user.username, fresh, ctx.actor());
  if (!changed.isOk()) {
    const std::string field = changed.status().field() == "password" ? "new_password" : changed.status().field();
    return sendPasswordForm(ctx, httpStatusOf(changed.status().code()).status, field,
                            changed.status().message());
  }
  // Every session of the user has ended, this one too: the browser that changed it stays signed in.
  auto stored = auth::UserRepository(ctx.db().session()).findById(user.id);
  if (!stored) throw HttpError::unauthenticated();
  const auth::Session session = ctx.state.sessions(ctx.db().session())
                                    .create(*stored, ctx.state.config.trusted_proxies.clientAddress(ctx.request));
  setSessionCookie(ctx, session.id, -1);
  ctx.redirect("/account/password?done=1");
}

}  // namespace

void addPasswordPage(Router& router) {
  router.add("GET", "/account/password", passwordForm);
  router.add("POST", "/account/password", changePassword);
}

}  // namespace beacon::http
