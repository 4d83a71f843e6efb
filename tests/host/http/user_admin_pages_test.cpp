// User administration pages (user_admin_pages.cpp) over a real socket: the
// administrator manages every account but their own; township staff the
// accounts of their subtree, never an administrator, never outside it (403,
// nothing written); adding names a refused field in zh-CN and keeps what was
// typed (not the password); disabling and resetting end the account's
// sessions (a reset also its API tokens), and every change is audited.
#include <Poco/URI.h>

#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class UserAdminPagesTest : public WebFixture {
 protected:
  static std::string userId(const std::string& username) {
    return std::to_string(count("SELECT id FROM users WHERE username = '" + username + "'"));
  }
  static std::map<std::string, std::string> account(const std::string& username, const std::string& org) {
    return {{"username", username}, {"display_name", "张三"}, {"role", "village_staff"}, {"org", org},
            {"password", "initial-pass-1"}};
  }
  static int loginStatus(const std::string& username, const std::string& password) {
    return request("POST", "/api/v1/session",
                   "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", "application/json")
        .status;
  }
};

TEST_F(UserAdminPagesTest, ATownshipManagesTheAccountsOfItsSubtreeOnly) {
  Login town = login("town");
  Reply list = get(town, "/users");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_TRUE(has(list, "id=\"user-village\"")) << "the township's village account";
  EXPECT_FALSE(has(list, "id=\"user-other\"")) << "米村镇's account is not the township's";
  EXPECT_FALSE(has(list, "id=\"user-admin\""));
  EXPECT_FALSE(has(list, "id=\"user-town\"")) << "not itself";

  Reply added = postForm(town, "/users/new", account("ua-village", "xinmi.chengguan.04"));
  ASSERT_EQ(added.status, 303) << added.body;
  const std::string id = userId("ua-village");
  EXPECT_EQ(added.headers["Location"], "/users/" + id + "?done=user_added");
  EXPECT_EQ(loginStatus("ua-village", "initial-pass-1"), 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'user' AND username = 'town' AND entity_id = " + id),
            1);
  EXPECT_TRUE(has(get(town, added.headers["Location"]), "用户已添加。"));

  EXPECT_EQ(postForm(town, "/users/new", account("ua-far", "xinmi.micun.05")).status, 403);
  auto admin_account = account("ua-admin", "xinmi.chengguan");
  admin_account["role"] = "admin";
  EXPECT_EQ(postForm(town, "/users/new", admin_account).status, 403);
  auto city_wide = account("ua-city", "");
  city_wide["role"] = "viewer";
  Reply no_org = postForm(town, "/users/new", city_wide);
  EXPECT_EQ(no_org.status, 422) << "staff add no city-wide account";
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE username IN ('ua-far', 'ua-admin', 'ua-city')"), 0);
  EXPECT_EQ(get(town, "/users/" + userId("other")).status, 403);
  EXPECT_EQ(get(town, "/users/" + userId("admin")).status, 403);
  EXPECT_EQ(postForm(town, "/users/" + userId("other") + "/disabled", {{"disabled", "1"}}).status, 403);
  EXPECT_EQ(loginStatus("other", kPassword), 200);
  EXPECT_EQ(get(login("village"), "/users").status, 403);
  EXPECT_EQ(get(login("viewer"), "/users/new").status, 403);
}

TEST_F(UserAdminPagesTest, ARefusedAccountNamesTheFieldAndKeepsWhatWasTyped) {
  Login admin = login("admin");
  auto taken = account("village", "xinmi.chengguan.04");
  taken["display_name"] = "李四";
  Reply exists = postForm(admin, "/users/new", taken);
  ASSERT_EQ(exists.status, 422) << exists.body;
  EXPECT_TRUE(has(exists, "id=\"error-username\""));
  EXPECT_TRUE(has(exists, "“用户名”：“village”已存在。")) << exists.body;
  EXPECT_TRUE(has(exists, "value=\"李四\"")) << "the name typed comes back";
  EXPECT_FALSE(has(exists, "initial-pass-1")) << "never the password";
  auto weak = account("ua-weak", "xinmi.chengguan.04");
  weak["password"] = "short";
  Reply short_password = postForm(admin, "/users/new", weak);
  ASSERT_EQ(short_password.status, 422);
  EXPECT_TRUE(has(short_password, "“密码”应至少有 8 个字符。")) << short_password.body;
  auto bad_name = account("Ua Bad", "xinmi.chengguan.04");
  Reply invalid = postForm(admin, "/users/new", bad_name);
  ASSERT_EQ(invalid.status, 422);
  EXPECT_TRUE(has(invalid, "id=\"error-username\""));
  EXPECT_TRUE(has(invalid, "不符合要求")) << invalid.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE username IN ('ua-weak', 'Ua Bad', 'ua bad')"), 0);
}

TEST_F(UserAdminPagesTest, DisablingAndResettingEndTheAccountsSessions) {
  Login admin = login("admin");
  ASSERT_EQ(postForm(admin, "/users/new", account("ua-reset", "xinmi.chengguan.04")).status, 303);
  const std::string id = userId("ua-reset");
  Reply session = request("POST", "/api/v1/session", R"({"username":"ua-reset","password":"initial-pass-1"})",
                          "application/json");
  ASSERT_EQ(session.status, 200);
  Login theirs{session.cookie, ""};

  Reply disabled = postForm(admin, "/users/" + id + "/disabled", {{"disabled", "1"}});
  ASSERT_EQ(disabled.status, 303) << disabled.body;
  EXPECT_EQ(get(theirs, "/api/v1/me").status, 401) << "the disabled account's session ended";
  EXPECT_EQ(loginStatus("ua-reset", "initial-pass-1"), 401);
  EXPECT_TRUE(has(get(admin, "/users/" + id + "?done=user_disabled"), "账号已停用"));
  ASSERT_EQ(postForm(admin, "/users/" + id + "/disabled", {{"disabled", "0"}}).status, 303);
  EXPECT_EQ(loginStatus("ua-reset", "initial-pass-1"), 200);

  Reply weak = postForm(admin, "/users/" + id + "/password", {{"password", "short"}});
  ASSERT_EQ(weak.status, 422);
  EXPECT_TRUE(has(weak, "id=\"error-password\""));
  Reply reset = postForm(admin, "/users/" + id + "/password", {{"password", "reset-pass-22"}});
  ASSERT_EQ(reset.status, 303) << reset.body;
  EXPECT_EQ(loginStatus("ua-reset", "initial-pass-1"), 401);
  EXPECT_EQ(loginStatus("ua-reset", "reset-pass-22"), 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'user' AND username = 'admin' AND action IN "
                  "('disable', 'enable', 'set_password') AND entity_id = " + id),
            3);
  EXPECT_EQ(get(admin, "/users/" + userId("admin")).status, 403) << "their own account is /account/password";
}

}  // namespace
}  // namespace beacon::http::testing
