// The login form's CSRF token before there is a session (double submit):
// GET /login sets a random value in the HttpOnly, SameSite=Strict cookie
// beacon_login (path /login) and puts the same value in the form's hidden
// csrf_token field; POST /login is refused unless the body's csrf_token
// equals the cookie. A foreign page can neither read the value nor make the
// browser send the cookie, so it cannot log the browser in to an account
// of its choosing (login CSRF). Per request; not shared.
#pragma once

#include <string>

#include "http/request_context.h"

namespace beacon::http {

inline constexpr const char* kLoginTokenCookie = "beacon_login";

// The token for the login form being rendered: the browser's cookie when it
// holds a well-formed one, otherwise a new one, set on the response.
std::string loginFormToken(RequestContext& ctx);

// Throws HttpError 403 csrf_failed unless the form body's csrf_token equals
// the beacon_login cookie.
void requireLoginFormToken(RequestContext& ctx);

}  // namespace beacon::http
