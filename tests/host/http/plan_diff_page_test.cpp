// The plan diff where users see it, over a real socket: the plan page's
// 版本对比 and the API's diff, grouped under the section heading with only
// the changed word marked (<del>/<ins> on the page, [-…-]/{+…+} and
// structured hunks in the API).
#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class PlanDiffPageTest : public WebFixture {};

TEST_F(PlanDiffPageTest, ThePlanPageAndTheApiShowTheChangedWordUnderItsSection) {
  Login admin = login("admin");
  const int plan = count("SELECT MIN(id) FROM plans WHERE status = 'issued'");
  const std::string base = "/api/v1/plans/" + std::to_string(plan);
  Reply v1 = send(
      admin, "POST", base + "/versions",
      R"({"trigger":"risk_changed_major","issued":"2024-03-01","text":"第一章 总则\n1.1 适用范围\n本预案适用于全市山洪灾害。\n"})");
  ASSERT_EQ(v1.status, 201) << v1.body;
  Reply v2 = send(
      admin, "POST", base + "/versions",
      R"({"trigger":"risk_changed_major","issued":"2024-06-01","text":"第一章 总则\n1.1 适用范围\n本预案适用于全市山洪和地质灾害。\n"})");
  ASSERT_EQ(v2.status, 201) << v2.body;
  const std::string from = std::to_string(v1.json()->getValue<int>("number"));
  const std::string to = std::to_string(v2.json()->getValue<int>("number"));

  Reply page = get(admin, "/plans/" + std::to_string(plan) + "?from=" + from + "&to=" + to);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"diff\""), std::string::npos);
  EXPECT_NE(page.body.find("<h3 class=\"diff-section\">1.1 适用范围</h3>"), std::string::npos)
      << page.body;
  EXPECT_NE(page.body.find("+本预案适用于全市山洪<ins>和地质</ins>灾害。"), std::string::npos)
      << page.body;
  EXPECT_NE(page.body.find("-本预案适用于全市山洪灾害。"), std::string::npos);

  Reply api = get(admin, base + "/diff?from=" + from + "&to=" + to);
  ASSERT_EQ(api.status, 200) << api.body;
  EXPECT_NE(api.json()->getValue<std::string>("diff").find("@@ 1.1 适用范围\n"), std::string::npos)
      << api.body;
  EXPECT_NE(api.json()->getValue<std::string>("diff").find("+本预案适用于全市山洪{+和地质+}灾害。"),
            std::string::npos);
  auto hunk = api.json()->getArray("hunks")->getObject(0);
  EXPECT_EQ(hunk->getValue<std::string>("section"), "1.1 适用范围");
  auto added = hunk->getArray("lines")->getObject(2);
  EXPECT_EQ(added->getValue<std::string>("tag"), "added");
  EXPECT_EQ(added->getArray("segments")->getObject(1)->getValue<std::string>("text"), "和地质");
}

}  // namespace
}  // namespace beacon::http::testing
