// 修改角色和所属单位 (POST /users/{id}/role, user_admin_pages.cpp; AccountService::changeRole)
// over a real socket: the administrator gives any role and organisation; township staff only
// within their subtree and never a role above their own (no 管理员, no city-wide account); a
// village or a viewer cannot; the account's sessions end; the audit entry holds the account
// before and after; a refusal names the field and writes nothing.
#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class UserRoleChangeTest : public WebFixture {
 protected:
  static std::string userId(const std::string& username) {
    return std::to_string(count("SELECT id FROM users WHERE username = '" + username + "'"));
  }
  static std::string addAccount(const std::string& username, const std::string& org) {
    Reply r = postForm(login("admin"), "/users/new",
                       {{"username", username},
                        {"display_name", "王五"},
                        {"role", "village_staff"},
                        {"org", org},
                        {"password", "initial-pass-1"}});
    EXPECT_EQ(r.status, 303) << r.body;
    return userId(username);
  }
  static Login loginAs(const std::string& username) {
    Reply r = request("POST", "/api/v1/session",
                      "{\"username\":\"" + username + "\",\"password\":\"initial-pass-1\"}",
                      "application/json");
    EXPECT_EQ(r.status, 200) << r.body;
    return {r.cookie, ""};
  }
  static int roleChanges(const std::string& id) {
    return count(
        "SELECT COUNT(*) FROM audit_log WHERE entity = 'user' AND action = 'set_role' AND "
        "entity_id = " +
        id);
  }
};

TEST_F(UserRoleChangeTest, TheAdministratorChangesRoleAndOrganisationAndTheSessionsEnd) {
  const std::string id = addAccount("rc-admin-made", "xinmi.chengguan.04");
  Login theirs = loginAs("rc-admin-made");
  ASSERT_EQ(get(theirs, "/api/v1/me").status, 200);

  Login admin = login("admin");
  Reply form = get(admin, "/users/" + id);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form, "id=\"role-form\"")) << form.body;
  EXPECT_TRUE(has(form, "action=\"/users/" + id + "/role\""));

  Reply changed =
      postForm(admin, "/users/" + id + "/role", {{"role", "org_staff"}, {"org", "xinmi.micun"}});
  ASSERT_EQ(changed.status, 303) << changed.body;
  EXPECT_EQ(changed.headers["Location"], "/users/" + id + "?done=role_changed");
  EXPECT_TRUE(has(get(admin, changed.headers["Location"]), "角色和所属单位已修改"));
  EXPECT_EQ(get(theirs, "/api/v1/me").status, 401) << "the session opened under the old role ended";
  EXPECT_EQ(count("SELECT org_id FROM users WHERE id = " + id), orgId("xinmi.micun"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE role = 'org_staff' AND id = " + id), 1);
  ASSERT_EQ(roleChanges(id), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'set_role' AND username = 'admin' "
                  "AND entity_id = " +
                  id + " AND before_json LIKE '%village_staff%' AND after_json LIKE '%org_staff%'"),
            1)
      << "before and after are in the audit entry";

  Login again = loginAs("rc-admin-made");
  Reply me = get(again, "/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_TRUE(has(me, "org_staff")) << me.body;

  Reply city_wide = postForm(admin, "/users/" + id + "/role", {{"role", "viewer"}, {"org", ""}});
  EXPECT_EQ(city_wide.status, 303) << "the administrator may make a city-wide viewer";
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM users WHERE org_id IS NULL AND role = 'viewer' AND id = " + id),
      1);
}

TEST_F(UserRoleChangeTest, ARefusedChangeNamesTheFieldAndWritesNothing) {
  const std::string id = addAccount("rc-refused", "xinmi.chengguan.04");
  Login admin = login("admin");
  Reply unknown =
      postForm(admin, "/users/" + id + "/role", {{"role", "chief"}, {"org", "xinmi.chengguan.04"}});
  ASSERT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_TRUE(has(unknown, "id=\"error-role\""));
  Reply no_org =
      postForm(admin, "/users/" + id + "/role", {{"role", "village_staff"}, {"org", ""}});
  ASSERT_EQ(no_org.status, 422) << no_org.body;
  EXPECT_TRUE(has(no_org, "id=\"error-org\""));
  Reply bad_org =
      postForm(admin, "/users/" + id + "/role", {{"role", "org_staff"}, {"org", "xinmi.nowhere"}});
  ASSERT_EQ(bad_org.status, 422);
  EXPECT_TRUE(has(bad_org, "id=\"error-org\""));
  EXPECT_EQ(roleChanges(id), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE role = 'village_staff' AND id = " + id), 1);
  EXPECT_EQ(
      postForm(admin, "/users/" + userId("admin") + "/role", {{"role", "viewer"}, {"org", ""}})
          .status,
      403)
      << "not their own account";
  EXPECT_EQ(postFormWithoutToken(admin, "/users/" + id + "/role", {{"role", "viewer"}, {"org", ""}})
                .status,
            403);
  EXPECT_EQ(roleChanges(id), 0);
}

TEST_F(UserRoleChangeTest, ATownshipChangesRolesInItsSubtreeOnlyAndNeverAboveItsOwn) {
  const std::string mine = addAccount("rc-town-own", "xinmi.chengguan.04");
  const std::string far = addAccount("rc-town-far", "xinmi.micun.05");
  Login town = login("town");
  Reply form = get(town, "/users/" + mine);
  ASSERT_EQ(form.status, 200);
  EXPECT_FALSE(has(form, "value=\"admin\"")) << "管理员 is not offered";
  EXPECT_FALSE(has(form, "value=\"xinmi.micun\"")) << "米村镇 is not offered";

  Reply ok = postForm(town, "/users/" + mine + "/role",
                      {{"role", "org_staff"}, {"org", "xinmi.chengguan"}});
  EXPECT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(roleChanges(mine), 1);
  EXPECT_EQ(
      postForm(town, "/users/" + mine + "/role", {{"role", "admin"}, {"org", "xinmi.chengguan"}})
          .status,
      403)
      << "never above their own role";
  EXPECT_EQ(postForm(town, "/users/" + mine + "/role",
                     {{"role", "village_staff"}, {"org", "xinmi.micun.05"}})
                .status,
            403)
      << "never into another township";
  Reply city_wide = postForm(town, "/users/" + mine + "/role", {{"role", "viewer"}, {"org", ""}});
  EXPECT_EQ(city_wide.status, 422) << "no city-wide account from a township";
  EXPECT_EQ(
      postForm(town, "/users/" + far + "/role", {{"role", "viewer"}, {"org", "xinmi.chengguan.04"}})
          .status,
      403)
      << "an account outside the subtree";
  EXPECT_EQ(postForm(town, "/users/" + userId("town") + "/role",
                     {{"role", "viewer"}, {"org", "xinmi.chengguan"}})
                .status,
            403)
      << "not themselves";
  EXPECT_EQ(roleChanges(mine), 1);
  EXPECT_EQ(roleChanges(far), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE role = 'org_staff' AND id = " + mine), 1);

  EXPECT_EQ(postForm(login("village"), "/users/" + mine + "/role",
                     {{"role", "viewer"}, {"org", "xinmi.chengguan.04"}})
                .status,
            403)
      << "a village cannot change roles";
  EXPECT_EQ(postForm(login("viewer"), "/users/" + mine + "/role",
                     {{"role", "viewer"}, {"org", "xinmi.chengguan.04"}})
                .status,
            403);
  EXPECT_EQ(roleChanges(mine), 1);
}

}  // namespace
}  // namespace beacon::http::testing
