// The dashboard's lists and the obligations API over a real socket (issue
// #14 §1, issue #13): pages with the total that add up to the full check,
// filters and sort orders kept in every link, every count linking to the
// list behind it, due-soon duties listed, and a village's own 本单位待办 in
// place of the township × domain matrix.
#include "host/http/web_fixture.h"

#include <regex>
#include <set>
#include <tuple>

#include <Poco/JSON/Array.h>

#include "rules/obligation_page.h"

namespace beacon::http::testing {
namespace {

const sdk::Date kAsOf{2023, 12, 31};
const std::string kAsOfText = "2023-12-31";

using Key =
    std::tuple<std::string, sdk::RecordId, sdk::RecordId, std::string>;  // rule, org, plan, due

class DashboardListsTest : public WebFixture {
 protected:
  // The full check the pages must agree with.
  static std::vector<rules::ObligationResult> fullCheck(std::vector<sdk::RecordId> org_ids = {}) {
    rules::CheckQuery q;
    q.as_of = kAsOf;
    q.org_ids = std::move(org_ids);
    auto checked = app_->engine().check(q);
    EXPECT_TRUE(checked.isOk());
    return checked.isOk() ? checked.value() : std::vector<rules::ObligationResult>{};
  }
  static std::size_t countOf(const std::vector<rules::ObligationResult>& all,
                             sdk::ObligationStatus s) {
    return static_cast<std::size_t>(std::count_if(
        all.begin(), all.end(), [&](const rules::ObligationResult& r) { return r.status == s; }));
  }
  static Key keyOf(Poco::JSON::Object::Ptr o) {
    return {o->getValue<std::string>("rule_id"), o->getValue<sdk::RecordId>("org_id"),
            o->isNull("plan_id") ? 0 : o->getValue<sdk::RecordId>("plan_id"),
            o->getValue<std::string>("due")};
  }
  static std::string unescape(std::string s) {
    for (std::size_t at; (at = s.find("&amp;")) != std::string::npos;) s.replace(at, 5, "&");
    return s;
  }
  // The rows of the table with this id (not its "no records" row).
  static std::size_t tableRows(const std::string& body, const std::string& id) {
    const auto start = body.find("<table id=\"" + id + "\">");
    if (start == std::string::npos) return 0;
    const std::string table = body.substr(start, body.find("</table>", start) - start);
    std::size_t n = 0;
    for (std::size_t at = 0; (at = table.find("<tr><td", at)) != std::string::npos; ++at) {
      if (table.compare(at, 16, "<tr><td colspan=") != 0) ++n;
    }
    return n;
  }
};

TEST_F(DashboardListsTest, ObligationsApiPagesAddUpToTheFullCheck) {
  Login admin = login("admin");
  const auto full = fullCheck();
  std::vector<Key> expected;
  for (const auto& r : full) {
    if (r.status == sdk::ObligationStatus::Overdue) {
      expected.emplace_back(r.obligation.rule_id, r.obligation.org_id, r.obligation.plan_id,
                            r.obligation.due.toString());
    }
  }
  ASSERT_GT(expected.size(), 200u);
  std::vector<Key> paged;
  for (std::size_t offset = 0;; offset += 97) {
    Reply r = get(admin, "/api/v1/obligations?as_of=" + kAsOfText +
                             "&status=overdue&limit=97&offset=" + std::to_string(offset));
    ASSERT_EQ(r.status, 200) << r.body;
    auto json = r.json();
    EXPECT_EQ(json->getValue<std::size_t>("total"), expected.size());
    EXPECT_EQ(json->getValue<std::size_t>("limit"), 97u);
    auto items = json->getArray("items");
    ASSERT_LE(items->size(), 97u);
    if (items->size() == 0) break;
    for (unsigned i = 0; i < items->size(); ++i) paged.push_back(keyOf(items->getObject(i)));
  }
  EXPECT_EQ(paged, expected);

  Reply all = get(admin, "/api/v1/obligations?as_of=" + kAsOfText + "&limit=1&offset=3");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json()->getValue<std::size_t>("total"), full.size());
  ASSERT_EQ(all.json()->getArray("items")->size(), 1u);
  const auto& fourth = full[3].obligation;
  EXPECT_EQ(keyOf(all.json()->getArray("items")->getObject(0)),
            Key(fourth.rule_id, fourth.org_id, fourth.plan_id, fourth.due.toString()));
}

TEST_F(DashboardListsTest, ObligationsApiFiltersAndSorts) {
  Login admin = login("admin");
  const auto full = fullCheck();
  const auto drills_overdue =
      std::count_if(full.begin(), full.end(), [](const rules::ObligationResult& r) {
        return r.status == sdk::ObligationStatus::Overdue &&
               r.obligation.kind == sdk::ObligationKind::Drill;
      });
  ASSERT_GT(drills_overdue, 0);
  Reply r = get(admin, "/api/v1/obligations?as_of=" + kAsOfText +
                           "&status=overdue&kind=drill&sort=due&limit=500");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<long>("total"), drills_overdue);
  auto items = r.json()->getArray("items");
  std::string last_due;
  for (unsigned i = 0; i < items->size(); ++i) {
    auto o = items->getObject(i);
    EXPECT_EQ(o->getValue<std::string>("kind"), "drill");
    EXPECT_LE(last_due, o->getValue<std::string>("due"));
    last_due = o->getValue<std::string>("due");
  }
  Reply by_org =
      get(admin, "/api/v1/obligations?as_of=" + kAsOfText + "&status=overdue&sort=org&limit=500");
  ASSERT_EQ(by_org.status, 200) << by_org.body;
  auto org_items = by_org.json()->getArray("items");
  std::string last_org;
  for (unsigned i = 0; i < org_items->size(); ++i) {
    const std::string name = org_items->getObject(i)->getValue<std::string>("org_name");
    EXPECT_LE(last_org, name);
    last_org = name;
  }
  EXPECT_EQ(get(admin, "/api/v1/obligations?kind=volcano").errorField(), "kind");
  EXPECT_EQ(get(admin, "/api/v1/obligations?sort=name").errorField(), "sort");
  EXPECT_EQ(get(admin, "/api/v1/obligations?limit=0").errorField(), "limit");
  EXPECT_EQ(get(admin, "/api/v1/obligations?limit=501").errorField(), "limit");
  EXPECT_EQ(get(admin, "/api/v1/obligations?offset=-1").errorField(), "offset");
}

