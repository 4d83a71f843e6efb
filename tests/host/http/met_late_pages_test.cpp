// Met late (逾期完成) over a real socket: a township's flood drill two days
// into the 2025 season meets the pre-season duty late, and every output
// says so with the days late (obligations JSON, dashboard, plan-status
// summary, the drill's page and record sheet, which also say 汛期内); a
// drill on the season's first day is plain met, and one after the season
// lies in no period.
#include "host/http/web_fixture.h"

#include <Poco/JSON/Array.h>

namespace beacon::http::testing {
namespace {

class MetLatePagesTest : public WebFixture {
 protected:
  static sdk::RecordId logDrill(const Login& who, const std::string& org, const std::string& date) {
    Reply r = send(who, "POST", "/api/v1/drills",
                   R"({"drill_type":"flood.evacuation","org":")" + org + R"(","date":")" + date +
                       R"(","participants":40,"evacuees":10,"fields":{"hazard":"山洪"}})");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? static_cast<sdk::RecordId>(r.json()->getValue<Poco::Int64>("id")) : 0;
  }

  // The flood.preseason_drill item of `org` in /api/v1/obligations as of `as_of`, or null.
  static Poco::JSON::Object::Ptr preseason(const Login& who, const std::string& org,
                                           const std::string& as_of) {
    Reply r = get(who, "/api/v1/obligations?domain=flood&org=" + org + "&as_of=" + as_of);
    EXPECT_EQ(r.status, 200) << r.body;
    auto items = r.json()->getArray("items");
    for (std::size_t i = 0; items && i < items->size(); ++i) {
      auto o = items->getObject(static_cast<unsigned>(i));
      if (o->getValue<std::string>("rule_id") == "flood.preseason_drill" &&
          o->getValue<sdk::RecordId>("org_id") == orgId(org)) {
        return o;
      }
    }
    return nullptr;
  }
};

TEST_F(MetLatePagesTest, DrillTwoDaysIntoTheSeasonIsMetLateEverywhere) {
  Login admin = login("admin");
  const std::string town = "xinmi.chengguan";
  auto before = preseason(admin, town, "2025-05-16");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->getValue<std::string>("status"), "overdue");
  EXPECT_TRUE(before->get("days_late").isEmpty());

  const sdk::RecordId drill = logDrill(admin, town, "2025-05-17");
  ASSERT_NE(drill, 0u);
  EXPECT_EQ(preseason(admin, town, "2025-05-16")->getValue<std::string>("status"),
            "overdue");  // not yet done
  auto after = preseason(admin, town, "2025-05-17");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->getValue<std::string>("status"), "met_late");
  EXPECT_EQ(after->getValue<int>("days_late"), 2);
  // The status filter knows it.
  Reply filtered = get(
      admin, "/api/v1/obligations?status=met_late&domain=flood&org=" + town + "&as_of=2025-06-01");
  ASSERT_EQ(filtered.status, 200) << filtered.body;
  EXPECT_NE(filtered.body.find("\"days_late\":2"), std::string::npos) << filtered.body;

  Reply dashboard = get(admin, "/?as_of=2025-06-01&org=" + town);
  ASSERT_EQ(dashboard.status, 200);
  EXPECT_NE(dashboard.body.find("id=\"count-met-late\">"), std::string::npos);
  EXPECT_EQ(dashboard.body.find("id=\"count-met-late\">0<"), std::string::npos);  // never folded into met
  EXPECT_NE(dashboard.body.find("逾期2天"), std::string::npos);

  for (const char* format : {"text", "markdown", "html", "json"}) {
    Reply summary = get(admin, std::string("/api/v1/summaries?kind=township&org=") + town +
                                   "&as_of=2025-06-01&format=" + format);
    ASSERT_EQ(summary.status, 200) << format << ": " << summary.body;
    EXPECT_NE(summary.body.find("逾期完成事项"), std::string::npos) << format;
    EXPECT_NE(summary.body.find("2025-05-17"), std::string::npos) << format;
  }

  Reply page = get(admin, "/drills/" + std::to_string(drill));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("汛期内（2025-05-15至2025-09-30）"), std::string::npos);
  Reply sheet =
      get(admin, "/api/v1/summaries?kind=drill-sheet&format=text&drill=" + std::to_string(drill));
  ASSERT_EQ(sheet.status, 200) << sheet.body;
  EXPECT_NE(sheet.body.find("汛期内（2025-05-15至2025-09-30）"), std::string::npos) << sheet.body;
  EXPECT_NE(sheet.body.find("逾期完成，逾期2天"), std::string::npos) << sheet.body;
  Reply english = get(admin, "/api/v1/summaries?kind=drill-sheet&format=text&lang=en&drill=" +
                                 std::to_string(drill));
  EXPECT_NE(english.body.find("inside the flood season"), std::string::npos) << english.body;
}

TEST_F(MetLatePagesTest, DrillOnTheSeasonStartIsMetAndOneAfterTheSeasonHasNoPeriod) {
  Login admin = login("admin");
  const std::string town = "xinmi.micun";
  const sdk::RecordId on_start = logDrill(admin, town, "2026-05-15");
  auto o = preseason(admin, town, "2026-06-01");
  ASSERT_TRUE(o);
  EXPECT_EQ(o->getValue<std::string>("status"), "met");
  Reply sheet = get(
      admin, "/api/v1/summaries?kind=drill-sheet&format=text&drill=" + std::to_string(on_start));
  EXPECT_NE(sheet.body.find("汛期内"), std::string::npos) << sheet.body;
  EXPECT_NE(sheet.body.find("：已落实"), std::string::npos) << sheet.body;
  EXPECT_EQ(sheet.body.find("逾期完成"), std::string::npos) << sheet.body;

  const sdk::RecordId after_season = logDrill(admin, town, "2026-10-01");
  Reply page = get(admin, "/drills/" + std::to_string(after_season));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("id=\"drill-period\""), std::string::npos) << page.body.substr(page.body.find("drill-period") == std::string::npos ? 0 : page.body.find("drill-period"), 300);
  Reply last_day = get(admin, "/drills/" + std::to_string(logDrill(admin, town, "2026-09-30")));
  EXPECT_NE(last_day.body.find("id=\"drill-period\""), std::string::npos);
}

}  // namespace
}  // namespace beacon::http::testing
