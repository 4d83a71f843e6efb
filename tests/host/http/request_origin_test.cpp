// Where requests may come from and go to (issue 9, item 8): the login form's
// `next` stays on this site; a state-changing request from another site's
// page (Origin, or Referer without Origin) is refused 403 unless it carries
// a bearer token; the login form needs its pre-session CSRF token; a form's
// CSRF token is read from the body or the X-CSRF-Token header, never from
// the query string.
#include <gtest/gtest.h>

#include "http/origin_check.h"
#include "http/redirect_target.h"
#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

class RequestOriginTest : public WebFixture {
 protected:
  static std::string host() { return "127.0.0.1:" + std::to_string(server_->port()); }
  static std::string drillBody() {
    return R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-01","fields":{"hazard":"river"}})";
  }
  static Reply postLogin(const LoginForm& form, const std::string& token, const std::string& next,
                         std::map<std::string, std::string> headers = {}) {
    if (!form.cookie.empty()) headers["Cookie"] = form.cookieHeader();
    std::string encoded;
    Poco::URI::encode(next, "&=+;?#%", encoded);
    return request(
        "POST", "/login",
        "csrf_token=" + token + "&username=viewer&password=" + kPassword + "&next=" + encoded,
        "application/x-www-form-urlencoded", headers);
  }
};

TEST(RedirectTargetTest, OnlyPlainSameSitePathsPass) {
  EXPECT_EQ(sameSiteRedirect("/drills?org=x"), "/drills?org=x");
  EXPECT_EQ(sameSiteRedirect("/"), "/");
  for (const std::string bad :
       {"", "drills", "//evil.example", "/\\evil.example", "\\\\evil.example", "/\t/evil.example",
        "/\n/evil.example", "/\r/evil.example", "/x\x7f", "https://evil.example/", "/%09/x\\y"}) {
    EXPECT_EQ(sameSiteRedirect(bad), "/") << bad;
  }
}

