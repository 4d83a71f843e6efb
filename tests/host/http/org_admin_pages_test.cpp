// Organisation administration pages (org_admin_pages.cpp) over a real
// socket: who may add, edit and move (the administrator everywhere, township
// staff below their own organisation, nobody else: 403 and nothing written),
// the tree rules as refusals naming their field in zh-CN with what was typed
// kept, and every change in the audit log. The dashboard's organisations are kept between
// organisation writes (http/kept_organisations.h): one added or renamed is on the next dashboard.
#include <Poco/URI.h>

#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class OrgAdminPagesTest : public WebFixture {
 protected:
  static std::string id(const std::string& code) { return std::to_string(orgId(code)); }
  static std::map<std::string, std::string> village(const std::string& code, const std::string& parent) {
    return {{"code", code}, {"name", "新建村" + code.substr(code.size() - 2)}, {"kind", "village"},
            {"parent_id", id(parent)}};
  }
  static int orgs(const std::string& code) {
    return count("SELECT COUNT(*) FROM organisations WHERE code = '" + code + "'");
  }
  static std::string parentOf(const std::string& code) {
    return std::to_string(count("SELECT parent_id FROM organisations WHERE code = '" + code + "'"));
  }
};

TEST_F(OrgAdminPagesTest, ATownshipAddsAndEditsBelowItselfOnly) {
  Login town = login("town");
  Reply form = get(town, "/organisations/new");
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(has(form, "value=\"" + id("xinmi.chengguan") + "\" selected")) << "its own organisation first";
  EXPECT_FALSE(has(form, "value=\"" + id("xinmi.micun") + "\"")) << "another township is not offered";
  EXPECT_TRUE(has(get(town, "/organisations"), "id=\"new-org\""));

  Reply added = postForm(town, "/organisations/new", village("xinmi.chengguan.t1", "xinmi.chengguan"));
  ASSERT_EQ(added.status, 303) << added.body;
  const std::string new_id = id("xinmi.chengguan.t1");
  EXPECT_EQ(added.headers["Location"], "/organisations/" + new_id + "/edit?done=1");
  EXPECT_EQ(parentOf("xinmi.chengguan.t1"), id("xinmi.chengguan"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'organisation' AND action = 'create' AND "
                  "username = 'town' AND entity_id = " + new_id),
            1);
  Reply saved = get(town, added.headers["Location"]);
  EXPECT_TRUE(has(saved, "id=\"org-saved\"")) << saved.body;
  EXPECT_TRUE(has(saved, "单位已保存。"));

  Reply renamed = postForm(town, "/organisations/" + new_id + "/edit",
                           {{"name", "新建村（更名）"}, {"kind", "village"}, {"parent_id", id("xinmi.chengguan")}});
  ASSERT_EQ(renamed.status, 303) << renamed.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM organisations WHERE name = '新建村（更名）' AND id = " + new_id), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'organisation' AND action = 'update' AND "
                  "username = 'town' AND entity_id = " + new_id),
            1);

  // Outside its subtree, or its own place in the tree: 403, nothing written.
  EXPECT_EQ(postForm(town, "/organisations/new", village("xinmi.chengguan.t2", "xinmi.micun")).status, 403);
  EXPECT_EQ(orgs("xinmi.chengguan.t2"), 0);
  EXPECT_EQ(postForm(town, "/organisations/" + new_id + "/edit",
                     {{"name", "新建村"}, {"kind", "village"}, {"parent_id", id("xinmi.micun")}})
                .status,
            403)
      << "a move out of the subtree";
  EXPECT_EQ(parentOf("xinmi.chengguan.t1"), id("xinmi.chengguan"));
  EXPECT_EQ(get(town, "/organisations/" + id("xinmi.chengguan") + "/edit").status, 403);
  EXPECT_EQ(get(town, "/organisations/" + id("xinmi.micun.05") + "/edit").status, 403);
  EXPECT_EQ(get(login("village"), "/organisations/new").status, 403);
  EXPECT_EQ(get(login("viewer"), "/organisations/new").status, 403);
  EXPECT_FALSE(has(get(login("village"), "/organisations"), "id=\"new-org\""));
}