TEST_F(DashboardListsTest, DashboardListsArePagedWithTheTotal) {
  Login admin = login("admin");
  const auto full = fullCheck();
  const std::string overdue = std::to_string(countOf(full, sdk::ObligationStatus::Overdue));
  const std::string due_soon = std::to_string(countOf(full, sdk::ObligationStatus::DueSoon));
  ASSERT_NE(due_soon, "0");
  Reply page = get(admin, "/?as_of=" + kAsOfText + "&list=overdue&limit=5");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("id=\"count-overdue\">" + overdue + "<"), std::string::npos);
  EXPECT_NE(page.body.find("第 1–5 项，共 " + overdue + " 项"), std::string::npos) << page.body;
  EXPECT_EQ(tableRows(page.body, "overdue-list"), 5u);
  // Due soon (即将到期) is listed, not only counted.
  EXPECT_EQ(tableRows(page.body, "due-soon-list"), 5u);
  EXPECT_NE(page.body.find("第 1–5 项，共 " + due_soon + " 项"), std::string::npos);

  std::smatch next;
  ASSERT_TRUE(std::regex_search(
      page.body, next,
      std::regex("href=\"(/\\?[^\"]*list=overdue[^\"]*offset=5[^\"]*)\" rel=\"next\"")))
      << "no next link to the overdue list's second page";
  Reply second = get(admin, unescape(next[1].str()));
  ASSERT_EQ(second.status, 200);
  EXPECT_NE(second.body.find("第 6–10 项，共 " + overdue + " 项"), std::string::npos);
  EXPECT_NE(second.body.find("rel=\"prev\""), std::string::npos);
  // The last page holds the remainder.
  const int n = std::stoi(overdue);
  Reply last = get(
      admin, "/?as_of=" + kAsOfText + "&list=overdue&limit=5&offset=" + std::to_string(n - n % 5));
  EXPECT_EQ(tableRows(last.body, "overdue-list"), static_cast<std::size_t>(n % 5 == 0 ? 0 : n % 5));
  EXPECT_EQ(get(admin, "/?list=late").status, 400);
}

