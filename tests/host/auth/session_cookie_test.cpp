#include "auth/session_cookie.h"

#include <gtest/gtest.h>

#include "auth/session_store.h"
#include "auth_fixture.h"

namespace beacon::auth {
namespace {

class SessionCookie : public testing::AuthFixture {};

TEST_F(SessionCookie, HttpOnlySameSiteLaxNoMaxAge) {
  SessionStore store(db_.session());
  Session s = store.create(user("li.ming", Role::Viewer, 0), "ip");
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

TEST_F(SessionCookie, ClearedCookieExpiresAtOnce) {
  const std::string header = clearedSessionCookie(false).toString();
  EXPECT_EQ(header.rfind("beacon_session=;", 0), 0u) << header;
  EXPECT_NE(header.find("expires="), std::string::npos) << header;
  EXPECT_NE(header.find("; HttpOnly"), std::string::npos) << header;
}

TEST_F(SessionCookie, ReadsTheIdFromRequestCookies) {
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
