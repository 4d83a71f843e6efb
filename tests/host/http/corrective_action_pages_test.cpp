// The drill page's corrective-action forms: 登记整改措施 creates an action
// through the API's path (visible on the page and in the API, audited with
// the user), a bad due date is a 422 naming the field with nothing stored,
// the forms follow the API's write scope (village: own organisation,
// viewer: none; refused 403 otherwise) and need the form's CSRF token;
// 标记为已整改 closes an open action and returns to the drill page.
#include <Poco/URI.h>
#include <gtest/gtest.h>

#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

class CorrectiveActionPagesTest : public WebFixture {
 protected:
  // The id of a drill of organisation `code`, logged for this test through the API.
  static sdk::RecordId drillOf(const std::string& username, const std::string& code) {
    Login who = login(username);
    Reply r = send(who, "POST", "/api/v1/drills",
                   R"({"domain":"flood","drill_type":"flood.evacuation","org":")" + code +
                       R"(","date":"2024-05-10","fields":{"hazard":"flash_flood"}})");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()->getValue<sdk::RecordId>("id") : 0;
  }
  static std::string drillPath(sdk::RecordId id) { return "/drills/" + std::to_string(id); }
};

TEST_F(CorrectiveActionPagesTest, AddFromTheDrillPageShowsOnThePageAndInTheApi) {
  const sdk::RecordId drill = drillOf("village", "xinmi.chengguan.04");
  ASSERT_NE(drill, 0);
  Login village = login("village");
  Reply page = get(village, drillPath(drill));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"ca-form\""), std::string::npos);
  EXPECT_NE(page.body.find("登记整改措施"), std::string::npos);
  EXPECT_NE(page.body.find("action=\"" + drillPath(drill) + "/corrective-actions\""), std::string::npos);

  const int audits = count("SELECT COUNT(*) FROM audit_log WHERE entity = 'corrective_action' AND action = 'create' "
                           "AND username = 'village'");
  Reply added = postForm(village, drillPath(drill) + "/corrective-actions",
                         {{"csrf_token", village.csrf},
                          {"description", "补充转移路线指示牌 & 夜间照明"},
                          {"responsible_org_id", std::to_string(orgId("xinmi.chengguan.04"))},
                          {"due", "2024-06-30"}});
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(added.headers["Location"], drillPath(drill) + "?action=added");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'corrective_action' AND action = 'create' "
                  "AND username = 'village'"),
            audits + 1);

  Reply after = get(village, drillPath(drill) + "?action=added");
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(after.body.find("补充转移路线指示牌 &amp; 夜间照明"), std::string::npos) << after.body;
  EXPECT_NE(after.body.find("2024-06-30"), std::string::npos);
  EXPECT_NE(after.body.find("整改中"), std::string::npos);
  EXPECT_NE(after.body.find("id=\"ca-added\""), std::string::npos);

  Reply api = get(village, "/api/v1/corrective-actions?drill=" + std::to_string(drill));
  ASSERT_EQ(api.status, 200);
  auto items = api.json()->getArray("items");
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("description"), "补充转移路线指示牌 & 夜间照明");
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("due"), "2024-06-30");
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("status"), "open");
}

TEST_F(CorrectiveActionPagesTest, BadDueDateIs422NamingTheFieldAndStoresNothing) {
  const sdk::RecordId drill = drillOf("village", "xinmi.chengguan.04");
  ASSERT_NE(drill, 0);
  Login village = login("village");
  const int before = count("SELECT COUNT(*) FROM corrective_actions");
  for (const std::string due : {"2024-13-40", "2023-02-29", "明天"}) {
    Reply bad = postForm(village, drillPath(drill) + "/corrective-actions",
                         {{"csrf_token", village.csrf},
                          {"description", "完善预警信息发布流程"},
                          {"responsible_org_id", std::to_string(orgId("xinmi.chengguan.04"))},
                          {"due", due}});
    ASSERT_EQ(bad.status, 422) << due << ": " << bad.body.substr(0, 500);
    EXPECT_NE(bad.body.find("id=\"ca-error\" data-field=\"due\""), std::string::npos) << due;
    EXPECT_NE(bad.body.find("整改期限"), std::string::npos);
    // The page is re-rendered with what was typed.
    EXPECT_NE(bad.body.find(">完善预警信息发布流程</textarea>"), std::string::npos);
  }
  Reply empty = postForm(village, drillPath(drill) + "/corrective-actions",
                         {{"csrf_token", village.csrf},
                          {"description", ""},
                          {"responsible_org_id", std::to_string(orgId("xinmi.chengguan.04"))}});
  ASSERT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("data-field=\"description\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM corrective_actions"), before);
}

