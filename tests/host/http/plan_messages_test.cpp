// The plan API's refusals over a real socket: zh-CN by default with no ASCII
// letters but the field and the codes, English with ?lang=en or, for an API
// client without the language cookie, with Accept-Language: en (its first
// tag; ?lang= still wins). A message names its field by its label
// (refusal_text.h).
#include <regex>

#include <gtest/gtest.h>

#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

class PlanMessagesTest : public WebFixture {
 protected:
  static std::string messageOf(const Reply& r) {
    return r.json()->getObject("error")->getValue<std::string>("message");
  }
  static Reply post(const Login& who, const std::string& path, const std::string& json,
                    const std::string& accept_language = "") {
    std::map<std::string, std::string> headers = {{"Cookie", "beacon_session=" + who.cookie},
                                                  {"X-CSRF-Token", who.csrf}};
    if (!accept_language.empty()) headers["Accept-Language"] = accept_language;
    return request("POST", path, json, "application/json", headers);
  }
  static bool hasAsciiLetter(const std::string& s) {
    return std::regex_search(s, std::regex("[A-Za-z]"));
  }
};

TEST_F(PlanMessagesTest, APlanRefusalIsChineseUnlessTheClientAsksForEnglish) {
  Login admin = login("admin");
  Reply created = send(
      admin, "POST", "/api/v1/plans",
      R"({"code":"LC-MSG-1","title":"城关镇防汛应急预案","domain":"flood","category":"grassroots","owner":"xinmi.chengguan","version":{"text":"第一章 总则\n","issued":"2023-04-01"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string base = "/api/v1/plans/" + std::to_string(created.json()->getValue<int>("id"));

  Reply zh = post(admin, base + "/filings", R"({"submitted":"2023-04-05"})");
  ASSERT_EQ(zh.status, 422) << zh.body;
  EXPECT_EQ(zh.errorField(), "target_body");
  EXPECT_EQ(messageOf(zh), "“备案机关”为必填项。");
  Reply before = post(admin, base + "/filings",
                      R"({"target_body":"新密市应急管理局","submitted":"2023-01-05"})");
  EXPECT_EQ(messageOf(before), "“报送日期”早于该版本的印发日期 2023-04-01。");
  Reply version =
      post(admin, base + "/reviews", R"({"kind":"evaluation","version":7,"date":"2024-01-05"})");
  EXPECT_EQ(version.errorField(), "version");
  EXPECT_EQ(messageOf(version), "“版本”：预案 LC-MSG-1 没有第7版。");
  Reply revise = post(admin, base + "/versions", R"({"text":"x","draft":true})");
  EXPECT_EQ(revise.errorField(), "trigger");
  EXPECT_FALSE(hasAsciiLetter(messageOf(revise))) << messageOf(revise);

  Reply query = post(admin, base + "/filings?lang=en", R"({"submitted":"2023-04-05"})");
  EXPECT_EQ(messageOf(query), "“Filed with” is required.");
  Reply header =
      post(admin, base + "/filings", R"({"submitted":"2023-04-05"})", "en-US,en;q=0.9,zh;q=0.5");
  EXPECT_EQ(messageOf(header), "“Filed with” is required.");
  Reply header_version = post(admin, base + "/reviews",
                              R"({"kind":"evaluation","version":7,"date":"2024-01-05"})", "en");
  EXPECT_EQ(messageOf(header_version), "Version: plan LC-MSG-1 has no version 7.");
  Reply chinese =
      post(admin, base + "/filings", R"({"submitted":"2023-04-05"})", "zh-CN,zh;q=0.9,en;q=0.8");
  EXPECT_EQ(messageOf(chinese), "“备案机关”为必填项。");
  Reply overruled = post(admin, base + "/filings?lang=zh", R"({"submitted":"2023-04-05"})", "en");
  EXPECT_EQ(messageOf(overruled), "“备案机关”为必填项。") << "?lang= wins over Accept-Language";
}

}  // namespace
}  // namespace beacon::http::testing
