// Two web servers on one database, as two `beacon serve` nodes behind a
// load balancer (each its own AppContext, WebState, workers and, on
// PostgreSQL, attachments folder; requests over real sockets), over the xinmi-2023 demo city: a login
// on one node works on the other; a logout on one ends the session on both; a
// password change (made as `beacon user passwd` does, on its own connection:
// the web has no password form) ends the user's sessions on both; failed
// logins sent to both nodes add up to one throttle; a drill posted on one node
// is in the other's (cached) drill list and obligations at once; a photo
// uploaded on one node downloads on the other. The database is a SQLite file,
// or a PostgreSQL schema when BEACON_TEST_DB_URI names one
// (support/test_database.h; scripts/test.sh runs both).
#include <memory>

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Util/MapConfiguration.h>

#include "demo/xinmi_demo.h"
#include "host/http/web_fixture.h"
#include "support/test_database.h"

namespace beacon::http::testing {
namespace {

class TwoNodesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = Poco::TemporaryFile::tempName();
    Poco::File(dir_).createDirectories();
    database_ = std::make_unique<beacon::testing::TestDatabase>(Poco::Path(dir_).append("shared.db").toString());
    for (int i = 0; i < 2; ++i) {
      Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
      config->setString("beacon.database", database_->uri());
      config->setString("beacon.plugins", BEACON_DEFAULT_PLUGIN_DIR);
      auto opened = app::AppContext::open(*config, true);
      ASSERT_TRUE(opened.isOk()) << opened.status().describe();
      apps_[i] = std::move(opened.value());
      if (i == 0) {
        auth::PasswordHasher hasher(1000);
        for (const char* name : {"shared", "rotated", "guessed"}) {
          auto created = auth::AccountService(apps_[0]->db(), hasher)
                             .create({name, name, "admin", "", kPassword}, store::Actor{"test"});
          ASSERT_TRUE(created.isOk()) << created.status().describe();
        }
        ASSERT_TRUE(demo::loadDemo(apps_[0]->db(), apps_[0]->plugins(), "xinmi-2023", store::Actor{"test"}).isOk());
      }
      WebConfig web;
      web.host = "127.0.0.1";
      web.port = 0;
      web.threads = 2;
      web.password_iterations = 1000;
      // On PostgreSQL each node its own folder, as on two machines; SQLite's nodes share one
      // machine, its database file and its attachments folder.
      const std::string folder = database_->postgres() ? "attachments-" + std::to_string(i) : "attachments";
      web.attachments_dir = Poco::Path(dir_).append(folder).toString();
      nodes_[i] = std::make_unique<WebServer>(*apps_[i], web);
      nodes_[i]->start();
    }
  }
  static void TearDownTestSuite() {
    for (auto& node : nodes_) node.reset();
    for (auto& app : apps_) app.reset();
    database_.reset();
    try {
      Poco::File(dir_).remove(true);
    } catch (...) {
    }
  }

  static Reply call(int node, const std::string& method, const std::string& path,
                    const std::string& body = "",
                    const std::map<std::string, std::string>& headers = {},
                    const std::string& content_type = "application/json") {
    Poco::Net::HTTPClientSession session("127.0.0.1", nodes_[node]->port());
    session.setTimeout(Poco::Timespan(20, 0));
    Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [k, v] : headers) req.set(k, v);
    if (!body.empty() || method == "POST") {
      req.setContentLength(static_cast<std::streamsize>(body.size()));
      req.setContentType(content_type);
    }
    session.sendRequest(req) << body;
    Poco::Net::HTTPResponse resp;
    Reply r = receiveReply(session, resp);
    std::vector<Poco::Net::HTTPCookie> cookies;
    resp.getCookies(cookies);
    for (const auto& c : cookies) {
      if (c.getName() == "beacon_session") r.cookie = c.getValue();
    }
    return r;
  }
  static Reply loginAt(int node, const std::string& username, const std::string& password) {
    return call(node, "POST", "/api/v1/session",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
  }
  static Login login(int node, const std::string& username) {
    Reply r = loginAt(node, username, kPassword);
    EXPECT_EQ(r.status, 200) << r.body;
    Login l;
    l.cookie = r.cookie;
    if (r.status == 200) l.csrf = r.json()->getValue<std::string>("csrf_token");
    return l;
  }
  static int me(int node, const Login& who) {
    return call(node, "GET", "/api/v1/me", "", {{"Cookie", "beacon_session=" + who.cookie}}).status;
  }

  inline static std::string dir_;
  inline static std::unique_ptr<beacon::testing::TestDatabase> database_;
  inline static std::unique_ptr<app::AppContext> apps_[2];
  inline static std::unique_ptr<WebServer> nodes_[2];
  inline static const char* const kPassword = "test-password-1";
};

