// The response cache of read-only API GETs over a real socket: a hit is byte
// for byte the answer of a server without the cache; a drill logged through
// the API (token or session) or the web form, a plan review, a corrective
// action and an attachment are visible to the next GET whichever worker
// serves it; writes by another connection (a second Database, the CLI) are
// seen; village, township and administrator answers are never shared;
// authentication still runs on every request; and the server honours the
// configured bounds.
#include <set>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/StreamCopier.h>

#include "app/cli.h"
#include "host/http/web_fixture.h"
#include "store/database.h"

using namespace Poco::Data::Keywords;

namespace beacon::http::testing {
namespace {

class CachedReadsTest : public WebFixture {
 protected:
  static Reply fetch(std::uint16_t port, const std::string& path,
                     const std::map<std::string, std::string>& headers) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(20, 0));
    Poco::Net::HTTPRequest req("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [k, v] : headers) req.set(k, v);
    session.sendRequest(req);
    Poco::Net::HTTPResponse resp;
    return receiveReply(session, resp);
  }
  static Reply withToken(const std::string& token, const std::string& path) {
    return request("GET", path, "", "", {{"Authorization", "Bearer " + token}});
  }
  // GETs until the cache answers (each worker's connection invalidates once
  // after a write; the test server has 4 workers), so the next check reads
  // through a warm cache. Fails the test when no hit comes.
  static Reply warm(const std::string& token, const std::string& path) {
    Reply r;
    for (int i = 0; i < 20; ++i) {
      r = withToken(token, path);
      if (r.headers["X-Beacon-Cache"] == "hit") return r;
    }
    ADD_FAILURE() << "no cache hit for " << path;
    return r;
  }
  static std::string firstItemField(const Reply& r, const std::string& field) {
    return r.json()->getArray("items")->getObject(0)->get(field).toString();
  }
  static std::string dbUri() { return database_->uri(); }
};

TEST_F(CachedReadsTest, HitIsByteForByteTheAnswerOfAServerWithoutTheCache) {
  const std::string token = apiToken("admin");
  const std::string drill = firstItemField(withToken(token, "/api/v1/drills?limit=1"), "id");
  const std::string plan = firstItemField(withToken(token, "/api/v1/plans?limit=1"), "id");
  WebConfig plain;
  plain.host = "127.0.0.1";
  plain.port = 0;
  plain.threads = 2;
  plain.response_cache_entries = 0;
  WebServer uncached(*app_, plain);
  uncached.start();
  for (const std::string& path : std::vector<std::string>{
           "/api/v1/drills?limit=50&offset=0", "/api/v1/drills?offset=0&limit=50&lang=en",
           "/api/v1/drills?domain=flood&limit=7", "/api/v1/drills/" + drill,
           "/api/v1/drills/" + drill + "?lang=en", "/api/v1/plans?limit=20",
           "/api/v1/plans/" + plan, "/api/v1/plans/" + plan + "/versions",
           "/api/v1/organisations/tree", "/api/v1/organisations?kind=village",
           "/api/v1/corrective-actions"}) {
    Reply first = withToken(token, path);
    ASSERT_EQ(first.status, 200) << path << first.body;
    Reply hit = warm(token, path);
    EXPECT_EQ(hit.body, first.body) << path;
    EXPECT_EQ(hit.content_type, first.content_type) << path;
    Reply reference = fetch(uncached.port(), path, {{"Authorization", "Bearer " + token}});
    ASSERT_EQ(reference.status, 200) << path;
    EXPECT_EQ(reference.headers.count("X-Beacon-Cache"), 0u)
        << "the reference server must not cache";
    EXPECT_EQ(hit.body, reference.body) << path;
    EXPECT_EQ(hit.content_type, reference.content_type) << path;
  }
  EXPECT_TRUE(server_->state().changes->seesEveryConnection()) << "the WAL-index header, not the per-connection fallback";
}

TEST_F(CachedReadsTest, ADrillLoggedThroughAnyEntryIsListedByTheNextGet) {
  const std::string token = apiToken("admin");
  Login village = login("village");
  const std::string org = std::to_string(orgId("xinmi.chengguan.04"));
  const std::string path =
      "/api/v1/drills?org=xinmi.chengguan.04&from=2025-12-01&to=2025-12-31&limit=500";
  for (int i = 0; i < 12; ++i) {
    const Reply before = warm(token, path);
    const int total = before.json()->getValue<int>("total");
    const std::string date = "2025-12-" + std::string(i < 9 ? "0" : "") + std::to_string(i + 1);
    std::string id;
    if (i % 3 == 2) {
      std::string body;
      const std::string type = multipartBody({{"csrf_token", village.csrf},
                                              {"domain", "flood"},
                                              {"drill_type", "flood.evacuation"},
                                              {"org_id", org},
                                              {"date", date},
                                              {"participants", "9"},
                                              {"fields.hazard", "flash_flood"}},
                                             "", "", "", "", body);
      Reply form = request("POST", "/drills/new", body, type,
                           {{"Cookie", "beacon_session=" + village.cookie}});
      ASSERT_EQ(form.status, 303) << form.body;
      const std::string location = form.headers["Location"];
      id = location.substr(8, location.find('?') - 8);
    } else {
      const std::string json =
          R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":")" + date +
          R"(","participants":9,"fields":{"hazard":"flash_flood"}})";
      Reply created = i % 3 == 0 ? send(village, "POST", "/api/v1/drills", json)
                                 : request("POST", "/api/v1/drills", json, "application/json",
                                           {{"Authorization", "Bearer " + token}});
      ASSERT_EQ(created.status, 201) << created.body;
      id = created.json()->get("id").toString();
    }
    const Reply after = withToken(token, path);
    ASSERT_EQ(after.status, 200);
    EXPECT_EQ(after.json()->getValue<int>("total"), total + 1) << "round " << i;
    EXPECT_EQ(firstItemField(after, "id"), id) << "round " << i << ": newest first";
    EXPECT_EQ(withToken(token, "/api/v1/drills/" + id).status, 200);
  }
}

