// Control characters and over-long texts are refused with 422 naming the
// field, through the JSON API and the page forms alike, and nothing is
// written (issue 9, item 8).
#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class TextRulesTest : public WebFixture {
 protected:
  static std::string drillJson(const std::string& extra) {
    return R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-01",)"
           R"("participants":20,"fields":{"hazard":"river"},)" +
           extra + "}";
  }
  static std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  }
};

TEST_F(TextRulesTest, ApiRefusesControlCharactersNamingTheField) {
  Login village = login("village");
  const int drills = count("SELECT COUNT(*) FROM drills");
  Reply nul =
      send(village, "POST", "/api/v1/drills", drillJson(R"("place":"村委会\u0000隐藏的内容")"));
  ASSERT_EQ(nul.status, 422) << nul.body;
  EXPECT_EQ(nul.errorField(), "place");
  EXPECT_EQ(nul.json()->getObject("error")->getValue<std::string>("message"),
            "“地点”不得包含控制字符（U+0000），只允许制表符和换行。");
  Reply bell =
      send(village, "POST", "/api/v1/drills?lang=en", drillJson(R"("scenario":"a\u0007b")"));
  ASSERT_EQ(bell.status, 422) << bell.body;
  EXPECT_EQ(bell.errorField(), "scenario");
  EXPECT_EQ(bell.json()->getObject("error")->getValue<std::string>("message"),
            "“Scenario” must not contain control characters (U+0007); only tab and line breaks are allowed.");
  Reply lone_cr =
      send(village, "POST", "/api/v1/drills", drillJson(R"("findings":"第一行\r第二行")"));
  EXPECT_EQ(lone_cr.status, 422) << lone_cr.body;
  EXPECT_EQ(lone_cr.errorField(), "findings");
  Reply c1 = send(village, "POST", "/api/v1/drills", drillJson(R"("place":"a\u0085b")"));
  EXPECT_EQ(c1.status, 422) << c1.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), drills) << "nothing written";

  Reply ok = send(village, "POST", "/api/v1/drills",
                  drillJson(R"("findings":"第一行\r\n第二行\n\t第三行")"));
  ASSERT_EQ(ok.status, 201) << "tab, LF and CRLF line ends are text: " << ok.body;
}

TEST_F(TextRulesTest, ApiRefusesTextsOverTheLimitCountingCharacters) {
  Login village = login("village");
  const int drills = count("SELECT COUNT(*) FROM drills");
  Reply too_long = send(village, "POST", "/api/v1/drills",
                        drillJson("\"findings\":\"" + repeat("问", 20001) + "\""));
  ASSERT_EQ(too_long.status, 422) << too_long.body.substr(0, 300);
  EXPECT_EQ(too_long.errorField(), "findings");
  EXPECT_EQ(too_long.json()->getObject("error")->getValue<std::string>("message"),
            "“发现的问题”不得超过 20000 个字符。");
  Reply en = send(village, "POST", "/api/v1/drills?lang=en",
                  drillJson("\"place\":\"" + repeat("x", 201) + "\""));
  ASSERT_EQ(en.status, 422);
  EXPECT_EQ(en.errorField(), "place");
  EXPECT_EQ(en.json()->getObject("error")->getValue<std::string>("message"),
            "“Place” must be at most 200 characters.");
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), drills);

  // 20,000 Chinese characters are 60,000 bytes: the limit counts characters.
  Reply at_limit = send(village, "POST", "/api/v1/drills",
                        drillJson("\"findings\":\"" + repeat("问", 20000) + "\""));
  EXPECT_EQ(at_limit.status, 201) << at_limit.body.substr(0, 300);
}

TEST_F(TextRulesTest, CorrectiveActionDescriptionFollowsTheSameRules) {
  Login admin = login("admin");
  Reply drill = send(admin, "POST", "/api/v1/drills", drillJson(R"("place":"村委会")"));
  ASSERT_EQ(drill.status, 201) << drill.body;
  const std::string id = std::to_string(drill.json()->getValue<Poco::Int64>("id"));
  const std::string org = std::to_string(orgId("xinmi.chengguan.04"));
  Reply bad = send(admin, "POST", "/api/v1/corrective-actions",
                   R"({"source_kind":"drill","source_id":)" + id + R"(,"responsible_org_id":)" +
                       org + R"(,"description":"清理\u001b[31m通道"})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.errorField(), "description");
}

TEST_F(TextRulesTest, DrillFormRefusesControlCharactersNamingTheField) {
  Login village = login("village");
  const int drills = count("SELECT COUNT(*) FROM drills");
  std::string body;
  const std::string type = multipartBody({{"csrf_token", village.csrf},
                                          {"domain", "flood"},
                                          {"drill_type", "flood.evacuation"},
                                          {"org_id", std::to_string(orgId("xinmi.chengguan.04"))},
                                          {"date", "2024-05-02"},
                                          {"fields.hazard", "flash_flood"},
                                          {"place", std::string("村委会") + '\0' + "后面"}},
                                         "", "", "", "", body);
  Reply bad =
      request("POST", "/drills/new", body, type, {{"Cookie", "beacon_session=" + village.cookie}});
  ASSERT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("<li>“地点”不得包含控制字符（U+0000）"), std::string::npos)
      << bad.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), drills);

  Reply en = request("POST", "/drills/new?lang=en", body, type,
                     {{"Cookie", "beacon_session=" + village.cookie}});
  ASSERT_EQ(en.status, 422);
  EXPECT_NE(en.body.find("<li>“Place” must not contain control characters (U+0000)"), std::string::npos)
      << en.body;
}

}  // namespace
}  // namespace beacon::http::testing
