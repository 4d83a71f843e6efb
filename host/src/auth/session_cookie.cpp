#include "auth/session_cookie.h"

namespace beacon::auth {

namespace {
Poco::Net::HTTPCookie baseCookie(const std::string& value, bool secure) {
  Poco::Net::HTTPCookie c(kSessionCookieName, value);
  c.setPath("/");
  c.setHttpOnly(true);
  c.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_LAX);
  c.setSecure(secure);
  return c;
}
}  // namespace

Poco::Net::HTTPCookie sessionCookie(const Session& session, bool secure) { return baseCookie(session.id, secure); }

Poco::Net::HTTPCookie clearedSessionCookie(bool secure) {
  Poco::Net::HTTPCookie c = baseCookie("", secure);
  c.setMaxAge(0);
  return c;
}

std::optional<std::string> sessionIdFrom(const Poco::Net::NameValueCollection& cookies) {
  auto it = cookies.find(kSessionCookieName);
  if (it == cookies.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

}  // namespace beacon::auth