TEST_F(CachedReadsTest, WritesThroughAnotherConnectionAreSeen) {
  const std::string token = apiToken("admin");
  const std::string path = "/api/v1/drills?limit=3&org=xinmi.chengguan.04";
  const std::string id = firstItemField(warm(token, path), "id");
  store::Database cli(dbUri());  // as `beacon` on the command line would open it
  for (int i = 0; i < 3; ++i) {
    const std::string place = "changed by another connection " + std::to_string(i);
    cli.session() << "UPDATE drills SET place = $1 WHERE id = $2", bind(place),
        bind(static_cast<Poco::Int64>(std::stoll(id))), now;
    // Every worker's connection must notice, not only the one that served the last request.
    for (int j = 0; j < 8; ++j) {
      EXPECT_EQ(firstItemField(withToken(token, path), "place"), place) << i << "/" << j;
    }
    warm(token, path);
  }
  // Organisation names in the list come from another table.
  cli.session() << "UPDATE organisations SET name = '改名村' WHERE code = 'xinmi.chengguan.04'",
      now;
  for (int j = 0; j < 8; ++j)
    EXPECT_EQ(firstItemField(withToken(token, path), "org_name"), "改名村");
}

TEST_F(CachedReadsTest, ADrillAddedByTheCliIsSeen) {
  const std::string token = apiToken("admin");
  const std::string path = "/api/v1/drills?from=2025-11-30&to=2025-11-30&limit=1";
  const int total = warm(token, path).json()->getValue<int>("total");
  std::ostringstream out, err;
  std::istringstream in;
  ASSERT_EQ(app::runCli({"beacon", "--db", dbUri(), "--user", "cli", "drill", "add", "--org",
                         "xinmi.chengguan.04", "--type", "flood.evacuation", "--date", "2025-11-30",
                         "--participants", "7", "--field", "hazard=flash_flood"},
                        out, err, in),
            0)
      << err.str();
  for (int j = 0; j < 8; ++j) {
    Reply r = withToken(token, path);
    EXPECT_EQ(r.json()->getValue<int>("total"), total + 1);
    EXPECT_EQ(firstItemField(r, "date"), "2025-11-30");
  }
}

