// Login and logout: GET/POST /login, POST /logout (pages) and
// POST/DELETE /api/v1/session (scripts and the browser test). A login sets
// the HttpOnly, SameSite=Strict session cookie; failures are rate-limited by
// username and address (429 while locked out). The login form carries a
// pre-session CSRF token (login_form_token.h) and `next` is only ever a
// same-site path (redirect_target.h).
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/NameValueCollection.h>

#include "auth/authenticator.h"
#include "http/http_error.h"
#include "http/json_fields.h"
#include "http/login_form_token.h"
#include "http/redirect_target.h"
#include "http/request_context.h"
#include "http/request_dispatcher.h"
#include "http/routes.h"
#include "store/user_repository.h"

namespace beacon::http {

namespace {

void setSessionCookie(RequestContext& ctx, const std::string& value, int max_age) {
  Poco::Net::HTTPCookie cookie(kSessionCookie, value);
  cookie.setPath("/");
  cookie.setHttpOnly(true);
  cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
  cookie.setSecure(ctx.state.config.secure_cookies);
  cookie.setMaxAge(max_age);
  ctx.response.addCookie(cookie);
}

auth::LoginResult attempt(RequestContext& ctx, const std::string& username, const std::string& password) {
  store::UserRepository users(ctx.db().session());
  auth::Authenticator authenticator(users, ctx.state.hasher, ctx.state.limiter, ctx.state.sessions);
  return authenticator.login(username, password, ctx.request.clientAddress().host().toString());
}

void loginPage(RequestContext& ctx) {
  if (ctx.user) {
    ctx.redirect(sameSiteRedirect(ctx.query("next")));
    return;
  }
  kainjow::mustache::data d;
  d.set("next", sameSiteRedirect(ctx.query("next")));
  d.set("login_token", loginFormToken(ctx));
  ctx.sendPage(200, "login.html", d, ctx.english() ? "Log in" : "登录");
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
    if (result.error == auth::LoginError::LockedOut) {
      ctx.response.set("Retry-After", std::to_string(result.retry_after.count()));
    }
    ctx.sendPage(result.error == auth::LoginError::LockedOut ? 429 : 401, "login.html", d,
                 ctx.english() ? "Log in" : "登录");
    return;
  }
  setSessionCookie(ctx, result.session->id, -1);
  ctx.redirect(next);
}

void logout(RequestContext& ctx) {
  ctx.form();  // checks the CSRF token
  Poco::Net::NameValueCollection cookies;
  ctx.request.getCookies(cookies);
  ctx.state.sessions.destroy(cookies.get(kSessionCookie, ""));
  setSessionCookie(ctx, "", 0);
  ctx.redirect("/login");
}

void apiLogin(RequestContext& ctx) {
  JsonFields f(ctx.jsonBody());
  const std::string username = f.text("username");
  if (username.empty()) throw HttpError::invalid("username", "is required");
  auto result = attempt(ctx, username, f.text("password"));
  if (!result.isOk()) {
    if (result.error == auth::LoginError::LockedOut) {
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
  Poco::Net::NameValueCollection cookies;
  ctx.request.getCookies(cookies);
  ctx.state.sessions.destroy(cookies.get(kSessionCookie, ""));
  setSessionCookie(ctx, "", 0);
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
