// Plan versus actual on the pages, over a real socket (demo city, 2023 drill
// plans of the enterprises): the dashboard's 年度演练计划执行情况 card has the
// same totals as the drill-plan summary of the same scope and day, lists the
// organisations furthest behind with links to their drill plan pages, and the
// organisation tree shows each organisation's own progress. The card's figures are kept between
// writes (http/kept_drill_plan_card.h): a drill logged, by the server or by another process, is
// on the next dashboard.
#include "host/http/web_fixture.h"

#include <sstream>

#include <Poco/JSON/Object.h>

#include "app/cli.h"
#include "store/organisation_repository.h"

namespace beacon::http::testing {
namespace {

class DrillPlanOverviewPagesTest : public WebFixture {
 protected:
  // "<planned> <on_time> <late> <missing> <pending> <unplanned>" of the summary's JSON total.
  static std::string summaryTotals(const Login& who, const std::string& extra) {
    Reply r = get(
        who, "/api/v1/summaries?kind=drill-plan&year=2023&as_of=2023-12-31&format=json" + extra);
    EXPECT_EQ(r.status, 200) << r.body;
    auto total = r.json()->getObject("total");
    std::string out;
    for (const char* k : {"planned", "on_time", "late", "missing", "pending", "unplanned"})
      out += (out.empty() ? "" : " ") + std::to_string(total->getValue<int>(k));
    return out;
  }
  // The same six figures from the dashboard's #drill-plan-totals row.
  static std::string dashboardTotals(const std::string& page) {
    const auto table = page.find("<table id=\"drill-plan-totals\">");
    EXPECT_NE(table, std::string::npos);
    if (table == std::string::npos) return "";
    std::size_t at = page.find("<tr><td>", table);
    std::string out;
    for (int i = 0; i < 6 && at != std::string::npos; ++i) {
      at = page.find('>', page.find("<td", at)) + 1;
      out += (out.empty() ? "" : " ") + page.substr(at, page.find('<', at) - at);
    }
    return out;
  }
};

TEST_F(DrillPlanOverviewPagesTest, DashboardTotalsMatchTheSummaryAndLinkTheFurthestBehind) {
  Login admin = login("admin");
  Reply page = get(admin, "/?as_of=2023-12-31");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("年度演练计划执行情况"), std::string::npos);
  const std::string totals = dashboardTotals(page.body);
  EXPECT_EQ(totals, summaryTotals(admin, ""));
  EXPECT_NE(totals.substr(0, 2), "0 ") << "the demo's enterprises plan drills in 2023";
  const auto behind = page.body.find("<table id=\"drill-plan-behind\">");
  ASSERT_NE(behind, std::string::npos);
  EXPECT_NE(page.body.find("href=\"/drill-plans?org=xinmi.e", behind), std::string::npos);
  EXPECT_NE(page.body.find("&amp;year=2023\"", behind), std::string::npos);
  EXPECT_NE(page.body.find("/summaries?kind=drill-plan&amp;year=2023&amp;as_of=2023-12-31"),
            std::string::npos);
  // Before any plan was made for 2023 (the plans are made from 2022-12 on), as of 2022 nothing is
  // planned.
  Reply earlier = get(admin, "/?as_of=2022-06-30");
  ASSERT_EQ(earlier.status, 200);
  EXPECT_EQ(dashboardTotals(earlier.body).substr(0, 2), "0 ");
}

TEST_F(DrillPlanOverviewPagesTest, TownshipStaffSeeTheirTownshipsFigures) {
  Login town = login("town");
  Reply me = get(town, "/api/v1/me");
  ASSERT_EQ(me.status, 200) << me.body;
  const auto org =
      store::OrganisationRepository(app_->db().session())
          .findById(static_cast<sdk::RecordId>(me.json()->getValue<Poco::Int64>("org_id")));
  ASSERT_TRUE(org);
  const std::string code = org->code;
  Reply page = get(town, "/?as_of=2023-12-31");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(dashboardTotals(page.body), summaryTotals(town, "&org=" + code));
  // The city-wide summary stays refused to them.
  EXPECT_EQ(get(town, "/api/v1/summaries?kind=drill-plan&year=2023&format=json").status, 403);
}

TEST_F(DrillPlanOverviewPagesTest, OrganisationTreeShowsEachOrganisationsOwnPlan) {
  Login admin = login("admin");
  Reply page = get(admin, "/organisations?as_of=2023-12-31");
  ASSERT_EQ(page.status, 200) << page.body;
  const auto node = page.body.find("<li id=\"org-xinmi.e001\">");
  ASSERT_NE(node, std::string::npos);
  const auto link = page.body.find("href=\"/drill-plans?org=xinmi.e001&amp;year=2023\"", node);
  ASSERT_NE(link, std::string::npos);
  EXPECT_LT(link, page.body.find("</li>", node));
  EXPECT_NE(page.body.find("2023年度演练计划：计划 ", link), std::string::npos);
}

// The last of the six figures: held, not planned.
int unplanned(const std::string& totals) { return std::stoi(totals.substr(totals.rfind(' ') + 1)); }

TEST_F(DrillPlanOverviewPagesTest, ADrillLoggedIsOnTheNextDashboardsCard) {
  Login admin = login("admin");
  const std::string before = dashboardTotals(get(admin, "/?as_of=2023-12-31").body);
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(dashboardTotals(get(admin, "/?as_of=2023-12-31").body), before);
  // A village without a drill plan: its drill of 2023 is held, not planned.
  Reply created =
      send(admin, "POST", "/api/v1/drills",
           R"({"drill_type":"flood.evacuation","org":"xinmi.micun.05","date":"2023-07-02",)"
           R"("participants":9,"fields":{"hazard":"flash_flood"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string after_post = dashboardTotals(get(admin, "/?as_of=2023-12-31").body);
  EXPECT_EQ(unplanned(after_post), unplanned(before) + 1) << before << " / " << after_post;
  EXPECT_EQ(after_post, summaryTotals(admin, ""));
  // Another process's commit.
  std::ostringstream out, err;
  std::istringstream in;
  ASSERT_EQ(app::runCli({"beacon", "--db", database_->uri(), "--user", "cli", "drill", "add",
                         "--org", "xinmi.micun.05", "--type", "flood.evacuation", "--date",
                         "2023-07-03", "--participants", "7", "--field", "hazard=flash_flood"},
                        out, err, in),
            0)
      << err.str();
  const std::string after_cli = dashboardTotals(get(admin, "/?as_of=2023-12-31").body);
  EXPECT_EQ(unplanned(after_cli), unplanned(before) + 2) << after_post << " / " << after_cli;
  // The organisation tree's lines come from the same kept figures.
  EXPECT_EQ(get(admin, "/organisations?as_of=2023-12-31").status, 200);
}

// Without as_of the API counts as of the year's 31 December (`beacon summary --kind drill-plan --year Y`
// does the same: app/summary_command_test.cpp).
TEST_F(DrillPlanOverviewPagesTest, WithoutAsOfTheSummaryCountsAsOfTheYearsEnd) {
  Login admin = login("admin");
  Reply r = get(admin, "/api/v1/summaries?kind=drill-plan&year=2023&format=json");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("as_of"), "2023-12-31");
  Reply dated = get(admin, "/api/v1/summaries?kind=drill-plan&year=2023&as_of=2023-12-31&format=json");
  ASSERT_EQ(dated.status, 200) << dated.body;
  EXPECT_EQ(r.body, dated.body);
}

}  // namespace
}  // namespace beacon::http::testing
