// The ledger round trip through the API (issue 11 §4): every kind exported
// from the demo city with GET /api/v1/exports/{kind}, imported in kind order
// into a second server over an empty database with POST
// /api/v1/imports/{kind}, and exported again there: byte-identical.
#include <algorithm>

#include <Poco/File.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/Util/MapConfiguration.h>
#include <gtest/gtest.h>

#include "io/import_kind.h"
#include "service/record_checks.h"
#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

// A Beacon server over an empty database with one administrator.
class EmptyServer {
 public:
  explicit EmptyServer(const std::string& dir) {
    Poco::File(dir).createDirectories();
    database_ = std::make_unique<beacon::testing::TestDatabase>(Poco::Path(dir).append("empty.db").toString());
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    config->setString("beacon.database", database_->uri());
    config->setString("beacon.plugins", BEACON_DEFAULT_PLUGIN_DIR);
    auto opened = app::AppContext::open(*config, true);
    if (!opened.isOk()) throw std::runtime_error(opened.status().describe());
    app_ = std::move(opened.value());
    auth::PasswordHasher hasher(1000);
    auth::AccountService accounts(app_->db(), hasher);
    auto created =
        accounts.create({"admin", "admin", "admin", "", "test-password-1"}, store::Actor{"test"});
    if (!created.isOk()) throw std::runtime_error(created.status().describe());
    WebConfig web;
    web.host = "127.0.0.1";
    web.port = 0;
    web.threads = 2;
    web.password_iterations = 1000;
    web.attachments_dir = Poco::Path(dir).append("attachments").toString();
    server_ =
        std::make_unique<WebServer>(*app_, web, [] { return std::chrono::system_clock::now(); });
    server_->start();
    Reply r = call("POST", "/api/v1/session",
                   R"({"username":"admin","password":"test-password-1"})", "application/json");
    if (r.status != 200) throw std::runtime_error("login: " + r.body);
    csrf_ = r.json()->getValue<std::string>("csrf_token");
  }
  ~EmptyServer() {
    server_.reset();
    app_.reset();
    database_.reset();
  }

  Reply call(const std::string& method, const std::string& path, const std::string& body = "",
             const std::string& type = "") {
    Poco::Net::HTTPClientSession session("127.0.0.1", server_->port());
    session.setTimeout(Poco::Timespan(60, 0));
    Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!cookie_.empty()) {
      req.set("Cookie", "beacon_session=" + cookie_);
      req.set("X-CSRF-Token", csrf_);
    }
    if (method == "POST") {
      req.setContentLength(static_cast<std::streamsize>(body.size()));
      req.setContentType(type);
    }
    session.sendRequest(req) << body;
    Poco::Net::HTTPResponse resp;
    Reply r = receiveReply(session, resp);
    std::vector<Poco::Net::HTTPCookie> cookies;
    resp.getCookies(cookies);
    for (const auto& c : cookies) {
      if (c.getName() == "beacon_session") cookie_ = c.getValue();
    }
    return r;
  }

 private:
  std::unique_ptr<beacon::testing::TestDatabase> database_;
  std::unique_ptr<app::AppContext> app_;
  std::unique_ptr<WebServer> server_;
  std::string cookie_;
  std::string csrf_;
};

class LedgerRoundTripTest : public WebFixture {};

TEST_F(LedgerRoundTripTest,
       EveryKindOfTheDemoCityExportsImportsIntoAnEmptyDatabaseAndExportsIdentically) {
  const Login admin = login("admin");
  // The demo city has no publication and no drill evaluation report: add one of each.
  const std::string today = service::today().toString();
  const int plan = count("SELECT MIN(id) FROM plans WHERE current_version > 0");
  Reply added = send(admin, "POST", "/api/v1/plans/" + std::to_string(plan) + "/publications",
                     R"({"date":")" + today +
                         R"(","channel":"新密市人民政府网站","link":"https://example.org/p"})");
  ASSERT_EQ(added.status, 201) << added.body;
  const int drill = count("SELECT MIN(id) FROM drills");
  added = send(admin, "POST", "/api/v1/drills/" + std::to_string(drill) + "/evaluation",
               R"({"verdict":"良","evaluator":"城关镇应急办","date":")" + today +
                   R"(","findings":"疏散路线标识不清"})");
  ASSERT_EQ(added.status, 201) << added.body;
  EmptyServer empty(dir_ + "/round-trip");
  for (const auto& kind : io::importKindIds()) {
    SCOPED_TRACE(kind);
    const Reply exported = get(admin, "/api/v1/exports/" + kind);
    ASSERT_EQ(exported.status, 200) << exported.body;
    EXPECT_GT(std::count(exported.body.begin(), exported.body.end(), '\n'), 1)
        << "records to compare";
    std::string body;
    const std::string type =
        multipartBody({}, "file", kind + ".csv", "text/csv", exported.body, body);
    const Reply imported = empty.call("POST", "/api/v1/imports/" + kind, body, type);
    ASSERT_EQ(imported.status, 201) << imported.body;
    const Reply again = empty.call("GET", "/api/v1/exports/" + kind);
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.body, exported.body);
  }
}

}  // namespace
}  // namespace beacon::http::testing