TEST_F(CorrectiveActionPagesTest, VillageCannotAddToAnotherVillagesDrill) {
  const sdk::RecordId drill = drillOf("other", "xinmi.micun.05");
  ASSERT_NE(drill, 0);
  Login village = login("village");
  // The village user cannot even read it; the admin sees the form, the other village's own user too.
  Reply page = get(village, drillPath(drill));
  EXPECT_EQ(page.status, 403);
  EXPECT_EQ(page.body.find("id=\"ca-form\""), std::string::npos);
  EXPECT_NE(get(login("other"), drillPath(drill)).body.find("id=\"ca-form\""), std::string::npos);
  EXPECT_NE(get(login("admin"), drillPath(drill)).body.find("id=\"ca-form\""), std::string::npos);

  const int before = count("SELECT COUNT(*) FROM corrective_actions");
  Reply refused = postForm(village, drillPath(drill) + "/corrective-actions",
                           {{"csrf_token", village.csrf},
                            {"description", "越权登记"},
                            {"responsible_org_id", std::to_string(orgId("xinmi.chengguan.04"))}});
  EXPECT_EQ(refused.status, 403);
  // Nor may a village assign its own drill's action to another village.
  const sdk::RecordId own = drillOf("village", "xinmi.chengguan.04");
  Reply elsewhere = postForm(village, drillPath(own) + "/corrective-actions",
                             {{"csrf_token", village.csrf},
                              {"description", "越权指派"},
                              {"responsible_org_id", std::to_string(orgId("xinmi.micun.05"))}});
  EXPECT_EQ(elsewhere.status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM corrective_actions"), before);
}

TEST_F(CorrectiveActionPagesTest, ViewerSeesNoFormsAndIsRefused) {
  const sdk::RecordId drill = drillOf("village", "xinmi.chengguan.04");
  ASSERT_NE(drill, 0);
  Login village = login("village");
  ASSERT_EQ(postForm(village, drillPath(drill) + "/corrective-actions",
                     {{"csrf_token", village.csrf},
                      {"description", "更新应急物资台账"},
                      {"responsible_org_id", std::to_string(orgId("xinmi.chengguan.04"))}})
                .status,
            303);
  Login viewer = login("viewer");
  Reply page = get(viewer, drillPath(drill));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("更新应急物资台账"), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"ca-form\""), std::string::npos);
  // The action links to its page (read-only for a viewer), but no status form is offered.
  EXPECT_EQ(page.body.find("/status\""), std::string::npos) << "a status form for a viewer";
  EXPECT_EQ(page.body.find("id=\"ca-status-"), std::string::npos);
  const int before = count("SELECT COUNT(*) FROM corrective_actions");
  EXPECT_EQ(postForm(viewer, drillPath(drill) + "/corrective-actions",
                     {{"csrf_token", viewer.csrf}, {"description", "只读用户登记"},
                      {"responsible_org_id", std::to_string(orgId("xinmi.chengguan.04"))}})
                .status,
            403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM corrective_actions"), before);
  Reply api = get(viewer, "/api/v1/corrective-actions?drill=" + std::to_string(drill));
  const auto id = api.json()->getArray("items")->getObject(0)->getValue<sdk::RecordId>("id");
  EXPECT_EQ(postForm(viewer, "/corrective-actions/" + std::to_string(id) + "/status",
                     {{"csrf_token", viewer.csrf}, {"status", "done"}})
                .status,
            403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM corrective_actions WHERE id = " + std::to_string(id) + " AND status = 'open'"),
            1);
}

