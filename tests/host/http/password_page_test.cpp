// The 修改密码 page (password_page.cpp) over a real socket: the current
// password must be right, the new one typed twice and strong enough, each
// refusal naming its field in zh-CN and changing nothing; a change ends the
// user's other sessions and revokes their API tokens (as `beacon user passwd`
// does) while the browser that made it stays signed in, and is audited.
#include <Poco/URI.h>

#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class PasswordPageTest : public WebFixture {
 protected:
  static Reply change(const Login& who, const std::string& current, const std::string& fresh,
                      const std::string& again, const std::string& query = "") {
    return request("POST", "/account/password" + query,
                   formBody({{"csrf_token", who.csrf},
                             {"current_password", current},
                             {"new_password", fresh},
                             {"new_password_again", again}}),
                   "application/x-www-form-urlencoded", {{"Cookie", "beacon_session=" + who.cookie}});
  }
  static void addAccount(const std::string& username) {
    auth::PasswordHasher hasher(1000);
    auto created = auth::AccountService(app_->db(), hasher)
                       .create({username, username, "village_staff", "xinmi.chengguan.04", kPassword},
                               store::Actor{"test"});
    ASSERT_TRUE(created.isOk()) << created.status().describe();
  }
  static int loginStatus(const std::string& username, const std::string& password) {
    return request("POST", "/api/v1/session",
                   "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", "application/json")
        .status;
  }
};

TEST_F(PasswordPageTest, EachRefusalNamesItsFieldAndChangesNothing) {
  addAccount("pw-refused");
  Login me = login("pw-refused");
  Reply page = get(me, "/account/password");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(has(page, "id=\"password-form\""));
  EXPECT_TRUE(has(get(me, "/"), "id=\"nav-password\"")) << "every page's header links to it";

  Reply wrong = change(me, "not-my-password", "a-new-password-2", "a-new-password-2");
  ASSERT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_TRUE(has(wrong, "id=\"error-current_password\""));
  EXPECT_TRUE(has(wrong, "“当前密码”不正确。")) << wrong.body;
  EXPECT_FALSE(has(wrong, "a-new-password-2")) << "a password is never written back into the page";

  Reply differ = change(me, kPassword, "a-new-password-2", "a-new-password-3");
  ASSERT_EQ(differ.status, 422);
  EXPECT_TRUE(has(differ, "id=\"error-new_password_again\""));
  EXPECT_TRUE(has(differ, "“确认新密码”与新密码不一致。"));

  Reply weak = change(me, kPassword, "short", "short");
  ASSERT_EQ(weak.status, 422);
  EXPECT_TRUE(has(weak, "id=\"error-new_password\""));
  EXPECT_TRUE(has(weak, "“新密码”应至少有 8 个字符。")) << weak.body;

  Reply same_as_name = change(me, kPassword, "pw-refused", "pw-refused", "?lang=en");
  ASSERT_EQ(same_as_name.status, 422);
  EXPECT_TRUE(has(same_as_name, "“New password” must not be the username.")) << same_as_name.body;

  EXPECT_EQ(get(me, "/api/v1/me").status, 200) << "the session lives on";
  EXPECT_EQ(loginStatus("pw-refused", kPassword), 200) << "the password is unchanged";
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'set_password' AND username = 'pw-refused'"), 0);
}

TEST_F(PasswordPageTest, AChangeEndsTheOtherSessionsAndTokensButNotThisBrowsers) {
  addAccount("pw-change");
  Login here = login("pw-change");
  Login phone = login("pw-change");
  const std::string token = apiToken("pw-change");
  ASSERT_EQ(request("GET", "/api/v1/me", "", "", {{"Authorization", "Bearer " + token}}).status, 200);

  Reply done = change(here, kPassword, "a-new-password-9", "a-new-password-9");
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.headers["Location"], "/account/password?done=1");
  ASSERT_FALSE(done.cookie.empty()) << "this browser gets a fresh session";
  EXPECT_NE(done.cookie, here.cookie);

  Login fresh{done.cookie, ""};
  Reply notice = get(fresh, "/account/password?done=1");
  ASSERT_EQ(notice.status, 200) << notice.body;
  EXPECT_TRUE(has(notice, "id=\"password-changed\""));
  EXPECT_TRUE(has(notice, "密码已修改。"));
  EXPECT_EQ(get(phone, "/api/v1/me").status, 401) << "the other session ended";
  EXPECT_EQ(get(here, "/api/v1/me").status, 401) << "the old cookie of this browser too";
  EXPECT_EQ(request("GET", "/api/v1/me", "", "", {{"Authorization", "Bearer " + token}}).status, 401)
      << "the API token is revoked";
  EXPECT_EQ(loginStatus("pw-change", kPassword), 401);
  EXPECT_EQ(loginStatus("pw-change", "a-new-password-9"), 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'set_password' AND entity = 'user' AND "
                  "username = 'pw-change'"),
            1);
}

TEST_F(PasswordPageTest, TheFormNeedsItsCsrfToken) {
  addAccount("pw-csrf");
  Login me = login("pw-csrf");
  Reply forged = request("POST", "/account/password",
                         formBody({{"current_password", kPassword},
                                   {"new_password", "a-new-password-5"},
                                   {"new_password_again", "a-new-password-5"}}),
                         "application/x-www-form-urlencoded", {{"Cookie", "beacon_session=" + me.cookie}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(loginStatus("pw-csrf", kPassword), 200);
}

}  // namespace
}  // namespace beacon::http::testing