TEST_F(DashboardListsTest, EveryCountLinksToTheListBehindIt) {
  Login admin = login("admin");
  Reply page = get(admin, "/?as_of=" + kAsOfText + "&limit=3");
  ASSERT_EQ(page.status, 200);
  // The totals.
  for (const char* list : {"met", "met_late", "due_soon", "overdue"}) {
    EXPECT_TRUE(
        std::regex_search(page.body, std::regex(std::string("<a href=\"/\\?[^\"]*list=") + list)))
        << list;
  }
  // Township × domain cells: follow each overdue link of the matrix and find the cell's count as
  // the list's total.
  const auto matrix = page.body.substr(page.body.find("<table id=\"matrix\">"));
  const std::regex cell("<a class=\"overdue\" href=\"([^\"]*)\">([0-9]+)</a>");
  int followed = 0;
  for (std::sregex_iterator it(matrix.begin(), matrix.end(), cell), end; it != end && followed < 4;
       ++it) {
    const std::string href = unescape((*it)[1].str());
    const std::string count = (*it)[2].str();
    if (count == "0") continue;
    EXPECT_NE(href.find("org=xinmi."), std::string::npos) << href;
    Reply list = get(admin, href);
    ASSERT_EQ(list.status, 200) << href;
    EXPECT_NE(list.body.find("id=\"count-overdue\">" + count + "<"), std::string::npos) << href;
    EXPECT_NE(list.body.find("项，共 " + count + " 项"), std::string::npos) << href;
    ++followed;
  }
  EXPECT_GT(followed, 0);
}

TEST_F(DashboardListsTest, FiltersStayInTheLinks) {
  Login admin = login("admin");
  Reply page =
      get(admin, "/?as_of=" + kAsOfText + "&kind=drill&list=overdue&sort=org&limit=1");
  ASSERT_EQ(page.status, 200) << page.body;
  std::smatch next;
  ASSERT_TRUE(std::regex_search(page.body, next, std::regex("href=\"([^\"]*list=overdue[^\"]*)\" rel=\"next\"")));
  const std::string href = unescape(next[1].str());
  for (const char* kept :
       {"as_of=2023-12-31", "kind=drill", "list=overdue", "sort=org", "limit=1"}) {
    EXPECT_NE(href.find(kept), std::string::npos) << href << " lacks " << kept;
  }
  EXPECT_NE(page.body.find("<option value=\"drill\" selected>"), std::string::npos);
  EXPECT_EQ(get(admin, "/?kind=volcano").status, 400);
}