TEST(OriginCheckTest, ComparesAuthorityWithTheHostHeader) {
  EXPECT_TRUE(sameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080"));
  EXPECT_TRUE(sameOrigin("https://Beacon.Example", "beacon.example"));
  EXPECT_TRUE(sameOrigin("https://beacon.example", "beacon.example:443"));
  EXPECT_TRUE(
      sameOrigin("http://beacon.example/drills/new?domain=flood", "beacon.example"));  // a Referer
  EXPECT_FALSE(sameOrigin("http://evil.example", "beacon.example"));
  EXPECT_FALSE(sameOrigin("http://beacon.example:8081", "beacon.example:8080"));
  EXPECT_FALSE(sameOrigin("http://beacon.example.evil.example", "beacon.example"));
  EXPECT_FALSE(sameOrigin("null", "beacon.example"));
  EXPECT_FALSE(sameOrigin("file:///etc/passwd", "beacon.example"));
  EXPECT_FALSE(sameOrigin("http://beacon.example", ""));
  EXPECT_FALSE(sameOrigin("http://beacon.example", "beacon.example/evil"));
}

TEST_F(RequestOriginTest, LoginNextThatBrowsersReadAsAnotherSiteBecomesRoot) {
  Login viewer = login("viewer");
  for (const std::string next : {"%2F%09%2Fevil.example", "/%09/evil.example", "/%5Cevil.example",
                                 "//evil.example", "%2F%0A%2Fevil.example"}) {
    Reply r = get(viewer, "/login?next=" + next);
    EXPECT_EQ(r.status, 303) << next;
    EXPECT_EQ(r.headers["Location"], "/") << next;
  }
  Reply ok = get(viewer, "/login?next=%2Fdrills%3Forg%3Dxinmi.chengguan");
  EXPECT_EQ(ok.headers["Location"], "/drills?org=xinmi.chengguan");

  // The form's hidden next is filtered the same way, and so is what it posts.
  Reply page = request("GET", "/login?next=/%09/evil.example");
  EXPECT_NE(page.body.find("name=\"next\" value=\"/\""), std::string::npos) << page.body;
  const LoginForm form = loginForm();
  Reply posted = postLogin(form, form.token, "/\t/evil.example");
  ASSERT_EQ(posted.status, 303) << posted.body;
  EXPECT_EQ(posted.headers["Location"], "/");
}

TEST_F(RequestOriginTest, LoginFormNeedsItsPreSessionToken) {
  const LoginForm form = loginForm();
  ASSERT_EQ(form.cookie.size(), 64u);
  EXPECT_EQ(form.token, form.cookie);
  // The login page's cookie: HttpOnly, SameSite=Strict, only for /login.
  Reply page = request("GET", "/login");
  EXPECT_NE(page.headers["Set-Cookie"].find("HttpOnly"), std::string::npos)
      << page.headers["Set-Cookie"];
  EXPECT_NE(page.headers["Set-Cookie"].find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(page.headers["Set-Cookie"].find("ath=/login"), std::string::npos);

  Reply no_token = postLogin(LoginForm{}, "", "/");
  EXPECT_EQ(no_token.status, 403);
  EXPECT_TRUE(no_token.cookie.empty());
  Reply no_cookie = postLogin(LoginForm{}, form.token, "/");
  EXPECT_EQ(no_cookie.status, 403);
  EXPECT_TRUE(no_cookie.cookie.empty());
  Reply other_token = postLogin(form, std::string(64, 'a'), "/");
  EXPECT_EQ(other_token.status, 403);
  EXPECT_TRUE(other_token.cookie.empty());
  // Only from the body: the query string's token is not read.
  Reply in_query = request("POST", "/login?csrf_token=" + form.token,
                           std::string("username=viewer&password=") + kPassword,
                           "application/x-www-form-urlencoded", {{"Cookie", form.cookieHeader()}});
  EXPECT_EQ(in_query.status, 403);
  EXPECT_TRUE(in_query.cookie.empty());

  Reply ok = postLogin(form, form.token, "/drills");
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(ok.headers["Location"], "/drills");
  EXPECT_FALSE(ok.cookie.empty());
}

TEST_F(RequestOriginTest, LoginFromAnotherSiteIsRefused) {
  const LoginForm form = loginForm();
  Reply foreign = postLogin(form, form.token, "/", {{"Origin", "http://evil.example"}});
  EXPECT_EQ(foreign.status, 403);
  EXPECT_TRUE(foreign.cookie.empty());
  Reply by_referer =
      postLogin(form, form.token, "/", {{"Referer", "http://evil.example/login-trap.html"}});
  EXPECT_EQ(by_referer.status, 403);
  EXPECT_TRUE(by_referer.cookie.empty());
  Reply api = request("POST", "/api/v1/session",
                      std::string(R"({"username":"viewer","password":")") + kPassword + "\"}",
                      "text/plain", {{"Origin", "http://evil.example"}});
  EXPECT_EQ(api.status, 403);
  EXPECT_EQ(api.errorCode(), "cross_origin");
  EXPECT_TRUE(api.cookie.empty());

  Reply same = postLogin(form, form.token, "/", {{"Origin", "http://" + host()}});
  EXPECT_EQ(same.status, 303) << same.body;
  EXPECT_FALSE(same.cookie.empty());
}

TEST_F(RequestOriginTest, CookieWritesFromAnotherSiteAreRefusedBearerWritesAreNot) {
  Login village = login("village");
  const int before = count("SELECT COUNT(*) FROM drills");
  Reply foreign = request("POST", "/api/v1/drills", drillBody(), "application/json",
                          {{"Cookie", "beacon_session=" + village.cookie},
                           {"X-CSRF-Token", village.csrf},
                           {"Origin", "https://evil.example"}});
  EXPECT_EQ(foreign.status, 403);
  EXPECT_EQ(foreign.errorCode(), "cross_origin");
  Reply page_form = request(
      "POST", "/logout", "csrf_token=" + village.csrf, "application/x-www-form-urlencoded",
      {{"Cookie", "beacon_session=" + village.cookie}, {"Referer", "http://evil.example/"}});
  EXPECT_EQ(page_form.status, 403);
  EXPECT_EQ(get(village, "/api/v1/me").status, 200);  // still logged in
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), before);

  Reply same = request("POST", "/api/v1/drills", drillBody(), "application/json",
                       {{"Cookie", "beacon_session=" + village.cookie},
                        {"X-CSRF-Token", village.csrf},
                        {"Origin", "http://" + host()}});
  EXPECT_EQ(same.status, 201) << same.body;
  Reply bearer = request(
      "POST", "/api/v1/drills", drillBody(), "application/json",
      {{"Authorization", "Bearer " + apiToken("village")}, {"Origin", "https://evil.example"}});
  EXPECT_EQ(bearer.status, 201) << bearer.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), before + 2);
  // Reads are not state-changing: a foreign Origin on a GET is answered.
  EXPECT_EQ(
      request("GET", "/api/v1/me", "", "",
              {{"Cookie", "beacon_session=" + village.cookie}, {"Origin", "https://evil.example"}})
          .status,
      200);
}

TEST_F(RequestOriginTest, FormCsrfTokenIsTakenFromTheBodyOrHeaderNeverTheQuery) {
  Login village = login("village");
  Reply in_query =
      request("POST", "/logout?csrf_token=" + village.csrf, "", "application/x-www-form-urlencoded",
              {{"Cookie", "beacon_session=" + village.cookie}});
  EXPECT_EQ(in_query.status, 403);
  EXPECT_EQ(get(village, "/api/v1/me").status, 200);
  // A query token does not override a wrong body token either.
  Reply both = request("POST", "/logout?csrf_token=" + village.csrf, "csrf_token=wrong",
                       "application/x-www-form-urlencoded",
                       {{"Cookie", "beacon_session=" + village.cookie}});
  EXPECT_EQ(both.status, 403);
  EXPECT_EQ(get(village, "/api/v1/me").status, 200);

  Reply header =
      request("POST", "/logout", "", "application/x-www-form-urlencoded",
              {{"Cookie", "beacon_session=" + village.cookie}, {"X-CSRF-Token", village.csrf}});
  EXPECT_EQ(header.status, 303);
  EXPECT_EQ(get(village, "/api/v1/me").status, 401);
  Login again = login("village");
  Reply body =
      request("POST", "/logout", "csrf_token=" + again.csrf, "application/x-www-form-urlencoded",
              {{"Cookie", "beacon_session=" + again.cookie}});
  EXPECT_EQ(body.status, 303);
  EXPECT_EQ(get(again, "/api/v1/me").status, 401);
}

}  // namespace
}  // namespace beacon::http::testing
