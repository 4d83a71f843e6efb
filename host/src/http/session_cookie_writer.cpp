#include "http/session_cookie_writer.h"

#include <Poco/Net/HTTPCookie.h>

#include "http/request_dispatcher.h"

namespace beacon::http {

void setSessionCookie(RequestContext& ctx, const std::string& value, int max_age) {
  Poco::Net::HTTPCookie cookie(kSessionCookie, value);
  cookie.setPath("/");
  cookie.setHttpOnly(true);
  cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
  cookie.setSecure(ctx.state.config.secure_cookies);
  cookie.setMaxAge(max_age);
  ctx.response.addCookie(cookie);
}

}  // namespace beacon::http
