// Login and logout: GET/POST /login, POST /logout (pages) and
// POST/DELETE /api/v1/session (scripts and the browser test). A login sets
// the HttpOnly, SameSite=Strict session cookie; failures are throttled per
// (username, client address), username and address (429 with Retry-After
// while an attempt must wait; auth::LoginRateLimiter). The client address
// honours X-Forwarded-For from web.trusted_proxies only. Logins, failures,
// throttles and logouts go to the audit log (auth::LoginAudit).
// The login form carries a pre-session CSRF token (login_form_token.h) and
// `next` is only ever a same-site path (redirect_target.h).
#include <Poco/Net/NameValueCollection.h>

#include "auth/authenticator.h"
#include "auth/login_audit.h"
#include "auth/user_repository.h"
#include "http/http_error.h"
#include "http/json_fields.h"
#include "http/login_form_token.h"
#include "http/page_text.h"

#include "http/redirect_target.h"
#include "http/request_context.h"
#include "http/request_dispatcher.h"
#include "http/routes.h"
#include "http/session_cookie_writer.h"

namespace beacon::http {

namespace {

std::string clientAddress(const RequestContext& ctx) {
  return ctx.state.config.trusted_proxies.clientAddress(ctx.request);
}

auth::LoginResult attempt(RequestContext& ctx, const std::string& username, const std::string& password) {
  auth::UserRepository users(ctx.db().session());
  auth::LoginAudit audit(ctx.db().session(), ctx.isApi() ? "api" : "form");
  auth::LoginRateLimiter limiter = ctx.state.limiter(ctx.db().session());
  auth::SessionStore sessions = ctx.state.sessions(ctx.db().session());
  auth::Authenticator authenticator(users, ctx.state.hasher, limiter, sessions, &audit);
  return authenticator.login(username, password, clientAddress(ctx));
}

// Ends the request's session, if any, and writes the logout to the audit log.
void endSession(RequestContext& ctx) {
  Poco::Net::NameValueCollection cookies;
  ctx.request.getCookies(cookies);
  ctx.state.sessions(ctx.db().session()).destroy(cookies.get(kSessionCookie, ""));
  if (ctx.session && ctx.user) {
    auth::LoginAudit(ctx.db().session(), ctx.isApi() ? "api" : "form")
        .loggedOut(ctx.user->id, ctx.user->username, clientAddress(ctx));
  }
  setSessionCookie(ctx, "", 0);
}

void loginPage(RequestContext& ctx) {
  if (ctx.user) {
    ctx.redirect(sameSiteRedirect(ctx.query("next")));
    return;
  }
  kainjow::mustache::data d;
  d.set("next", sameSiteRedirect(ctx.query("next")));
  d.set("login_token", loginFormToken(ctx));
  ctx.sendPage(200, "login.html", d, pageWord("login", ctx.english()));
}

void loginSubmit(RequestContext& ctx) {
  requireLoginFormToken(ctx);
  const std::string username = ctx.formValue("username");
  const std::string next = sameSiteRedirect(ctx.formValue("next"));
  auto result = attempt(ctx, username, ctx.formValue("password"));
  if (!result.isOk()) {
    kainjow::mustache::data d;
    d.set("next", next);
    d.set("login_token", loginFormToken(ctx));
    d.set("username", username);
    d.set("error", result.message(ctx.english()));
    if (result.error == auth::LoginError::Throttled) {
      ctx.response.set("Retry-After", std::to_string(result.retry_after.count()));
    }
    ctx.sendPage(result.error == auth::LoginError::Throttled ? 429 : 401, "login.html", d,
                 pageWord("login", ctx.english()));
    return;
  }
  setSessionCookie(ctx, result.session->id, -1);
  ctx.redirect(next);
}

void logout(RequestContext& ctx) {
  ctx.form();  // checks the CSRF token
  endSession(ctx);
  ctx.redirect("/login");
}

void apiLogin(RequestContext& ctx) {
  JsonFields f(ctx.jsonBody());
  const std::string username = f.text("username");
  if (username.empty()) throw HttpError::invalid("username", "is required");
  auto result = attempt(ctx, username, f.text("password"));
  if (!result.isOk()) {
    if (result.error == auth::LoginError::Throttled) {
      ctx.response.set("Retry-After", std::to_string(result.retry_after.count()));
      throw HttpError(429, "too_many_attempts", result.message(ctx.english()));
    }
    throw HttpError(401, "bad_credentials", result.message(ctx.english()));
  }
  setSessionCookie(ctx, result.session->id, -1);
  Poco::JSON::Object::Ptr out = auth::toJson(*result.user);
  out->set("csrf_token", result.session->csrf_token);
  ctx.sendJson(200, out);
}

void apiLogout(RequestContext& ctx) {
  endSession(ctx);
  ctx.send(204, "application/json", "");
}

}  // namespace

void addSessionRoutes(Router& router) {
  router.add("GET", "/login", loginPage, Access::Public);
  router.add("POST", "/login", loginSubmit, Access::Public);
  router.add("POST", "/logout", logout);
  router.add("POST", "/api/v1/session", apiLogin, Access::Public);
  router.add("DELETE", "/api/v1/session", apiLogout);
}

}  // namespace beacon::http