TEST_F(CachedReadsTest, VillageTownshipAndAdministratorNeverShareAnAnswer) {
  const std::string path = "/api/v1/drills?limit=500";
  const Reply admin = warm(apiToken("admin"), path);
  const int all = count("SELECT COUNT(*) FROM drills");
  EXPECT_EQ(admin.json()->getValue<int>("total"), all);
  struct Case {
    std::string user;
    std::string org;
  };
  for (const Case& c : {Case{"village", "xinmi.chengguan.04"}, Case{"other", "xinmi.micun.05"},
                        Case{"town", "xinmi.chengguan"}}) {
    // The codes the user may see: its organisation, plus the subtree for township staff.
    std::set<std::string> visible;
    std::vector<std::string> codes;
    app_->db().session()
        << (c.user == "town"
                ? "WITH RECURSIVE t(id) AS (SELECT id FROM organisations WHERE code = $1"
                  " UNION ALL SELECT o.id FROM organisations o JOIN t ON o.parent_id = t.id)"
                  " SELECT code FROM organisations WHERE id IN (SELECT id FROM t)"
                : "SELECT code FROM organisations WHERE code = $1"),
        bind(c.org), into(codes), now;
    visible.insert(codes.begin(), codes.end());
    ASSERT_FALSE(visible.empty());
    const std::string token = apiToken(c.user);
    for (int round = 0; round < 2; ++round) {  // the first answer, then the cached one
      Reply r = withToken(token, path);
      ASSERT_EQ(r.status, 200);
      EXPECT_NE(r.body, admin.body) << c.user;
      auto items = r.json()->getArray("items");
      ASSERT_GT(items->size(), 0u) << c.user;
      EXPECT_LT(r.json()->getValue<int>("total"), all) << c.user;
      for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string code =
            items->getObject(static_cast<unsigned>(i))->getValue<std::string>("org_code");
        EXPECT_EQ(visible.count(code), 1u) << c.user << " got a drill of " << code;
      }
    }
    EXPECT_EQ(warm(token, path).body, withToken(token, path).body);
  }
  // A drill the administrator has cached stays forbidden to a village outside it.
  const std::string micun =
      firstItemField(withToken(apiToken("other"), "/api/v1/drills?limit=1"), "id");
  warm(apiToken("admin"), "/api/v1/drills/" + micun);
  EXPECT_EQ(withToken(apiToken("village"), "/api/v1/drills/" + micun).status, 403);
  EXPECT_EQ(withToken(apiToken("town"), "/api/v1/drills?org=xinmi.micun.05").status, 403);
}

TEST_F(CachedReadsTest, AuthenticationRunsBeforeTheCache) {
  auto user = auth::UserRepository(app_->db().session()).findByUsername("admin");
  auth::ApiTokenStore tokens(app_->db().session());
  const auth::CreatedToken created = tokens.create(*user, "revoked soon", store::Actor{"test"});
  const std::string path = "/api/v1/drills?limit=2&offset=1";
  warm(created.secret, path);
  EXPECT_EQ(request("GET", path).status, 401);
  EXPECT_EQ(withToken("bcn_0000", path).status, 401);
  ASSERT_TRUE(tokens.revoke(created.token.id, store::Actor{"test"}));
  Reply revoked = withToken(created.secret, path);
  EXPECT_EQ(revoked.status, 401);
  EXPECT_EQ(revoked.body.find("\"items\""), std::string::npos);
}