TEST_F(DashboardListsTest, VillageSeesItsOwnToDoAndNoTownship) {
  Login village = login("village");
  Reply page = get(village, "/?as_of=" + kAsOfText + "&limit=200");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("本单位待办"), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"matrix\""), std::string::npos);
  EXPECT_EQ(page.body.find("米村镇"), std::string::npos);  // another township's name, never
  const auto mine = fullCheck({orgId("xinmi.chengguan.04")});
  std::size_t expected = 0;
  for (const auto& r : mine) {
    const bool open = r.status == sdk::ObligationStatus::Overdue ||
                      r.status == sdk::ObligationStatus::DueSoon ||
                      r.status == sdk::ObligationStatus::Upcoming;
    if (open && rules::listedDue(r) <= kAsOf.addDays(60)) ++expected;
  }
  ASSERT_GT(expected, 0u);
  EXPECT_EQ(tableRows(page.body, "own-duties-list"), expected);
  EXPECT_NE(page.body.find("共 " + std::to_string(expected) + " 项"), std::string::npos);
  // By date.
  const auto table = page.body.substr(page.body.find("<table id=\"own-duties-list\">"));
  const std::regex due("<tr><td class=\"[a-z_]+\">([0-9-]{10})");
  std::string last;
  for (std::sregex_iterator it(table.begin(), table.end(), due), end; it != end; ++it) {
    EXPECT_LE(last, (*it)[1].str());
    last = (*it)[1].str();
  }
  EXPECT_LE(last, kAsOf.addDays(60).toString());
}

// 本单位待办 was cut at 100 rows with no way to the rest: it pages like the other lists, and its
// links keep the unit and the as-of day (the same 60-day window), so the pages hold every duty.
TEST_F(DashboardListsTest, VillageOwnDutiesPageThroughTheWholeList) {
  Login village = login("village");
  // A day the demo village has more than one open duty in its window (2023-12-31: one).
  const sdk::Date as_of{2024, 3, 31};
  rules::CheckQuery check;
  check.as_of = as_of;
  check.org_ids = {orgId("xinmi.chengguan.04")};
  auto checked = app_->engine().check(check);
  ASSERT_TRUE(checked.isOk());
  const auto& mine = checked.value();
  std::vector<std::string> expected;  // due dates, in order
  for (const auto& r : mine) {
    const bool open = r.status == sdk::ObligationStatus::Overdue ||
                      r.status == sdk::ObligationStatus::DueSoon ||
                      r.status == sdk::ObligationStatus::Upcoming;
    if (open && rules::listedDue(r) <= as_of.addDays(60)) expected.push_back(rules::listedDue(r).toString());
  }
  std::sort(expected.begin(), expected.end());
  ASSERT_GT(expected.size(), 1u);  // more than one page of one
  const std::regex due("<tr><td class=\"[a-z_]+\">([0-9-]{10})");
  const std::regex next("href=\"([^\"]*list=own_duties[^\"]*)\" rel=\"next\"");
  std::vector<std::string> paged;
  std::string url = "/?as_of=" + as_of.toString() + "&limit=1";
  for (int pages = 0; !url.empty() && pages < 100; ++pages) {
    Reply page = get(village, url);
    ASSERT_EQ(page.status, 200) << url << "\n" << page.body;
    const auto start = page.body.find("<table id=\"own-duties-list\">");
    ASSERT_NE(start, std::string::npos) << url;
    const std::string table = page.body.substr(start, page.body.find("</table>", start) - start);
    const std::size_t before = paged.size();
    for (std::sregex_iterator it(table.begin(), table.end(), due), end; it != end; ++it)
      paged.push_back((*it)[1].str());
    EXPECT_LE(paged.size() - before, 1u) << url;
    const std::string range = std::to_string(before + 1) + "–" + std::to_string(paged.size());
    EXPECT_NE(page.body.find("第 " + range + " 项，共 " + std::to_string(expected.size()) + " 项"),
              std::string::npos)
        << url;
    std::smatch link;
    url.clear();
    const auto pager = page.body.find("<p class=\"pager\">", start);
    const std::string after_table = page.body.substr(pager, page.body.find("</p>", pager) - pager);
    if (std::regex_search(after_table, link, next)) {
      url = unescape(link[1].str());
      for (const char* kept : {"as_of=2024-03-31", "org=xinmi.chengguan.04", "limit=1"})
        EXPECT_NE(url.find(kept), std::string::npos) << url << " lacks " << kept;
      if (before == 0) {
        EXPECT_NE(page.body.find("id=\"own-duties-all\""), std::string::npos);
      }
    }
  }
  EXPECT_EQ(paged, expected);
}

}  // namespace
}  // namespace beacon::http::testing