TEST_F(CorrectiveActionPagesTest, StatusFormClosesAnOpenAction) {
  const sdk::RecordId drill = drillOf("village", "xinmi.chengguan.04");
  ASSERT_NE(drill, 0);
  Login village = login("village");
  ASSERT_EQ(postForm(village, drillPath(drill) + "/corrective-actions",
                     {{"csrf_token", village.csrf},
                      {"description", "加固临时避险点围栏"},
                      {"responsible_org_id", std::to_string(orgId("xinmi.chengguan.04"))}})
                .status,
            303);
  Reply api = get(village, "/api/v1/corrective-actions?drill=" + std::to_string(drill));
  const auto id = api.json()->getArray("items")->getObject(0)->getValue<sdk::RecordId>("id");
  const std::string status_path = "/corrective-actions/" + std::to_string(id) + "/status";
  Reply page = get(village, drillPath(drill));
  EXPECT_NE(page.body.find("action=\"" + status_path + "\""), std::string::npos);
  EXPECT_NE(page.body.find("标记为已整改"), std::string::npos);

  // Another village may not close it.
  Login other = login("other");
  EXPECT_EQ(postForm(other, status_path, {{"csrf_token", other.csrf}, {"status", "done"}}).status, 403);

  Reply closed = postForm(village, status_path, {{"csrf_token", village.csrf}, {"status", "done"}});
  ASSERT_EQ(closed.status, 303) << closed.body;
  EXPECT_EQ(closed.headers["Location"], drillPath(drill) + "?action=updated");
  EXPECT_EQ(get(village, "/api/v1/corrective-actions?drill=" + std::to_string(drill))
                .json()->getArray("items")->getObject(0)->getValue<std::string>("status"),
            "done");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'corrective_action' AND action = 'update' "
                  "AND username = 'village' AND entity_id = " + std::to_string(id)),
            1);
  Reply after = get(village, drillPath(drill));
  EXPECT_NE(after.body.find("已整改"), std::string::npos);
  EXPECT_EQ(after.body.find("action=\"" + status_path + "\""), std::string::npos) << "a closed action keeps its form";

  Reply unknown = postForm(village, status_path, {{"csrf_token", village.csrf}, {"status", "maybe"}});
  EXPECT_EQ(unknown.status, 422);
}

TEST_F(CorrectiveActionPagesTest, FormsNeedTheCsrfToken) {
  const sdk::RecordId drill = drillOf("village", "xinmi.chengguan.04");
  ASSERT_NE(drill, 0);
  Login village = login("village");
  const int before = count("SELECT COUNT(*) FROM corrective_actions");
  const std::map<std::string, std::string> fields = {
      {"description", "无令牌提交"}, {"responsible_org_id", std::to_string(orgId("xinmi.chengguan.04"))}};
  Reply missing = postFormWithoutToken(village, drillPath(drill) + "/corrective-actions", fields);
  EXPECT_EQ(missing.status, 403);
  auto wrong = fields;
  wrong["csrf_token"] = "not-the-token";
  EXPECT_EQ(postForm(village, drillPath(drill) + "/corrective-actions", wrong).status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM corrective_actions"), before);

  ASSERT_EQ(postForm(village, drillPath(drill) + "/corrective-actions",
                     {{"csrf_token", village.csrf}, {"description", "有令牌提交"},
                      {"responsible_org_id", std::to_string(orgId("xinmi.chengguan.04"))}})
                .status,
            303);
  const auto id = get(village, "/api/v1/corrective-actions?drill=" + std::to_string(drill))
                      .json()->getArray("items")->getObject(0)->getValue<sdk::RecordId>("id");
  EXPECT_EQ(postFormWithoutToken(village, "/corrective-actions/" + std::to_string(id) + "/status", {{"status", "done"}}).status,
            403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM corrective_actions WHERE id = " + std::to_string(id) + " AND status = 'open'"),
            1);
}

TEST_F(CorrectiveActionPagesTest, EnglishLabels) {
  const sdk::RecordId drill = drillOf("village", "xinmi.chengguan.04");
  ASSERT_NE(drill, 0);
  Reply page = get(login("village"), drillPath(drill) + "?lang=en");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Add corrective action"), std::string::npos);
  EXPECT_NE(page.body.find("Responsible organisation"), std::string::npos);
}

}  // namespace
}  // namespace beacon::http::testing
