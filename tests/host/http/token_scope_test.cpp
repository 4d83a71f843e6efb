// API token scopes and expiry, and the calendar feed's own key, over the
// socket: a read-only token is refused on every non-GET, an expired token is
// unauthenticated, a feed key opens its one feed and nothing else, and a
// rotated key stops working.
#include "auth/calendar_feed_store.h"
#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class TokenScopeTest : public WebFixture {
 protected:
  static std::string token(const std::string& username, auth::TokenScope scope,
                           const std::string& expires_at = "") {
    auto user = auth::UserRepository(app_->db().session()).findByUsername(username);
    return auth::ApiTokenStore(app_->db().session())
        .create(*user, "test", store::Actor{"test"}, {scope, expires_at})
        .secret;
  }
  static std::string feedKey(const std::string& username, const std::string& org_code) {
    auto user = auth::UserRepository(app_->db().session()).findByUsername(username);
    return auth::CalendarFeedStore(app_->db().session())
        .rotate(*user, orgId(org_code), store::Actor{"test"})
        .secret;
  }
  static Reply bearer(const std::string& method, const std::string& path, const std::string& secret,
                      const std::string& json = "") {
    return request(method, path, json, json.empty() ? "" : "application/json",
                   {{"Authorization", "Bearer " + secret}});
  }
  static constexpr const char* kDrill =
      R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-01","participants":20,)"
      R"("fields":{"hazard":"river"}})";
};

TEST_F(TokenScopeTest, ReadOnlyTokenReadsButIsRefusedOnEveryWrite) {
  const std::string read = token("village", auth::TokenScope::Read);
  EXPECT_EQ(bearer("GET", "/api/v1/me", read).status, 200);
  EXPECT_EQ(bearer("GET", "/api/v1/drills", read).status, 200);
  const int before = count("SELECT COUNT(*) FROM drills");
  Reply post = bearer("POST", "/api/v1/drills", read, kDrill);
  EXPECT_EQ(post.status, 403) << post.body;
  EXPECT_EQ(post.errorCode(), "insufficient_scope");
  EXPECT_EQ(bearer("DELETE", "/api/v1/session", read).status, 403);
  EXPECT_EQ(bearer("PATCH", "/api/v1/corrective-actions/1", read, R"({"status":"done"})").status,
            403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), before);

  const std::string write = token("village", auth::TokenScope::Write);
  EXPECT_EQ(bearer("POST", "/api/v1/drills", write, kDrill).status, 201);
}

TEST_F(TokenScopeTest, ExpiredTokenIsUnauthenticated) {
  const std::string expired = token("village", auth::TokenScope::Write, "2020-01-01T00:00:00Z");
  Reply r = bearer("GET", "/api/v1/me", expired);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.errorCode(), "unauthenticated");
  EXPECT_EQ(
      bearer("GET", "/api/v1/me", token("village", auth::TokenScope::Read, "2999-01-01T00:00:00Z"))
          .status,
      200);
}

TEST_F(TokenScopeTest, FeedKeyOpensItsOwnFeedOnly) {
  const std::string key = feedKey("village", "xinmi.chengguan.04");
  Reply feed = request("GET", "/calendar/xinmi.chengguan.04.ics?as_of=2023-12-31&key=" + key);
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_EQ(feed.body.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  // Not an API token, and no other route or feed accepts it.
  EXPECT_EQ(bearer("GET", "/api/v1/me", key).status, 401);
  EXPECT_EQ(request("GET", "/api/v1/me?key=" + key).status, 401);
  EXPECT_EQ(request("GET", "/calendar/xinmi.chengguan.ics?key=" + key).status, 404);
  EXPECT_EQ(request("GET", "/calendar/xinmi.micun.05.ics?key=" + key).status, 404);
  // An API token is refused in the URL, even a valid one.
  EXPECT_EQ(request("GET", "/calendar/xinmi.chengguan.04.ics?token=" +
                               token("village", auth::TokenScope::Read))
                .status,
            401);
}

TEST_F(TokenScopeTest, RotatedFeedKeyStopsWorking) {
  const std::string old_key = feedKey("town", "xinmi.chengguan");
  ASSERT_EQ(request("GET", "/calendar/xinmi.chengguan.ics?key=" + old_key).status, 200);
  const std::string new_key = feedKey("town", "xinmi.chengguan");
  EXPECT_EQ(request("GET", "/calendar/xinmi.chengguan.ics?key=" + old_key).status, 401);
  EXPECT_EQ(request("GET", "/calendar/xinmi.chengguan.ics?key=" + new_key).status, 200);
  EXPECT_EQ(request("GET", "/calendar/xinmi.chengguan.ics?key=bcf_bad").status, 401);
}

}  // namespace
}  // namespace beacon::http::testing
