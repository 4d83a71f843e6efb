// The /plans and /drills lists as files (list_exports.cpp, list_download.h) over a real socket:
// the page's 下载 CSV / 下载 Excel links carry its filters; the file holds every row of the
// filtered list in the user's scope (more than a page: no cap), in the page's order, named by
// scope, list and day; a township's file holds nothing outside its subtree; a bad format is 400.
#include "host/http/web_fixture.h"

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <Poco/TemporaryFile.h>

#include "http/download_name.h"
#include "download_records.h"
#include "io/csv_reader.h"
#include "io/xlsx_reader.h"
#include "service/record_checks.h"

namespace beacon::http::testing {
namespace {

class ListDownloadsTest : public WebFixture {
 protected:
  static std::vector<io::CsvRecord> xlsxRecords(const std::string& body) {
    Poco::TemporaryFile file;
    {
      std::ofstream out(file.path(), std::ios::binary);
      out << body;
    }
    io::XlsxReader reader(file.path());
    std::vector<io::CsvRecord> out;
    for (io::CsvRecord r; reader.next(r);) out.push_back(r);
    return out;
  }
  static std::string link(const Reply& page, const std::string& id) {
    const std::regex href("id=\"" + id + "\" href=\"([^\"]+)\"");
    std::smatch m;
    EXPECT_TRUE(std::regex_search(page.body, m, href)) << id;
    std::string s = m.empty() ? "" : m[1].str();
    for (std::size_t at; (at = s.find("&amp;")) != std::string::npos;) s.replace(at, 5, "&");
    return s;
  }
  static std::string subtreeIds(const std::string& code) {
    std::string out;
    for (auto id : store::OrganisationRepository(app_->db().session()).subtree(orgId(code))) {
      out += (out.empty() ? "" : ", ") + std::to_string(id);
    }
    return "(" + out + ")";
  }
};

TEST_F(ListDownloadsTest, ThePlanListsLinksGiveEveryFilteredPlanAsCsvAndXlsx) {
  Login admin = login("admin");
  Reply page = get(admin, "/plans?domain=flood&offset=50");
  ASSERT_EQ(page.status, 200) << page.body;
  const std::string csv_href = link(page, "plan-download-csv");
  EXPECT_EQ(csv_href, "/plans/export?domain=flood&format=csv") << "the filters, not the page";
  Reply csv = get(admin, csv_href);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
  const int flood = count("SELECT COUNT(*) FROM plans WHERE domain = 'flood'");
  ASSERT_GT(flood, 50) << "more than one page";
  const auto records = csvRecords(csv.body);
  ASSERT_EQ(records.size(), static_cast<std::size_t>(flood) + 1);
  EXPECT_EQ(records.front().fields.front(), "编码");
  const std::string today = service::today().toString();
  EXPECT_NE(csv.headers["Content-Disposition"].find("filename=\"xinmi-plans-" + today + ".csv\""),
            std::string::npos)
      << csv.headers["Content-Disposition"];
  EXPECT_NE(
      csv.headers["Content-Disposition"].find(percentEncoded("新密市-预案清单-" + today + ".csv")),
      std::string::npos);

  Reply xlsx = get(admin, link(page, "plan-download-xlsx"));
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const auto rows = xlsxRecords(xlsx.body);
  ASSERT_EQ(rows.size(), records.size());
  for (std::size_t i = 0; i < rows.size(); ++i)
    EXPECT_EQ(rows[i].fields.front(), records[i].fields.front());

  Reply bad = get(admin, "/plans/export?format=pdf");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(has(bad, "“pdf”不是 csv 或 xlsx")) << bad.body;
}

TEST_F(ListDownloadsTest, ATownshipsDrillFileHoldsItsSubtreeOnlyWithThePagesFilters) {
  Login town = login("town");
  Reply page = get(town, "/drills?from=2023-01-01&to=2023-12-31");
  ASSERT_EQ(page.status, 200);
  const std::string href = link(page, "drill-download-csv");
  EXPECT_EQ(href, "/drills/export?from=2023-01-01&to=2023-12-31&format=csv");
  Reply csv = get(town, href);
  ASSERT_EQ(csv.status, 200) << csv.body;
  const std::string in_scope = "org_id IN " + subtreeIds("xinmi.chengguan");
  const int expected = count(
      "SELECT COUNT(*) FROM drills WHERE drill_date BETWEEN '2023-01-01' AND '2023-12-31' AND " +
      in_scope);
  ASSERT_GT(expected, 0);
  const auto records = csvRecords(csv.body);
  ASSERT_EQ(records.size(), static_cast<std::size_t>(expected) + 1);
  EXPECT_EQ(records.front().fields.front(), "日期");
  const auto org_code =
      std::find(records.front().fields.begin(), records.front().fields.end(), "单位编码") -
      records.front().fields.begin();
  std::set<std::string> subtree_codes;
  store::OrganisationRepository orgs(app_->db().session());
  for (auto id : orgs.subtree(orgId("xinmi.chengguan")))
    subtree_codes.insert(orgs.findById(id)->code);
  for (std::size_t i = 1; i < records.size(); ++i) {
    EXPECT_EQ(subtree_codes.count(records[i].fields[org_code]), 1u) << records[i].fields[org_code];
    EXPECT_GE(records[i - (i > 1 ? 1 : 0)].fields[0], records[i].fields[0])
        << "newest first, as the page";
  }
  EXPECT_NE(csv.headers["Content-Disposition"].find(percentEncoded("城关镇-演练台账-")),
            std::string::npos)
      << csv.headers["Content-Disposition"];
  EXPECT_EQ(get(town, "/drills/export?org=xinmi.micun&format=csv").status, 403)
      << "outside the subtree";

  Login admin = login("admin");
  const int all = count("SELECT COUNT(*) FROM drills");
  ASSERT_GT(all, 1000) << "more than one read chunk";
  EXPECT_EQ(csvRecords(get(admin, "/drills/export").body).size(),
            static_cast<std::size_t>(all) + 1);
}

}  // namespace
}  // namespace beacon::http::testing
