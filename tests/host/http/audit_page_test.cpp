// The 审计记录 page (audit_pages.cpp) over a real socket: the city
// administrator only; filters by record, user and date narrow the entries;
// each entry shows the fields that changed, before and after.
#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class AuditPageTest : public WebFixture {
 protected:
  static int total(const Reply& r) {
    const std::string marker = "id=\"audit-total\">";
    const auto at = r.body.find(marker);
    return at == std::string::npos ? -1 : std::stoi(r.body.substr(at + marker.size()));
  }
};

TEST_F(AuditPageTest, FiltersNarrowTheEntriesAndAChangeShowsBeforeAndAfter) {
  Login admin = login("admin");
  Reply created = send(admin, "POST", "/api/v1/plans",
                       R"({"code":"AU-1","title":"审计测试预案","domain":"flood","category":"grassroots","owner":"xinmi.chengguan"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string plan = std::to_string(created.json()->getValue<int>("id"));

  Reply all = get(admin, "/audit");
  ASSERT_EQ(all.status, 200) << all.body;
  const int everything = total(all);
  EXPECT_EQ(everything, count("SELECT COUNT(*) FROM audit_log"));

  Reply one = get(admin, "/audit?entity=plan&entity_id=" + plan);
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(total(one), count("SELECT COUNT(*) FROM audit_log WHERE entity = 'plan' AND entity_id = " + plan));
  EXPECT_GE(total(one), 1);
  EXPECT_TRUE(has(one,
                  "<td data-field=\"title\">名称</td><td><del translate=\"no\"></del></td><td><ins "
                  "translate=\"no\">审计测试预案</ins></td>"))
      << one.body;

  Reply by_user = get(admin, "/audit?user=admin");
  EXPECT_EQ(total(by_user), count("SELECT COUNT(*) FROM audit_log WHERE username = 'admin'"));
  EXPECT_LT(total(by_user), everything);
  Reply old_days = get(admin, "/audit?to=2000-01-01");
  EXPECT_EQ(total(old_days), 0);
  Reply today = get(admin, "/audit?entity=plan&entity_id=" + plan + "&from=2000-01-01");
  EXPECT_EQ(total(today), total(one));

  EXPECT_EQ(get(login("town"), "/audit").status, 403);
  EXPECT_EQ(get(login("viewer"), "/audit").status, 403);
}

TEST_F(AuditPageTest, KindsActionsFieldsAndCodedValuesAreShownInWords) {
  Login admin = login("admin");
  Reply created = send(
      admin, "POST", "/api/v1/plans",
      R"({"code":"AU-2","title":"审计词语预案","domain":"flood","category":"grassroots","owner":"xinmi.chengguan"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string plan = std::to_string(created.json()->getValue<int>("id"));
  Reply one = get(admin, "/audit?entity=plan&entity_id=" + plan);
  ASSERT_EQ(one.status, 200);
  EXPECT_TRUE(has(one, "<td>新增</td><td>预案 记录编号 " + plan + "</td>")) << one.body;
  EXPECT_TRUE(has(
      one,
      "<td "
      "data-field=\"owner_org_id\">责任单位</td><td><del></del></td><td><ins>城关镇</ins></td>"))
      << "an organisation id as its name";
  EXPECT_TRUE(
      has(one, "<td data-field=\"domain\">领域</td><td><del></del></td><td><ins>防汛</ins></td>"));
  EXPECT_TRUE(has(
      one, "<td data-field=\"status\">状态</td><td><del></del></td><td><ins>编制中</ins></td>"));
  EXPECT_FALSE(has(one, "<ins>flood</ins>"));
  EXPECT_FALSE(has(one, "系统账号")) << "a change made on the web has no OS user to name";

  Reply user = postForm(admin, "/users/new",
                        {{"username", "au-role"},
                         {"display_name", "赵六"},
                         {"role", "village_staff"},
                         {"org", "xinmi.chengguan.04"},
                         {"password", "initial-pass-1"}});
  ASSERT_EQ(user.status, 303) << user.body;
  const std::string id = std::to_string(count("SELECT id FROM users WHERE username = 'au-role'"));
  ASSERT_EQ(
      postForm(admin, "/users/" + id + "/role", {{"role", "viewer"}, {"org", "xinmi.chengguan"}})
          .status,
      303);
  Reply role = get(admin, "/audit?entity=user&entity_id=" + id);
  EXPECT_TRUE(has(role, "<td>修改角色和所属单位</td><td>用户 记录编号 " + id + "</td>"))
      << role.body;
  EXPECT_TRUE(has(role,
                  "<td "
                  "data-field=\"role\">角色</td><td><del>村/社区工作人员</del></"
                  "td><td><ins>只读用户</ins></td>"))
      << role.body;
  EXPECT_TRUE(has(role, "<option value=\"user\" selected>用户</option>"))
      << "the kinds in words in the filter";
  EXPECT_TRUE(has(get(admin, "/audit?entity=user&entity_id=" + id + "&lang=en"),
                  "<td>Role and organisation changed</td>"));
}

}  // namespace
}  // namespace beacon::http::testing
