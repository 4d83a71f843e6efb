// The dashboard's lists as files, its organisation picker, charts and the
// calendar subscription page over a real socket (issue #14 §1, §2, §6):
// every row of the filtered list in the CSV and the .xlsx (no cap), named by
// scope, list and day with RFC 5987 filename*; summaries named the same way;
// an organisation picked by its name; integer ticks and data tables; a feed
// link made from the page that opens the .ics and replaces the old one.
#include "host/http/web_fixture.h"

#include <fstream>
#include <regex>
#include <sstream>

#include <Poco/TemporaryFile.h>

#include "download_records.h"
#include "io/csv_reader.h"
#include "io/xlsx_reader.h"
#include "rules/obligation_page.h"
#include "summary/svg_chart.h"

namespace beacon::http::testing {
namespace {

const sdk::Date kAsOf{2023, 12, 31};
const std::string kAsOfText = "2023-12-31";

class DashboardDownloadsTest : public WebFixture {
 protected:
  static std::size_t countOf(std::vector<sdk::RecordId> org_ids, sdk::ObligationStatus s,
                             const std::string& domain = "") {
    rules::CheckQuery q;
    q.as_of = kAsOf;
    q.org_ids = std::move(org_ids);
    q.domain = domain;
    auto checked = app_->engine().check(q);
    EXPECT_TRUE(checked.isOk());
    std::size_t n = 0;
    for (const auto& r : checked.value()) n += r.status == s ? 1 : 0;
    return n;
  }
  static std::vector<sdk::RecordId> subtreeOf(const std::string& code) {
    const auto ids = store::OrganisationRepository(app_->db().session()).subtree(orgId(code));
    return {ids.begin(), ids.end()};
  }
  static std::string pct(const std::string& utf8) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : utf8) {
      if (std::isalnum(c) || c == '-' || c == '.' || c == '_') {
        out += static_cast<char>(c);
      } else {
        out += '%';
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
    }
    return out;
  }
  static std::string unescape(std::string s) {
    for (std::size_t at; (at = s.find("&amp;")) != std::string::npos;) s.replace(at, 5, "&");
    return s;
  }
  // The data table of the chart in the card with this id: its rows' cells.
  static std::vector<std::vector<std::string>> chartTable(const std::string& body,
                                                          const std::string& id) {
    const auto card = body.find("id=\"" + id + "\"");
    EXPECT_NE(card, std::string::npos) << id;
    if (card == std::string::npos) return {};
    const auto start = body.find("<table class=\"chart-data\">", card);
    const std::string table = body.substr(start, body.find("</table>", start) - start);
    std::vector<std::vector<std::string>> rows;
    const std::regex row("<tr><th scope=\"row\">([^<]*)</th>(.*?)</tr>");
    const std::regex cell("<td>([^<]*)</td>");
    for (std::sregex_iterator it(table.begin(), table.end(), row), end; it != end; ++it) {
      std::vector<std::string> cells{(*it)[1].str()};
      const std::string tds = (*it)[2].str();
      for (std::sregex_iterator c(tds.begin(), tds.end(), cell); c != end; ++c)
        cells.push_back((*c)[1].str());
      rows.push_back(cells);
    }
    return rows;
  }
};

TEST_F(DashboardDownloadsTest, CsvHoldsEveryRowOfTheFilteredListNamedByScopeListAndDay) {
  Login admin = login("admin");
  Reply all = get(admin, "/dashboard/export?as_of=" + kAsOfText + "&list=overdue&format=csv");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.content_type, "text/csv; charset=utf-8");
  const std::size_t overdue = countOf({}, sdk::ObligationStatus::Overdue);
  ASSERT_GT(overdue, 200u);  // more than the page's largest limit: no cap
  auto records = csvRecords(all.body);
  ASSERT_EQ(records.size(), overdue + 1);
  EXPECT_EQ(records.front().fields.front(), "单位");
  EXPECT_EQ(all.headers["Content-Disposition"], "attachment; filename=\"xinmi-overdue-" +
                                                    kAsOfText + ".csv\"; filename*=UTF-8''" +
                                                    pct("新密市-逾期事项-" + kAsOfText + ".csv"));

