// Server-rendered pages: the header names the user once, and the drill form
// shows an error element only beside a field in error.
#include <regex>

#include <gtest/gtest.h>

#include "auth/account_service.h"
#include "auth/password_hasher.h"
#include "http/page_support.h"
#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

class PagesTest : public WebFixture {};

TEST(UserBadgeTest, NamesTheRoleOnce) {
  EXPECT_EQ(userBadge("市应急管理局管理员", "市应急管理局管理员"), "市应急管理局管理员");
  EXPECT_EQ(userBadge("市应急管理局管理员张伟", "市应急管理局管理员"), "市应急管理局管理员张伟");
  EXPECT_EQ(userBadge("张伟", "市应急管理局管理员"), "张伟 (市应急管理局管理员)");
  EXPECT_EQ(userBadge("", "只读用户"), "只读用户");
}

TEST(FieldErrorsTest, NamesWithoutAnErrorAreAbsent) {
  const kainjow::mustache::data errors = fieldErrors({{"date", "日期格式应为 YYYY-MM-DD"}, {"place", ""}},
                                                     {"date", "place", "org_id"});
  ASSERT_NE(errors.get("date"), nullptr);
  EXPECT_EQ(errors.get("date")->string_value(), "日期格式应为 YYYY-MM-DD");
  EXPECT_EQ(errors.get("place"), nullptr);
  EXPECT_EQ(errors.get("org_id"), nullptr);
}

TEST_F(PagesTest, DashboardShowsTheRoleLabelOnce) {
  auth::PasswordHasher hasher(1000);
  auth::AccountService accounts(app_->db(), hasher);
  auto created = accounts.create({"chief", "市应急管理局管理员", "admin", "", kPassword}, store::Actor{"test"});
  ASSERT_TRUE(created.isOk()) << created.status().describe();
  Reply page = get(login("chief"), "/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(occurrences(page.body, "市应急管理局管理员"), 1u) << page.body.substr(0, 3000);
  EXPECT_NE(page.body.find(">市应急管理局管理员</span>"), std::string::npos);

  Reply admin = get(login("admin"), "/");
  EXPECT_NE(admin.body.find(">admin (市应急管理局管理员)</span>"), std::string::npos);
  EXPECT_EQ(occurrences(admin.body, "市应急管理局管理员"), 1u);
}

TEST_F(PagesTest, DrillFormShowsErrorElementsOnlyForFieldsInError) {
  Login village = login("village");
  Reply form = get(village, "/drills/new?domain=flood");
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(form.body.find("class=\"err\""), std::string::npos) << "an error element with no error";
  EXPECT_EQ(form.body.find("id=\"error-"), std::string::npos);
  EXPECT_EQ(form.body.find("id=\"form-error\""), std::string::npos);

  std::string body;
  const std::string type = multipartBody({{"csrf_token", village.csrf}, {"domain", "flood"},
                                          {"drill_type", "flood.evacuation"},
                                          {"org_id", std::to_string(orgId("xinmi.chengguan.04"))},
                                          {"date", "2024-13-40"}, {"fields.hazard", "flash_flood"}},
                                         "", "", "", "", body);
  Reply bad = request("POST", "/drills/new", body, type, {{"Cookie", "beacon_session=" + village.cookie}});
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(occurrences(bad.body, "id=\"error-date\""), 1u);
  EXPECT_EQ(bad.body.find("id=\"error-org_id\""), std::string::npos);
  EXPECT_EQ(bad.body.find("id=\"error-fields.hazard\""), std::string::npos);
  EXPECT_FALSE(std::regex_search(bad.body, std::regex("<span class=\"err\" id=\"error-[^\"]*\"></span>")))
      << "an empty error element";
}

}  // namespace
}  // namespace beacon::http::testing
