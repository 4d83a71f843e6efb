// The response cache keeps what a write cannot change (over a real socket): a drill logged for a
// village drops the cached drill lists of that village, of its township and of the city, and
// keeps the lists of a sibling village, of other townships and of other townships' staff, and
// every plan list; a write by another process (the CLI) is seen by the next request, and drops
// only what it could change; a renamed organisation drops every list that shows names; and a
// plan write keeps the drill lists that do not show it. Logins (good and failed), session touches
// and logouts drop nothing: a kept page answers the next user of its scope with that user's name
// and CSRF token, and a drill still drops it. A drill drops the lists confined to its own domain
// (and every all-domain list that can show it), not those of another domain.
#include <sstream>
#include <string>

#include <Poco/JSON/Array.h>

#include "app/cli.h"
#include "auth/session_store.h"
#include "host/http/web_fixture.h"

using namespace Poco::Data::Keywords;

namespace beacon::http::testing {
namespace {

class ScopedInvalidationTest : public WebFixture {
 protected:
  static Reply withToken(const std::string& token, const std::string& path) {
    return request("GET", path, "", "", {{"Authorization", "Bearer " + token}});
  }
  // GETs until the answer comes from the cache.
  static Reply warm(const std::string& token, const std::string& path) {
    Reply r;
    for (int i = 0; i < 10; ++i) {
      r = withToken(token, path);
      if (r.headers["X-Beacon-Cache"] == "hit") return r;
    }
    ADD_FAILURE() << "no cache hit for " << path;
    return r;
  }
  static int total(const Reply& r) { return r.json()->getValue<int>("total"); }
  // What `beacon --db` is given: the SQLite file or the PostgreSQL schema the server uses.
  static std::string dbPath() { return database_->uri(); }
  static std::string logDrill(const std::string& token, const std::string& org,
                              const std::string& date,
                              const std::string& type = "flood.evacuation") {
    const std::string fields = type == "flood.evacuation" ? R"({"hazard":"flash_flood"})" : "{}";
    const std::string json = R"({"drill_type":")" + type + R"(","org":")" + org + R"(","date":")" +
                             date + R"(","participants":9,"fields":)" + fields + "}";
    Reply created = request("POST", "/api/v1/drills", json, "application/json", {{"Authorization", "Bearer " + token}});
    EXPECT_EQ(created.status, 201) << created.body;
    return created.status == 201 ? created.json()->get("id").toString() : "";
  }
};

struct Watched {
  std::string who;  // "admin" or "town" (township staff of xinmi.chengguan)
  std::string path;
};

TEST_F(ScopedInvalidationTest, ADrillDropsOnlyTheListsThatCanShowIt) {
  const std::string admin = apiToken("admin");
  const std::string town = apiToken("town");
  const std::string window = "from=2025-10-01&to=2025-10-31&limit=50";
  // What a drill of xinmi.chengguan.04 can change, and what it cannot.
  const std::vector<Watched> changed = {
      {"admin", "/api/v1/drills?org=xinmi.chengguan.04&" + window},
      {"admin", "/api/v1/drills?org=xinmi.chengguan&" + window},
      {"admin", "/api/v1/drills?" + window},
      {"town", "/api/v1/drills?" + window},
      {"admin", "/api/v1/drills?org=" + std::to_string(orgId("xinmi.chengguan")) + "&" + window},
  };
  const std::vector<Watched> kept = {
      {"admin", "/api/v1/drills?org=xinmi.chengguan.05&" + window},
      {"admin", "/api/v1/drills?org=xinmi.quliang&" + window},
      {"admin", "/api/v1/drills?org=xinmi.quliang.01&" + window},
      {"admin", "/api/v1/plans?limit=20"},
      {"admin", "/api/v1/plans?owner=xinmi.chengguan&limit=20"},
      {"town", "/api/v1/plans?limit=20"},
  };
  const auto token = [&](const Watched& w) { return w.who == "admin" ? admin : town; };
  std::vector<int> before;
  for (const auto& w : changed) before.push_back(total(warm(token(w), w.path)));
  for (const auto& w : kept) warm(token(w), w.path);

  logDrill(admin, "xinmi.chengguan.04", "2025-10-15");

  for (std::size_t i = 0; i < changed.size(); ++i) {
    Reply r = withToken(token(changed[i]), changed[i].path);
    EXPECT_EQ(r.headers["X-Beacon-Cache"], "miss") << changed[i].path;
    EXPECT_EQ(total(r), before[i] + 1) << changed[i].path;
  }
  for (const auto& w : kept) {
    EXPECT_EQ(withToken(token(w), w.path).headers["X-Beacon-Cache"], "hit") << w.who << " " << w.path;
  }
}