  // With the filters of the page: a township picked by its name, one domain (one it has overdue).
  const auto subtree = subtreeOf("xinmi.chengguan");
  std::string domain;
  std::size_t town_overdue = 0;
  for (const char* d : {"flood", "fire", "forest_fire", "enterprise_safety"}) {
    town_overdue = countOf(subtree, sdk::ObligationStatus::Overdue, d);
    domain = d;
    if (town_overdue > 0) break;
  }
  ASSERT_GT(town_overdue, 0u);
  Reply town = get(admin, "/dashboard/export?as_of=" + kAsOfText + "&list=overdue&org=" + pct("城关镇") +
                              "&domain=" + domain + "&format=csv");
  ASSERT_EQ(town.status, 200) << town.body;
  records = csvRecords(town.body);
  EXPECT_EQ(records.size(), town_overdue + 1);
  const std::string label = app_->plugins().byDomain(domain)->name_zh;
  for (std::size_t i = 1; i < records.size(); ++i) EXPECT_EQ(records[i].fields[1], label);
  EXPECT_NE(town.headers["Content-Disposition"].find(pct("城关镇-逾期事项-" + kAsOfText + ".csv")),
            std::string::npos)
      << town.headers["Content-Disposition"];

  // A page route: the refusal is an error page naming the parameter.
  Reply bad = get(admin, "/dashboard/export?as_of=" + kAsOfText + "&format=pdf");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("“pdf”不是 csv 或 xlsx"), std::string::npos) << bad.body;
  bad = get(admin, "/dashboard/export?as_of=" + kAsOfText + "&list=everything");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("列表（list）"), std::string::npos) << bad.body;
}

TEST_F(DashboardDownloadsTest, XlsxHoldsTheSameRowsAsTheCsv) {
  Login admin = login("admin");
  Reply xlsx = get(admin, "/dashboard/export?as_of=" + kAsOfText + "&list=met_late&format=xlsx");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body.substr(0, 300);
  EXPECT_EQ(xlsx.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(
      xlsx.headers["Content-Disposition"].find(pct("新密市-逾期完成事项-" + kAsOfText + ".xlsx")),
      std::string::npos);
  Poco::TemporaryFile file;
  {
    std::ofstream out(file.path(), std::ios::binary);
    out << xlsx.body;
  }
  io::XlsxReader reader(file.path());
  std::size_t rows = 0;
  for (io::CsvRecord r; reader.next(r);) ++rows;
  const std::size_t met_late = countOf({}, sdk::ObligationStatus::MetLate);
  ASSERT_GT(met_late, 0u);
  EXPECT_EQ(rows, met_late + 1);
}

TEST_F(DashboardDownloadsTest, VillageDownloadsItsOwnDutiesAndEveryListLinksToItsFile) {
  Login village = login("village");
  Reply page = get(village, "/?as_of=" + kAsOfText);
  ASSERT_EQ(page.status, 200);
  const std::regex link("id=\"own-duties-csv\" href=\"([^\"]+)\"");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, link)) << page.body.substr(page.body.find("<main>"));
  Reply file = get(village, unescape(m[1].str()));
  ASSERT_EQ(file.status, 200) << file.body;
  const std::regex range(
      "id=\"own-duties-range\">共 ([0-9]+) 项|id=\"own-duties-range\">第 1–[0-9]+ 项，共 ([0-9]+) "
      "项");
  std::smatch r;
  ASSERT_TRUE(std::regex_search(page.body, r, range));
  const std::string total = r[1].matched ? r[1].str() : r[2].str();
  EXPECT_EQ(csvRecords(file.body).size(), std::stoul(total) + 1);
  auto org = store::OrganisationRepository(app_->db().session()).findByCode("xinmi.chengguan.04");
  EXPECT_NE(file.headers["Content-Disposition"].find(
                pct(org->name + "-本单位待办-" + kAsOfText + ".csv")),
            std::string::npos)
      << file.headers["Content-Disposition"];

  Login admin = login("admin");
  Reply dash = get(admin, "/?as_of=" + kAsOfText + "&domain=fire");
  for (const char* id : {"overdue-list-csv", "due-soon-list-xlsx", "met-late-list-csv"}) {
    const std::regex href(std::string("id=\"") + id + "\" href=\"([^\"]+)\"");
    ASSERT_TRUE(std::regex_search(dash.body, m, href)) << id;
    EXPECT_NE(m[1].str().find("domain=fire"), std::string::npos) << m[1].str();
    EXPECT_EQ(get(admin, unescape(m[1].str())).status, 200) << m[1].str();
  }
}

