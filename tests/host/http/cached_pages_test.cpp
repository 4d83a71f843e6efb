// The list pages /drills, /plans and /drills/new are served from the response cache (over a real
// socket), and a write drops exactly the kept pages it changes: a drill a village user posts is on
// the next /drills page of that village, of its township and of the city (for the poster, the
// township's staff and the administrator), while the pages of another township, the plan lists
// and the drill form stay kept. A kept page never crosses read scopes or languages, and each
// session gets its own CSRF token and fresh submit tokens in a kept form.
#include <set>
#include <string>
#include <vector>

#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class CachedPagesTest : public WebFixture {
 protected:
  // GETs until the page comes from the cache.
  static Reply warm(const Login& who, const std::string& path) {
    Reply r;
    for (int i = 0; i < 10; ++i) {
      r = get(who, path);
      EXPECT_EQ(r.status, 200) << path << ": " << r.body;
      if (r.headers["X-Beacon-Cache"] == "hit") return r;
    }
    ADD_FAILURE() << "no cache hit for " << path;
    return r;
  }
  static std::string logDrill(const Login& who, const std::string& org, const std::string& date) {
    const std::string json = R"({"drill_type":"flood.evacuation","org":")" + org + R"(","date":")" + date +
                             R"(","participants":9,"fields":{"hazard":"flash_flood"}})";
    Reply created = send(who, "POST", "/api/v1/drills", json);
    EXPECT_EQ(created.status, 201) << created.body;
    return created.status == 201 ? created.json()->get("id").toString() : "";
  }
  static std::string link(const std::string& id) { return "href=\"/drills/" + id + "\""; }
  // The value of every hidden submit_token input of a page's content (the layout's logout form
  // has an empty one).
  static std::vector<std::string> submitTokens(const std::string& html) {
    std::vector<std::string> out;
    const std::string marker = "name=\"submit_token\" value=\"";
    for (auto at = html.find(marker); at != std::string::npos; at = html.find(marker, at + 1)) {
      const auto begin = at + marker.size();
      const std::string token = html.substr(begin, html.find('"', begin) - begin);
      if (!token.empty()) out.push_back(token);
    }
    return out;
  }
};

struct Page {
  const Login* who;
  std::string path;
};

TEST_F(CachedPagesTest, ADrillPostedAfterThePagesWereKeptIsOnEveryPageThatListsIt) {
  const Login admin = login("admin");
  const Login town = login("town");        // staff of the township xinmi.chengguan
  const Login village = login("village");  // staff of its village xinmi.chengguan.04
  const std::string window = "from=2025-06-01&to=2025-06-30";
  const std::vector<Page> changed = {
      {&village, "/drills?" + window},
      {&town, "/drills?" + window},
      {&admin, "/drills?" + window},
      {&admin, "/drills?org=xinmi.chengguan&" + window},
      {&admin, "/drills?org=xinmi.chengguan.04&" + window},
      {&admin, "/drills?org=" + std::to_string(orgId("xinmi.chengguan")) + "&" + window},
  };
  const std::vector<Page> kept = {
      {&admin, "/drills?org=xinmi.quliang&" + window},
      {&admin, "/drills?org=xinmi.chengguan.05&" + window},
      {&admin, "/plans"},
      {&town, "/plans"},
      {&village, "/drills/new"},
      {&admin, "/drills/new?domain=flood"},
  };
  for (const auto& p : changed) warm(*p.who, p.path);
  for (const auto& p : kept) warm(*p.who, p.path);

  const std::string id = logDrill(village, "xinmi.chengguan.04", "2025-06-15");
  ASSERT_FALSE(id.empty());

  for (const auto& p : changed) {
    Reply r = get(*p.who, p.path);
    EXPECT_EQ(r.headers["X-Beacon-Cache"], "miss") << p.path;
    EXPECT_TRUE(has(r, link(id))) << p.path << " does not show drill " << id;
    EXPECT_TRUE(has(warm(*p.who, p.path), link(id))) << p.path << " is kept again";
  }
  for (const auto& p : kept) {
    EXPECT_EQ(get(*p.who, p.path).headers["X-Beacon-Cache"], "hit") << p.path;
  }
}

TEST_F(CachedPagesTest, AKeptPageNeverCrossesScopesOrLanguages) {
  const Login admin = login("admin");
  const Login village = login("village");  // xinmi.chengguan.04
  const Login other = login("other");      // xinmi.micun.05
  const std::string path = "/drills?from=2025-07-01&to=2025-07-31";
  const std::string here = logDrill(admin, "xinmi.chengguan.04", "2025-07-10");
  const std::string there = logDrill(admin, "xinmi.micun.05", "2025-07-11");
  Reply city = warm(admin, path);
  EXPECT_TRUE(has(city, link(here)) && has(city, link(there))) << city.body;

  Reply mine = get(village, path);
  EXPECT_EQ(mine.headers["X-Beacon-Cache"], "miss") << "the administrator's page is not the village's";
  EXPECT_TRUE(has(mine, link(here)));
  EXPECT_FALSE(has(mine, link(there))) << "a drill of another village";
  Reply theirs = get(other, path);
  EXPECT_EQ(theirs.headers["X-Beacon-Cache"], "miss");
  EXPECT_TRUE(has(theirs, link(there)));
  EXPECT_FALSE(has(theirs, link(here)));
  EXPECT_FALSE(has(warm(village, path), link(there))) << "the village's own kept page";

  const auto english = [&](const Login& who) {
    return request("GET", path, "", "", {{"Cookie", "beacon_session=" + who.cookie + "; beacon_lang=en"}});
  };
  Reply en = english(admin);
  EXPECT_EQ(en.headers["X-Beacon-Cache"], "miss") << "the Chinese page is not the English one";
  for (int i = 0; i < 10 && en.headers["X-Beacon-Cache"] != "hit"; ++i) en = english(admin);
  EXPECT_EQ(en.headers["X-Beacon-Cache"], "hit");
  EXPECT_TRUE(has(en, "<h1>Drills</h1>")) << en.body.substr(0, 2000);
  EXPECT_FALSE(has(en, "<h1>演练</h1>"));
  EXPECT_TRUE(has(warm(admin, path), "<h1>演练</h1>"));
}

TEST_F(CachedPagesTest, AKeptFormCarriesEachSessionsOwnTokens) {
  const Login first = login("admin");
  const Login second = login("admin");
  ASSERT_NE(first.csrf, second.csrf);
  Reply mine = warm(first, "/drills/new");
  EXPECT_TRUE(has(mine, first.csrf));
  Reply theirs = get(second, "/drills/new");
  EXPECT_EQ(theirs.headers["X-Beacon-Cache"], "hit") << "one administrator's form serves another's";
  EXPECT_TRUE(has(theirs, "value=\"" + second.csrf + "\""));
  EXPECT_FALSE(has(theirs, first.csrf)) << "another session's CSRF token";
  const auto tokens = submitTokens(theirs.body);
  const auto again = submitTokens(get(second, "/drills/new").body);
  ASSERT_FALSE(tokens.empty());
  ASSERT_EQ(tokens.size(), again.size());
  std::set<std::string> seen(tokens.begin(), tokens.end());
  seen.insert(again.begin(), again.end());
  EXPECT_EQ(seen.size(), 2 * tokens.size()) << "every submit token is fresh";
  for (const auto& t : tokens) EXPECT_EQ(t.size(), 32u) << t;
}

}  // namespace
}  // namespace beacon::http::testing