TEST_F(ScopedInvalidationTest, ADrillDropsTheListsOfItsDomainAndKeepsThoseOfAnother) {
  const std::string admin = apiToken("admin");
  const std::string town = apiToken("town");
  const Login village = login("village");
  const std::string window = "from=2025-10-01&to=2025-10-31&limit=50";
  const auto lists = [&](const std::string& domain) {
    const std::string d = domain.empty() ? "" : "&domain=" + domain;
    return std::vector<Watched>{
        {"admin", "/api/v1/drills?" + window + d},
        {"admin", "/api/v1/drills?org=xinmi.chengguan.04&" + window + d},
        {"admin", "/api/v1/drills?org=xinmi.chengguan&" + window + d},
        {"town", "/api/v1/drills?" + window + d},
    };
  };
  const auto token = [&](const Watched& w) { return w.who == "admin" ? admin : town; };
  const auto pageHit = [&](const std::string& page) {
    for (int i = 0; i < 10; ++i) {
      if (get(village, page).headers["X-Beacon-Cache"] == "hit") return;
    }
    ADD_FAILURE() << "no cache hit for " << page;
  };
  const auto warmAll = [&]() {
    for (const std::string domain : {"", "flood", "fire"}) {
      for (const auto& w : lists(domain)) warm(token(w), w.path);
      pageHit("/drills" + std::string(domain.empty() ? "" : "?domain=" + domain));
    }
  };
  const auto expect = [&](const std::string& domain, const std::string& cache,
                          const std::string& why) {
    for (const auto& w : lists(domain)) {
      EXPECT_EQ(withToken(token(w), w.path).headers["X-Beacon-Cache"], cache)
          << why << ": " << w.who << " " << w.path;
    }
    const std::string page = "/drills" + std::string(domain.empty() ? "" : "?domain=" + domain);
    EXPECT_EQ(get(village, page).headers["X-Beacon-Cache"], cache) << why << ": village " << page;
  };

  warmAll();
  const int fire_before = total(withToken(admin, lists("fire")[1].path));
  logDrill(admin, "xinmi.chengguan.04", "2025-10-16");  // flood
  expect("fire", "hit", "a flood drill");
  expect("flood", "miss", "a flood drill");
  expect("", "miss", "a flood drill");

  warmAll();
  logDrill(admin, "xinmi.chengguan.04", "2025-10-17", "fire.evacuation");
  expect("flood", "hit", "a fire drill");
  expect("fire", "miss", "a fire drill");
  expect("", "miss", "a fire drill");
  EXPECT_EQ(total(withToken(admin, lists("fire")[1].path)), fire_before + 1);
}

TEST_F(ScopedInvalidationTest, AnotherProcessesWriteIsSeenAtOnceAndDropsOnlyItsScope) {
  const std::string admin = apiToken("admin");
  const std::string quliang = "/api/v1/drills?org=xinmi.quliang&from=2025-09-01&to=2025-09-30&limit=5";
  const std::string city = "/api/v1/drills?from=2025-09-01&to=2025-09-30&limit=5";
  const std::string chengguan = "/api/v1/drills?org=xinmi.chengguan&from=2025-09-01&to=2025-09-30&limit=5";
  const int in_quliang = total(warm(admin, quliang));
  const int in_city = total(warm(admin, city));
  warm(admin, chengguan);
  std::ostringstream out, err;
  std::istringstream in;
  ASSERT_EQ(app::runCli({"beacon", "--db", dbPath(), "--user", "cli", "drill", "add", "--org", "xinmi.quliang.01",
                         "--type", "flood.evacuation", "--date", "2025-09-20", "--participants", "7", "--field",
                         "hazard=flash_flood"},
                        out, err, in),
            0)
      << err.str();
  // Whichever worker answers, at once.
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(total(withToken(admin, quliang)), in_quliang + 1) << i;
    EXPECT_EQ(total(withToken(admin, city)), in_city + 1) << i;
  }
  EXPECT_EQ(withToken(admin, chengguan).headers["X-Beacon-Cache"], "hit");
}

