// Keyset paging of the drill list over a real socket: the API's next_after / prev_before keys
// walk the same drills as offset pages, bad keys are a 400 naming the parameter, and the
// /drills page's previous/next links carry the key and lead to the same rows as offset pages.
#include <regex>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>

#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class DrillPagingTest : public WebFixture {
 protected:
  static std::vector<long> itemIds(const Reply& r) {
    std::vector<long> ids;
    auto items = r.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) ids.push_back(items->getObject(i)->getValue<long>("id"));
    return ids;
  }
  // The drills a /drills page lists, in order, and its previous/next links (HTML-unescaped).
  static std::vector<std::string> pageDrills(const std::string& html) {
    std::vector<std::string> ids;
    static const std::regex row("<a href=\"/drills/([0-9]+)\">");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), row); it != std::sregex_iterator(); ++it)
      ids.push_back((*it)[1]);
    return ids;
  }
  static std::string link(const std::string& html, const std::string& label) {
    static const std::regex a("<a href=\"([^\"]+)\">([^<]+)</a>");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), a); it != std::sregex_iterator(); ++it) {
      if ((*it)[2] == label) return std::regex_replace((*it)[1].str(), std::regex("&amp;"), "&");
    }
    return "";
  }
};

TEST_F(DrillPagingTest, ApiKeysWalkTheSameDrillsAsOffsets) {
  const Login admin = login("admin");
  const std::string base = "/api/v1/drills?org=xinmi.chengguan&limit=7";
  std::vector<long> by_offset, by_key;
  std::vector<std::string> keys;  // next_after of each keyed page
  const Reply first = get(admin, base);
  ASSERT_EQ(first.status, 200) << first.body;
  const int total = first.json()->getValue<int>("total");
  ASSERT_GT(total, 30);
  for (int offset = 0; offset < total; offset += 7) {
    const Reply r = get(admin, base + "&offset=" + std::to_string(offset));
    ASSERT_EQ(r.status, 200) << r.body;
    const auto ids = itemIds(r);
    by_offset.insert(by_offset.end(), ids.begin(), ids.end());
  }
  std::string path = base;
  for (int pages = 0; pages < 1000; ++pages) {
    const Reply r = get(admin, path);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()->getValue<int>("total"), total);
    const auto ids = itemIds(r);
    by_key.insert(by_key.end(), ids.begin(), ids.end());
    if (!r.json()->has("next_after")) break;
    keys.push_back(r.json()->getValue<std::string>("next_after"));
    path = base + "&after=" + keys.back();
  }
  EXPECT_EQ(by_key, by_offset);
  ASSERT_GE(keys.size(), 3u);
  // before the first drill of the third page: the second page.
  const Reply third = get(admin, base + "&after=" + keys[1]);
  const Reply back = get(admin, base + "&before=" + third.json()->getValue<std::string>("prev_before"));
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(itemIds(back), std::vector<long>(by_offset.begin() + 7, by_offset.begin() + 14));
}

TEST_F(DrillPagingTest, BadKeysAreRefusedNamingTheParameter) {
  const Login admin = login("admin");
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"after=2023-06-01", "after"},
           {"before=x_1", "before"},
           {"after=2023-06-01_5&before=2023-06-01_9", "before"},
           {"after=2023-06-01_5&offset=50", "offset"}}) {
    const Reply r = get(admin, "/api/v1/drills?" + query);
    EXPECT_EQ(r.status, 400) << query << ": " << r.body;
    EXPECT_EQ(r.errorField(), field) << query;
  }
  const Reply page = get(admin, "/drills?after=2023-13-01_5");
  EXPECT_EQ(page.status, 400);
}

TEST_F(DrillPagingTest, PageLinksCarryTheKeyAndShowTheOffsetRows) {
  const Login admin = login("admin");
  const Reply second = get(admin, "/drills?org=xinmi.chengguan&offset=50");
  ASSERT_EQ(second.status, 200) << second.body;
  const std::string next = link(second.body, "下一页");
  const std::string prev = link(second.body, "上一页");
  ASSERT_NE(next.find("after="), std::string::npos) << next;
  EXPECT_NE(next.find("offset=100"), std::string::npos) << next;
  EXPECT_EQ(prev.find("before="), std::string::npos) << prev;  // the first page: no key needed
  const Reply third = get(admin, next);
  ASSERT_EQ(third.status, 200) << third.body;
  EXPECT_EQ(pageDrills(third.body), pageDrills(get(admin, "/drills?org=xinmi.chengguan&offset=100").body));
  const std::string back = link(third.body, "上一页");
  ASSERT_NE(back.find("before="), std::string::npos) << back;
  EXPECT_EQ(pageDrills(get(admin, back).body), pageDrills(second.body));
}

}  // namespace
}  // namespace beacon::http::testing
