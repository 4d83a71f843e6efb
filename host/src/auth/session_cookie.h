// The session cookie the web app sets at login and clears at logout:
// name "beacon_session", HttpOnly (scripts cannot read it), SameSite=Lax
// (not sent on cross-site form posts; following a link into Beacon still
// works), Path=/, Secure when the site is served over HTTPS, and no
// Max-Age, so the browser drops it when closed; the server-side
// SessionStore enforces the idle and absolute limits. Stateless; thread-safe.
#pragma once

#include <optional>
#include <string>

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/NameValueCollection.h>

#include "auth/session_store.h"

namespace beacon::auth {

inline constexpr const char* kSessionCookieName = "beacon_session";

Poco::Net::HTTPCookie sessionCookie(const Session& session, bool secure);
// A cookie that replaces the session cookie and expires at once.
Poco::Net::HTTPCookie clearedSessionCookie(bool secure);
// The session id from a request's cookies (HTTPRequest::getCookies), if present.
std::optional<std::string> sessionIdFrom(const Poco::Net::NameValueCollection& cookies);

}  // namespace beacon::auth
