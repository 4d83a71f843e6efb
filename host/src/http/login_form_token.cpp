#include "http/login_form_token.h"

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/NameValueCollection.h>

#include "auth/constant_time.h"
#include "auth/secure_random.h"
#include "http/http_error.h"
#include "http/page_text.h"

namespace beacon::http {

namespace {

constexpr std::size_t kTokenBytes = 32;

std::string cookieToken(RequestContext& ctx) {
  Poco::Net::NameValueCollection cookies;
  ctx.request.getCookies(cookies);
  const std::string value = cookies.get(kLoginTokenCookie, "");
  std::string bytes;
  if (value.size() != 2 * kTokenBytes || !auth::fromHex(value, bytes)) return "";
  return value;
}

}  // namespace

std::string loginFormToken(RequestContext& ctx) {
  std::string token = cookieToken(ctx);
  if (!token.empty()) return token;
  token = auth::randomHex(kTokenBytes);
  Poco::Net::HTTPCookie cookie(kLoginTokenCookie, token);
  cookie.setPath("/login");
  cookie.setHttpOnly(true);
  cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
  cookie.setSecure(ctx.state.config.secure_cookies);
  ctx.response.addCookie(cookie);
  return token;
}

void requireLoginFormToken(RequestContext& ctx) {
  const std::string expected = cookieToken(ctx);
  const std::string given = ctx.formValue("csrf_token");
  if (expected.empty() || given.empty() || !auth::constantTimeEquals(expected, given)) {
    throw HttpError(403, "csrf_failed", pageWord("refuse_login_token_stale", ctx.english()));
  }
}

}  // namespace beacon::http
