// Sets the web app's session cookie on a response: beacon_session, Path=/,
// HttpOnly, SameSite=Strict, Secure when web.secure_cookies is on. Used by
// login and logout (session_routes.cpp) and by the password page, which
// opens a fresh session for the browser that changed the password. Stateless.
#pragma once

#include <string>

#include "http/request_context.h"

namespace beacon::http {

// `max_age` -1: until the browser closes; 0: removes the cookie.
void setSessionCookie(RequestContext& ctx, const std::string& value, int max_age);

}  // namespace beacon::http
