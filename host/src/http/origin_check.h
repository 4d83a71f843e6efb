// The Origin check against cross-site request forgery: a state-changing
// request (any method but GET, HEAD and OPTIONS) that a browser may have sent
// on its own (session cookie, the login form, any request without a bearer
// token) must come from a page of this site. The site is the request's Host
// header (what the browser addressed, also behind a reverse proxy that passes
// Host on); the page is the Origin header, or the Referer when there is no
// Origin. A request with neither (scripts, curl) is let through: the CSRF
// token still guards session writes. Pure functions; thread-safe.
#pragma once

#include <string>

#include "http/request_context.h"

namespace beacon::http {

// True when `origin` (an Origin value "scheme://host[:port]" or a full
// Referer URL) names the authority `host` (a Host header "host[:port]").
// Host names compare case-insensitively; a default port (80 for http, 443
// for https) equals no port. "null" and anything unparsable are foreign.
bool sameOrigin(const std::string& origin, const std::string& host);

// Throws HttpError 403 "cross_origin" when `ctx` is a state-changing request
// whose Origin (or Referer) is foreign. REQUIRES: the caller exempts requests
// authenticated by a bearer token.
void requireSameOrigin(RequestContext& ctx);

}  // namespace beacon::http