TEST_F(DashboardDownloadsTest, SummaryDownloadsAreNamedByScopeKindAndDay) {
  Login admin = login("admin");
  Reply html = get(
      admin, "/api/v1/summaries?kind=plan-status&as_of=" + kAsOfText + "&format=html&download=1");
  ASSERT_EQ(html.status, 200);
  EXPECT_EQ(html.headers["Content-Disposition"], "attachment; filename=\"xinmi-plan-status-" +
                                                     kAsOfText + ".html\"; filename*=UTF-8''" +
                                                     pct("新密市-预案状态-" + kAsOfText + ".html"));
  Login town = login("town");
  Reply township =
      get(town, "/api/v1/summaries?kind=township&org=xinmi.chengguan&as_of=" + kAsOfText +
                    "&format=text&download=1");
  ASSERT_EQ(township.status, 200) << township.body;
  EXPECT_NE(
      township.headers["Content-Disposition"].find(pct("城关镇-乡镇汇总-" + kAsOfText + ".txt")),
      std::string::npos)
      << township.headers["Content-Disposition"];
}

TEST_F(DashboardDownloadsTest, AnOrganisationIsPickedByItsName) {
  Login admin = login("admin");
  Reply by_name = get(admin, "/?as_of=" + kAsOfText + "&org=" + pct("城关镇"));
  ASSERT_EQ(by_name.status, 200) << by_name.body;
  Reply by_code = get(admin, "/?as_of=" + kAsOfText + "&org=xinmi.chengguan");
  ASSERT_EQ(by_code.status, 200);
  const std::regex overdue("id=\"count-overdue\">([0-9]+)<");
  std::smatch a, b;
  ASSERT_TRUE(std::regex_search(by_name.body, a, overdue));
  ASSERT_TRUE(std::regex_search(by_code.body, b, overdue));
  EXPECT_EQ(a[1].str(), b[1].str());
  const auto subtree = subtreeOf("xinmi.chengguan");
  EXPECT_EQ(std::stoul(a[1].str()), countOf(subtree, sdk::ObligationStatus::Overdue));
  // The box shows the name, whichever way the organisation came, and offers names to search.
  for (const auto* body : {&by_name.body, &by_code.body}) {
    EXPECT_NE(body->find("id=\"org-picker\" name=\"org\" list=\"org-options\" value=\"城关镇\""),
              std::string::npos);
  }
  EXPECT_NE(by_name.body.find("<option value=\"米村镇\">"), std::string::npos);
  EXPECT_EQ(by_name.body.find("<option value=\"xinmi.micun\""), std::string::npos);
  Reply unknown = get(admin, "/?as_of=" + kAsOfText + "&org=" + pct("不存在的单位"));
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("不存在的单位"), std::string::npos);
}

TEST_F(DashboardDownloadsTest, ChartsHaveIntegerTicksAndTheirNumbersAsTables) {
  Login admin = login("admin");
  Reply page = get(admin, "/?as_of=" + kAsOfText);
  ASSERT_EQ(page.status, 200);
  // Obligations by domain: the table gives the page's totals.
  std::size_t overdue = 0;
  for (const auto& row : chartTable(page.body, "chart-domains")) {
    ASSERT_EQ(row.size(), 6u);  // domain, four statuses, total
    overdue += std::stoul(row[4]);
  }
  EXPECT_EQ(overdue, countOf({}, sdk::ObligationStatus::Overdue));
  // Drills per month of 2023: the year's drills.
  int drills = 0;
  const auto months = chartTable(page.body, "chart-months");
  ASSERT_EQ(months.size(), 12u);
  EXPECT_EQ(months.front().front(), "1月");
  for (const auto& row : months) drills += std::stoi(row.back());
  EXPECT_EQ(
      drills,
      count("SELECT COUNT(*) FROM drills WHERE drill_date BETWEEN '2023-01-01' AND '2023-12-31'"));
  // Share met by township, in per cent.
  const auto towns = chartTable(page.body, "chart-townships");
  ASSERT_GT(towns.size(), 5u);
  for (const auto& row : towns) {
    ASSERT_EQ(row.size(), 2u);
    EXPECT_EQ(row[1].back(), '%');
    const double v = std::stod(row[1]);
    EXPECT_GE(v, 0);
    EXPECT_LE(v, 100);
  }
  // Every chart fills its card (no fixed pixel width).
  const std::regex svg("<svg [^>]*width=\"([^\"]+)\"");
  std::size_t charts = 0;
  for (std::sregex_iterator it(page.body.begin(), page.body.end(), svg), end; it != end;
       ++it, ++charts)
    EXPECT_EQ((*it)[1].str(), "100%");
  EXPECT_EQ(charts, 3u);

  // A village: no township chart, its own small numbers on integer ticks.
  Login village = login("village");
  Reply own = get(village, "/?as_of=" + kAsOfText);
  EXPECT_EQ(own.body.find("id=\"chart-townships\""), std::string::npos);
  EXPECT_NE(own.body.find("id=\"chart-domains\""), std::string::npos);
}