TEST_F(CachedReadsTest, PlanReviewCorrectiveActionAndAttachmentShowAtOnce) {
  Login admin = login("admin");
  const std::string token = apiToken("admin");
  const std::string plan = firstItemField(withToken(token, "/api/v1/plans?limit=1"), "id");
  const std::string plan_path = "/api/v1/plans/" + plan;
  const std::size_t reviews = warm(token, plan_path).json()->getArray("reviews")->size();
  ASSERT_EQ(
      send(admin, "POST", plan_path + "/reviews",
           R"({"kind":"evaluation","date":"2024-04-01","conclusion":"keep","reviewers":"专家组"})")
          .status,
      201);
  EXPECT_EQ(withToken(token, plan_path).json()->getArray("reviews")->size(), reviews + 1);

  Login village = login("village");
  const std::string village_token = apiToken("village");
  const std::string drill =
      firstItemField(withToken(village_token, "/api/v1/drills?limit=1"), "id");
  const std::string actions_path = "/api/v1/corrective-actions?drill=" + drill;
  const int actions = warm(village_token, actions_path).json()->getValue<int>("total");
  const std::string body = R"({"source_kind":"drill","source_id":)" + drill +
                           R"(,"description":"补充转移路线指示牌","responsible_org_id":)" +
                           std::to_string(orgId("xinmi.chengguan.04")) + R"(,"due":"2024-06-30"})";
  Reply action = send(village, "POST", "/api/v1/corrective-actions", body);
  ASSERT_EQ(action.status, 201) << action.body;
  EXPECT_EQ(withToken(village_token, actions_path).json()->getValue<int>("total"), actions + 1);
  const std::string drill_path = "/api/v1/drills/" + drill;
  warm(village_token, drill_path);
  ASSERT_EQ(
      send(village, "PATCH", "/api/v1/corrective-actions/" + action.json()->get("id").toString(),
           R"({"status":"done"})")
          .status,
      200);
  auto listed = withToken(village_token, drill_path).json()->getArray("corrective_actions");
  bool done = false;
  for (std::size_t i = 0; i < listed->size(); ++i) {
    auto a = listed->getObject(static_cast<unsigned>(i));
    if (a->get("id").toString() == action.json()->get("id").toString())
      done = a->getValue<std::string>("status") == "done";
  }
  EXPECT_TRUE(done);

  const std::size_t attachments =
      warm(village_token, drill_path).json()->getArray("attachments")->size();
  std::string upload;
  const std::string jpeg =
      std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + std::string(200, 'y');
  const std::string type = multipartBody({{"csrf_token", village.csrf}}, "evidence", "sign-in.jpg",
                                         "image/jpeg", jpeg, upload);
  Reply uploaded = request("POST", "/drills/" + drill + "/attachments", upload, type,
                           {{"Cookie", "beacon_session=" + village.cookie}});
  ASSERT_LT(uploaded.status, 400) << uploaded.body;
  EXPECT_EQ(withToken(village_token, drill_path).json()->getArray("attachments")->size(),
            attachments + 1);
}

TEST_F(CachedReadsTest, TheServerKeepsAtMostTheConfiguredEntries) {
  WebConfig small;
  small.host = "127.0.0.1";
  small.port = 0;
  small.threads = 1;
  small.response_cache_entries = 2;
  WebServer server(*app_, small);
  server.start();
  const std::map<std::string, std::string> auth = {
      {"Authorization", "Bearer " + apiToken("admin")}};
  auto state = [&](const std::string& path) {
    return fetch(server.port(), path, auth).headers["X-Beacon-Cache"];
  };
  // One worker (Poco keeps a single dispatcher thread), so one connection, and
  // nothing is written meanwhile: only the bound evicts.
  EXPECT_EQ(state("/api/v1/drills?limit=1"), "miss");
  EXPECT_EQ(state("/api/v1/drills?limit=1"), "hit");
  EXPECT_EQ(state("/api/v1/drills?limit=2"), "miss");
  EXPECT_EQ(state("/api/v1/drills?limit=1"), "hit");   // now the most recently used
  EXPECT_EQ(state("/api/v1/drills?limit=3"), "miss");  // evicts limit=2
  EXPECT_EQ(state("/api/v1/drills?limit=2"), "miss");  // evicts limit=1
  EXPECT_EQ(state("/api/v1/drills?limit=3"), "hit");
  EXPECT_EQ(state("/api/v1/drills?limit=1"), "miss");
  EXPECT_LE(server.state().cache.stats().entries, 2u);
  EXPECT_GE(server.state().cache.stats().evictions, 2u);
}

}  // namespace
}  // namespace beacon::http::testing