TEST_F(OrgAdminPagesTest, AnAddedOrRenamedOrganisationIsOnTheNextDashboard) {
  Login admin = login("admin");
  EXPECT_FALSE(has(get(admin, "/"), "新建村k1"));
  ASSERT_EQ(postForm(admin, "/organisations/new", village("xinmi.chengguan.k1", "xinmi.chengguan"))
                .status,
            303);
  EXPECT_TRUE(has(get(admin, "/"), "新建村k1")) << "the dashboard's organisation picker";
  ASSERT_EQ(
      postForm(admin, "/organisations/" + id("xinmi.chengguan.k1") + "/edit",
               {{"name", "更名村k1"}, {"kind", "village"}, {"parent_id", id("xinmi.chengguan")}})
          .status,
      303);
  const Reply renamed = get(admin, "/");
  EXPECT_TRUE(has(renamed, "更名村k1"));
  EXPECT_FALSE(has(renamed, "新建村k1"));
}

TEST_F(OrgAdminPagesTest, TheAdministratorMovesAnOrganisationAndTheTreeRulesAreNamed) {
  Login admin = login("admin");
  ASSERT_EQ(postForm(admin, "/organisations/new", village("xinmi.chengguan.m1", "xinmi.chengguan")).status, 303);
  const std::string moved = id("xinmi.chengguan.m1");
  Reply move = postForm(admin, "/organisations/" + moved + "/edit",
                        {{"name", "新建村m1"}, {"kind", "village"}, {"parent_id", id("xinmi.micun")}});
  ASSERT_EQ(move.status, 303) << move.body;
  EXPECT_EQ(parentOf("xinmi.chengguan.m1"), id("xinmi.micun"));

  // Under itself or below it.
  const std::string town = id("xinmi.chengguan");
  Reply cycle = postForm(admin, "/organisations/" + town + "/edit",
                         {{"name", "城关镇"}, {"kind", "township"}, {"parent_id", id("xinmi.chengguan.04")}});
  ASSERT_EQ(cycle.status, 422) << cycle.body;
  EXPECT_TRUE(has(cycle, "id=\"error-parent_id\""));
  EXPECT_TRUE(has(cycle, "“上级单位”不能是本单位或其下级单位。")) << cycle.body;
  // A village under a village.
  Reply nested = postForm(admin, "/organisations/new", village("xinmi.chengguan.m2", "xinmi.chengguan.04"));
  ASSERT_EQ(nested.status, 422);
  EXPECT_TRUE(has(nested, "“上级单位”：村不能隶属于村。")) << nested.body;
  EXPECT_TRUE(has(nested, "value=\"xinmi.chengguan.m2\"")) << "the code typed comes back";
  // A township with villages cannot become a department.
  Reply kind = postForm(admin, "/organisations/" + town + "/edit",
                        {{"name", "城关镇"}, {"kind", "department"}, {"parent_id", id("xinmi")}});
  ASSERT_EQ(kind.status, 422) << kind.body;
  EXPECT_TRUE(has(kind, "id=\"error-kind\""));
  EXPECT_TRUE(has(kind, "不能隶属于部门。")) << kind.body;
  // No name; a code in use.
  auto unnamed = village("xinmi.chengguan.m3", "xinmi.chengguan");
  unnamed["name"] = "";
  Reply no_name = postForm(admin, "/organisations/new", unnamed);
  ASSERT_EQ(no_name.status, 422);
  EXPECT_TRUE(has(no_name, "“名称”为必填项。")) << no_name.body;
  Reply taken = postForm(admin, "/organisations/new", village("xinmi.chengguan.04", "xinmi.chengguan"));
  ASSERT_EQ(taken.status, 422);
  EXPECT_TRUE(has(taken, "“编码”：“xinmi.chengguan.04”已被其他单位使用。")) << taken.body;
  EXPECT_EQ(orgs("xinmi.chengguan.m2") + orgs("xinmi.chengguan.m3"), 0);
  EXPECT_EQ(parentOf("xinmi.chengguan"), id("xinmi"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM organisations WHERE code = 'xinmi.chengguan' AND kind = 'township'"), 1);
}

}  // namespace
}  // namespace beacon::http::testing
