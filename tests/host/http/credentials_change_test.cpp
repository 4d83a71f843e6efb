// A password change or reset, made through AccountService on its own
// database connection (as `beacon user passwd` does from another process)
// while the server runs: the user's old session cookie and API tokens stop
// working over the socket, unless the tokens were kept on purpose.
#include "host/http/web_fixture.h"
#include "store/database.h"

namespace beacon::http::testing {
namespace {

class CredentialsChangeTest : public WebFixture {
 protected:
  // A fresh village account per test, so tests do not share its sessions.
  static void addUser(const std::string& username) {
    auth::PasswordHasher hasher(1000);
    auto created =
        auth::AccountService(app_->db(), hasher)
            .create({username, username, "village_staff", "xinmi.chengguan.04", kPassword},
                    store::Actor{"test"});
    ASSERT_TRUE(created.isOk()) << created.status().describe();
  }
  // The CLI's path: its own connection to the database file.
  static auth::PasswordChange passwd(const std::string& username, const std::string& password,
                                     auth::TokenPolicy tokens) {
    store::Database cli(app_->databasePath());
    auth::PasswordHasher hasher(1000);
    auto changed = auth::AccountService(cli, hasher)
                       .changePassword(username, password, store::Actor{"cli"}, tokens);
    EXPECT_TRUE(changed.isOk()) << changed.status().describe();
    return changed.isOk() ? changed.value() : auth::PasswordChange{};
  }
  static Reply withToken(const std::string& method, const std::string& path,
                         const std::string& token, const std::string& json = "") {
    return request(method, path, json, json.empty() ? "" : "application/json",
                   {{"Authorization", "Bearer " + token}});
  }
  static Reply loginAs(const std::string& username, const std::string& password) {
    return request("POST", "/api/v1/session",
                   "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}",
                   "application/json");
  }
  static constexpr const char* kDrill =
      R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-01","participants":20,)"
      R"("fields":{"hazard":"river"}})";
};

TEST_F(CredentialsChangeTest, PasswordChangeEndsOldSessionsAndRevokesTokens) {
  addUser("rotator");
  Login old = login("rotator");
  const std::string token = apiToken("rotator");
  ASSERT_EQ(get(old, "/api/v1/me").status, 200);
  ASSERT_EQ(withToken("GET", "/api/v1/me", token).status, 200);
  ASSERT_EQ(send(old, "POST", "/api/v1/drills", kDrill).status, 201);

  EXPECT_EQ(passwd("rotator", "rotated-password-2", auth::TokenPolicy::Revoke).tokens_revoked, 1);

  EXPECT_EQ(get(old, "/api/v1/me").status, 401);
  EXPECT_EQ(send(old, "POST", "/api/v1/drills", kDrill).status, 401);
  Reply page = get(old, "/drills");
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.headers["Location"].rfind("/login", 0), 0u);
  EXPECT_EQ(withToken("GET", "/api/v1/me", token).status, 401);
  EXPECT_EQ(withToken("POST", "/api/v1/drills", token, kDrill).status, 401);

  EXPECT_EQ(loginAs("rotator", kPassword).status, 401);
  Reply fresh = loginAs("rotator", "rotated-password-2");
  ASSERT_EQ(fresh.status, 200) << fresh.body;
  EXPECT_EQ(
      request("GET", "/api/v1/me", "", "", {{"Cookie", "beacon_session=" + fresh.cookie}}).status,
      200);
}

TEST_F(CredentialsChangeTest, KeepTokensEndsSessionsOnly) {
  addUser("keeper");
  Login old = login("keeper");
  const std::string token = apiToken("keeper");
  ASSERT_EQ(get(old, "/api/v1/me").status, 200);

  EXPECT_EQ(passwd("keeper", "rotated-password-3", auth::TokenPolicy::Keep).tokens_revoked, 0);

  EXPECT_EQ(get(old, "/api/v1/me").status, 401);
  EXPECT_EQ(withToken("GET", "/api/v1/me", token).status, 200);
}

}  // namespace
}  // namespace beacon::http::testing