TEST_F(TwoNodesTest, ALoginOnOneNodeWorksOnTheOther) {
  Login at_a = login(0, "shared");
  EXPECT_EQ(me(0, at_a), 200);
  EXPECT_EQ(me(1, at_a), 200) << "node B must know node A's session";
  Login at_b = login(1, "shared");
  EXPECT_EQ(me(0, at_b), 200) << "node A must know node B's session";
}

TEST_F(TwoNodesTest, ALogoutOnOneNodeEndsTheSessionOnBoth) {
  Login who = login(0, "shared");
  ASSERT_EQ(me(1, who), 200);
  Reply out = call(1, "DELETE", "/api/v1/session", "",
                   {{"Cookie", "beacon_session=" + who.cookie}, {"X-CSRF-Token", who.csrf}});
  ASSERT_EQ(out.status, 204) << out.body;
  EXPECT_EQ(me(1, who), 401);
  EXPECT_EQ(me(0, who), 401) << "the session logged out on node B still works on node A";
}

TEST_F(TwoNodesTest, APasswordChangeEndsTheUsersSessionsOnBothNodes) {
  Login at_a = login(0, "rotated");
  Login at_b = login(1, "rotated");
  ASSERT_EQ(me(1, at_a), 200);
  ASSERT_EQ(me(0, at_b), 200);
  store::Database cli(database_->uri());
  auth::PasswordHasher hasher(1000);
  ASSERT_TRUE(auth::AccountService(cli, hasher)
                  .changePassword("rotated", "rotated-password-2", store::Actor{"cli"})
                  .isOk());
  for (int node = 0; node < 2; ++node) {
    EXPECT_EQ(me(node, at_a), 401) << node;
    EXPECT_EQ(me(node, at_b), 401) << node;
  }
  EXPECT_EQ(loginAt(0, "rotated", kPassword).status, 401);
  Reply fresh = loginAt(1, "rotated", "rotated-password-2");
  ASSERT_EQ(fresh.status, 200) << fresh.body;
}

TEST_F(TwoNodesTest, FailedLoginsOnBothNodesAddUpToOneThrottle) {
  // The pair (username, address) may fail 5 times before its attempts wait.
  for (int i = 0; i < 5; ++i) {
    Reply r = loginAt(i % 2, "guessed", "wrong-password-" + std::to_string(i));
    ASSERT_EQ(r.status, 401) << i << r.body;
  }
  for (int node = 0; node < 2; ++node) {
    Reply r = loginAt(node, "guessed", kPassword);
    EXPECT_EQ(r.status, 429) << "node " << node << " must see the failures made on the other";
    EXPECT_FALSE(r.headers["Retry-After"].empty()) << node;
  }
}

TEST_F(TwoNodesTest, ADrillPostedOnOneNodeIsInTheOthersListAtOnce) {
  Login who = login(0, "shared");
  const std::map<std::string, std::string> cookie = {{"Cookie", "beacon_session=" + who.cookie}};
  const std::string list = "/api/v1/drills?org=xinmi&from=2024-05-10&to=2024-05-10&limit=100";
  // Node B's cache warm: each of its workers has answered the list, and a repeat is a hit.
  Reply before;
  bool hit = false;
  for (int i = 0; i < 20 && !hit; ++i) {
    before = call(1, "GET", list, "", cookie);
    ASSERT_EQ(before.status, 200) << before.body;
    hit = before.headers["X-Beacon-Cache"] == "hit";
  }
  ASSERT_TRUE(hit) << "node B's response cache never answered (the change watch says changed every time)";
  const auto count = before.json()->getArray("items")->size();
  auto headers = cookie;
  headers["X-CSRF-Token"] = who.csrf;
  Reply posted = call(0, "POST", "/api/v1/drills",
                      R"({"drill_type":"flood.evacuation","org":"xinmi","date":"2024-05-10",)"
                      R"("participants":80,"evacuees":30,"fields":{"hazard":"山洪"}})",
                      headers);
  ASSERT_EQ(posted.status, 201) << posted.body;
  const std::string id = std::to_string(posted.json()->getValue<Poco::Int64>("id"));
  for (int i = 0; i < 4; ++i) {  // whichever of node B's workers answers
    Reply after = call(1, "GET", list, "", cookie);
    ASSERT_EQ(after.status, 200) << after.body;
    EXPECT_EQ(after.json()->getArray("items")->size(), count + 1) << "request " << i;
    EXPECT_NE(after.body.find("\"id\":" + id), std::string::npos) << after.body;
  }
}