TEST_F(ScopedInvalidationTest, TreeAndPlanWritesDropWhatShowsThem) {
  const std::string admin = apiToken("admin");
  const std::string drills = "/api/v1/drills?org=xinmi.micun&limit=5";
  const std::string plans = "/api/v1/plans?limit=5";
  warm(admin, drills);
  warm(admin, plans);
  // A renamed organisation: every list that names organisations.
  app_->db().session() << "UPDATE organisations SET name = name || '（更名）' WHERE code = 'xinmi.micun'", now;
  EXPECT_EQ(withToken(admin, drills).headers["X-Beacon-Cache"], "miss");
  EXPECT_EQ(withToken(admin, plans).headers["X-Beacon-Cache"], "miss");
  warm(admin, drills);
  warm(admin, plans);
  // A plan's title: the plan lists, and the drill lists (they show the plan a drill exercised).
  app_->db().session() << "UPDATE plans SET title = title || '（修订）' WHERE id = (SELECT min(id) FROM plans)", now;
  EXPECT_EQ(withToken(admin, plans).headers["X-Beacon-Cache"], "miss");
  EXPECT_EQ(withToken(admin, drills).headers["X-Beacon-Cache"], "miss");
}

TEST_F(ScopedInvalidationTest, LoginsTouchesAndLogoutsDropNothing) {
  const std::string admin_token = apiToken("admin");
  const std::string api = "/api/v1/drills?org=xinmi.chengguan.04&limit=5";
  const std::string page = "/drills?org=xinmi.chengguan.04";
  const Login village = login("village");
  const auto pageHit = [&](const Login& who) {
    for (int i = 0; i < 10; ++i) {
      if (get(who, page).headers["X-Beacon-Cache"] == "hit") return;
    }
    ADD_FAILURE() << "no cache hit for " << page;
  };
  warm(admin_token, api);
  pageHit(village);
  const auto hits = server_->state().cache.stats().hits;

  const Login locked = login("locked");  // the same read scope as "village"
  EXPECT_EQ(request("POST", "/api/v1/session",
                    R"({"username":"town","password":"wrong-password-1"})", "application/json")
                .status,
            401);
  advance(auth::SessionStore::kTouchEvery + std::chrono::seconds(1));  // the next request touches
  Reply kept = get(locked, page);
  EXPECT_EQ(kept.headers["X-Beacon-Cache"], "hit");
  EXPECT_TRUE(has(kept, "data-user=\"locked\"")) << "the layout is the requester's";
  EXPECT_FALSE(has(kept, "data-user=\"village\""));
  EXPECT_TRUE(has(kept, "value=\"" + locked.csrf + "\""));
  EXPECT_EQ(send(locked, "DELETE", "/api/v1/session", "").status, 204);
  EXPECT_EQ(withToken(admin_token, api).headers["X-Beacon-Cache"], "hit");
  EXPECT_EQ(get(village, page).headers["X-Beacon-Cache"], "hit");
  EXPECT_EQ(server_->state().cache.stats().hits, hits + 3);

  logDrill(admin_token, "xinmi.chengguan.04", "2025-11-03");
  EXPECT_EQ(withToken(admin_token, api).headers["X-Beacon-Cache"], "miss");
  EXPECT_EQ(get(village, page).headers["X-Beacon-Cache"], "miss");
}

TEST_F(ScopedInvalidationTest, ASummaryIsKeptUntilAWriteByAnyProcess) {
  const std::string admin = apiToken("admin");
  const std::string path = "/api/v1/summaries?kind=city-annual&year=2023&format=json";
  const Reply first = withToken(admin, path);
  ASSERT_EQ(first.status, 200) << first.body;
  const auto hits = server_->state().cache.stats().hits;
  EXPECT_EQ(withToken(admin, path).body, first.body);
  EXPECT_EQ(server_->state().cache.stats().hits, hits + 1) << "the second request is served from the cache";
  std::ostringstream out, err;
  std::istringstream in;
  ASSERT_EQ(app::runCli({"beacon", "--db", dbPath(), "--user", "cli", "drill", "add", "--org", "xinmi.micun.05",
                         "--type", "flood.evacuation", "--date", "2023-07-02", "--participants", "30", "--field",
                         "hazard=flash_flood"},
                        out, err, in),
            0)
      << err.str();
  const Reply after = withToken(admin, path);
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(after.body, first.body) << "a drill of 2023 logged by the CLI is in the next report";
}

}  // namespace
}  // namespace beacon::http::testing