TEST_F(DashboardDownloadsTest, ChartTicksAreWholeNumbersEvenlySpaced) {
  EXPECT_EQ(summary::chartTicks(3), (std::vector<long>{0, 1, 2, 3}));
  EXPECT_EQ(summary::chartTicks(7), (std::vector<long>{0, 2, 4, 6, 8}));
  EXPECT_EQ(summary::chartTicks(100), (std::vector<long>{0, 20, 40, 60, 80, 100}));
  EXPECT_EQ(summary::chartTicks(2001), (std::vector<long>{0, 500, 1000, 1500, 2000, 2500}));
  EXPECT_EQ(summary::chartTicks(0), (std::vector<long>{0, 1}));
  for (int max = 1; max < 5000; max += 7) {
    const auto ticks = summary::chartTicks(max);
    ASSERT_GE(ticks.size(), 2u);
    EXPECT_LE(ticks.size(), 6u) << max;
    EXPECT_GE(ticks.back(), max);
    for (std::size_t i = 1; i < ticks.size(); ++i)
      EXPECT_EQ(ticks[i] - ticks[i - 1], ticks[1]) << max;
  }
  // The old axis labelled a maximum of 3 as 0, 1, 2, 2, 3: each tick's label is its own value.
  summary::SvgChart chart;
  chart.title = "t";
  chart.categories = {"a"};
  chart.series = {{"s", "#000", {3}}};
  const std::string svg = chart.toSvg();
  const std::regex label("text-anchor=\"end\">([0-9]+)</text>");
  std::vector<std::string> labels;
  for (std::sregex_iterator it(svg.begin(), svg.end(), label), end; it != end; ++it)
    labels.push_back((*it)[1]);
  EXPECT_EQ(labels, (std::vector<std::string>{"0", "1", "2", "3"}));
}

TEST_F(DashboardDownloadsTest, ASignedInUserMakesTheirCalendarLinkFromThePage) {
  Login town = login("town");
  Reply page = get(town, "/calendar-feed");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("id=\"calendar-feed-none\""), std::string::npos);
  auto post = [&]() {
    return request("POST", "/calendar-feed", "csrf_token=" + town.csrf,
                   "application/x-www-form-urlencoded",
                   {{"Cookie", "beacon_session=" + town.cookie},
                    {"Host", "beacon.example:8443"},
                    {"Origin", "http://beacon.example:8443"}});
  };
  Reply made = post();
  ASSERT_EQ(made.status, 200) << made.body;
  const std::regex url(
      "id=\"calendar-feed-url\" type=\"text\" readonly value=\"http://beacon.example:8443"
      "(/calendar/xinmi\\.chengguan\\.ics\\?key=(bcf_[0-9a-f]+))\"");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(made.body, m, url)) << made.body.substr(made.body.find("<main>"));
  EXPECT_NE(made.body.find("href=\"webcal://beacon.example:8443/calendar/xinmi.chengguan.ics?key="),
            std::string::npos);
  const std::string path = m[1].str();
  const std::string secret = m[2].str();
  Reply feed = request("GET", path);  // a calendar app: no cookie
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_EQ(feed.body.rfind("BEGIN:VCALENDAR", 0), 0u);
  // Seen again: that a link exists, never its secret.
  page = get(town, "/calendar-feed");
  EXPECT_NE(page.body.find("id=\"calendar-feed-live\""), std::string::npos);
  EXPECT_NE(page.body.find(secret.substr(0, 12)), std::string::npos);
  EXPECT_EQ(page.body.find(secret), std::string::npos);
  // A new link stops the old one.
  ASSERT_EQ(post().status, 200);
  EXPECT_EQ(request("GET", path).status, 401);
  // Without the CSRF token nothing is made.
  Reply forged = request("POST", "/calendar-feed", "", "application/x-www-form-urlencoded",
                         {{"Cookie", "beacon_session=" + town.cookie}});
  EXPECT_EQ(forged.status, 403);
}

}  // namespace
}  // namespace beacon::http::testing