TEST_F(TwoNodesTest, ADrillPostedOnOneNodeIsInTheOthersObligationsAtOnce) {
  Login who = login(0, "shared");
  const std::map<std::string, std::string> cookie = {{"Cookie", "beacon_session=" + who.cookie}};
  const std::string duties =
      "/api/v1/obligations?org=xinmi.chengguan.04&domain=flood&as_of=2023-12-31&limit=500";
  Reply before;
  for (int i = 0; i < 4; ++i) {  // each of node B's workers has checked (and kept) it
    before = call(1, "GET", duties, "", cookie);
    ASSERT_EQ(before.status, 200) << before.body;
  }
  auto headers = cookie;
  headers["X-CSRF-Token"] = who.csrf;
  // On the 2023 flood season's start: the village's newest on-time evacuation drill.
  Reply posted = call(0, "POST", "/api/v1/drills",
                      R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2023-05-15",)"
                      R"("participants":60,"evacuees":20,"fields":{"hazard":"flash_flood"}})",
                      headers);
  ASSERT_EQ(posted.status, 201) << posted.body;
  const std::string id = std::to_string(posted.json()->getValue<Poco::Int64>("id"));
  for (int i = 0; i < 4; ++i) {
    Reply after = call(1, "GET", duties, "", cookie);
    ASSERT_EQ(after.status, 200) << after.body;
    EXPECT_NE(after.body, before.body) << "request " << i << ": node B still answers from before the drill";
    bool met = false;
    auto items = after.json()->getArray("items");
    for (std::size_t k = 0; k < items->size(); ++k) {
      auto last = items->getObject(static_cast<unsigned>(k))->getObject("last_met");
      met = met || (last && last->getValue<std::string>("kind") == "drill" && last->get("id").toString() == id);
    }
    EXPECT_TRUE(met) << "request " << i << ": the drill meets a duty\n" << after.body;
  }
}

TEST_F(TwoNodesTest, APhotoUploadedOnOneNodeDownloadsOnTheOther) {
  Login who = login(0, "shared");
  auto headers = std::map<std::string, std::string>{{"Cookie", "beacon_session=" + who.cookie},
                                                    {"X-CSRF-Token", who.csrf}};
  Reply posted = call(0, "POST", "/api/v1/drills",
                      R"({"drill_type":"flood.evacuation","org":"xinmi","date":"2024-06-01",)"
                      R"("participants":12,"fields":{"hazard":"山洪"}})",
                      headers);
  ASSERT_EQ(posted.status, 201) << posted.body;
  const std::string drill = std::to_string(posted.json()->getValue<Poco::Int64>("id"));
  const std::string jpeg = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + std::string(5000, 'p');
  std::string upload;
  const std::string type =
      multipartBody({{"csrf_token", who.csrf}}, "evidence", "site.jpg", "image/jpeg", jpeg, upload);
  Reply uploaded = call(0, "POST", "/drills/" + drill + "/attachments", upload,
                        {{"Cookie", "beacon_session=" + who.cookie}}, type);
  ASSERT_LT(uploaded.status, 400) << uploaded.body;
  Reply listed = call(1, "GET", "/api/v1/drills/" + drill, "", {{"Cookie", "beacon_session=" + who.cookie}});
  ASSERT_EQ(listed.status, 200) << listed.body;
  auto attachments = listed.json()->getArray("attachments");
  ASSERT_EQ(attachments->size(), 1u) << listed.body;
  const std::string url = attachments->getObject(0)->getValue<std::string>("url");
  for (int node = 0; node < 2; ++node) {
    Reply photo = call(node, "GET", url, "", {{"Cookie", "beacon_session=" + who.cookie}});
    ASSERT_EQ(photo.status, 200) << "node " << node << ": " << photo.body;
    EXPECT_EQ(photo.content_type, "image/jpeg") << node;
    EXPECT_TRUE(photo.body == jpeg) << "node " << node << " served other bytes (" << photo.body.size() << ")";
  }
}

}  // namespace
}  // namespace beacon::http::testing
