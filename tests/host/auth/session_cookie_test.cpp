#include "auth/session_cookie.h"

#include <gtest/gtest.h>

namespace beacon::auth {
namespace {

TEST(SessionCookie, HttpOnlySameSiteLaxNoMaxAge) {
  SessionStore store;
  User u;
  u.id = 7;
  Session s = store.create(u, "ip");
  const std::string header = sessionCookie(s, false).toString();
  EXPECT_EQ(header.rfind("beacon_session=" + s.id, 0), 0u) << header;
  EXPECT_NE(header.find("; path=/"), std::string::npos) << header;
  EXPECT_NE(header.find("; HttpOnly"), std::string::npos) << header;
  EXPECT_NE(header.find("; SameSite=Lax"), std::string::npos) << header;
  EXPECT_EQ(header.find("expires"), std::string::npos) << header;
  EXPECT_EQ(header.find("secure"), std::string::npos) << header;
  EXPECT_NE(sessionCookie(s, true).toString().find("; secure"), std::string::npos);
  EXPECT_EQ(header.find(s.csrf_token), std::string::npos);
}

TEST(SessionCookie, ClearedCookieExpiresAtOnce) {
  const std::string header = clearedSessionCookie(false).toString();
  EXPECT_EQ(header.rfind("beacon_session=;", 0), 0u) << header;
  EXPECT_NE(header.find("expires="), std::string::npos) << header;
  EXPECT_NE(header.find("; HttpOnly"), std::string::npos) << header;
}

TEST(SessionCookie, ReadsTheIdFromRequestCookies) {
  Poco::Net::NameValueCollection cookies;
  EXPECT_FALSE(sessionIdFrom(cookies));
  cookies.add("other", "x");
  cookies.add(kSessionCookieName, "abc");
  EXPECT_EQ(sessionIdFrom(cookies).value_or(""), "abc");
  Poco::Net::NameValueCollection empty;
  empty.add(kSessionCookieName, "");
  EXPECT_FALSE(sessionIdFrom(empty));
}

}  // namespace
}  // namespace beacon::auth
