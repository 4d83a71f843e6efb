// Login throttling over the socket: an attacker's guesses slow the attacker
// (growing Retry-After) while the owner, from another client address, logs
// in; X-Forwarded-For counts only from a trusted proxy; logins, failures,
// throttles and logouts are in the audit log without the password. A
// second server on the same database trusts 127.0.0.1 as its proxy.
#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class LoginThrottleTest : public WebFixture {
 public:
  static void SetUpTestSuite() {
    WebFixture::SetUpTestSuite();
    WebConfig web;
    web.host = "127.0.0.1";
    web.port = 0;
    web.threads = 2;
    web.password_iterations = 1000;
    web.attachments_dir = Poco::Path(dir_).append("attachments").toString();
    auto proxies = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8", "web.trusted_proxies");
    ASSERT_TRUE(proxies.isOk());
    web.trusted_proxies = proxies.value();
    proxied_ = std::make_unique<WebServer>(*app_, web, [] {
      return std::chrono::system_clock::now() + std::chrono::seconds(offset_seconds_.load());
    });
    proxied_->start();
  }
  static void TearDownTestSuite() {
    proxied_.reset();
    WebFixture::TearDownTestSuite();
  }

 protected:
  // POST /api/v1/session to `server` as if from `client` (sent in X-Forwarded-For).
  static Reply attempt(WebServer& server, const std::string& username, const std::string& password,
                       const std::string& forwarded_for) {
    Poco::Net::HTTPClientSession session("127.0.0.1", server.port());
    session.setTimeout(Poco::Timespan(20, 0));
    Poco::Net::HTTPRequest req("POST", "/api/v1/session", Poco::Net::HTTPMessage::HTTP_1_1);
    const std::string body =
        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    req.setContentType("application/json");
    req.setContentLength(static_cast<std::streamsize>(body.size()));
    if (!forwarded_for.empty()) req.set("X-Forwarded-For", forwarded_for);
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
  static void addUser(const std::string& username) {
    auth::PasswordHasher hasher(1000);
    auto created = auth::AccountService(app_->db(), hasher)
                       .create({username, username, "admin", "", kPassword}, store::Actor{"test"});
    ASSERT_TRUE(created.isOk()) << created.status().describe();
  }
  inline static std::unique_ptr<WebServer> proxied_;
};

TEST_F(LoginThrottleTest, AttackerIsSlowedWhileTheOwnerLogsInFromElsewhere) {
  addUser("chief");
  const std::string attacker = "203.0.113.9";
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(attempt(*proxied_, "chief", "guess", attacker).status, 401) << i;
  Reply slowed = attempt(*proxied_, "chief", kPassword, attacker);  // even the right password waits
  EXPECT_EQ(slowed.status, 429);
  EXPECT_TRUE(slowed.cookie.empty());
  const int first_wait = std::stoi(slowed.headers["Retry-After"]);
  EXPECT_GE(first_wait, 1);
  EXPECT_LE(first_wait, 5);

  Reply owner = attempt(*proxied_, "chief", kPassword, "198.51.100.7");
  EXPECT_EQ(owner.status, 200) << owner.body;
  EXPECT_FALSE(owner.cookie.empty());

  // The attacker waits, guesses again, and waits longer.
  advance(std::chrono::seconds(6));
  EXPECT_EQ(attempt(*proxied_, "chief", "guess", attacker).status, 401);
  Reply longer = attempt(*proxied_, "chief", "guess", attacker);
  EXPECT_EQ(longer.status, 429);
  EXPECT_GT(std::stoi(longer.headers["Retry-After"]), 5);
  EXPECT_EQ(attempt(*proxied_, "chief", kPassword, "198.51.100.7").status, 200);
}

TEST_F(LoginThrottleTest, ForwardedForIsIgnoredFromAnUntrustedPeer) {
  addUser("deputy");
  // The default server trusts no proxy: a new X-Forwarded-For per guess does not escape the peer's
  // count.
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(attempt(*server_, "deputy", "guess", "192.0.2." + std::to_string(i)).status, 401)
        << i;
  }
  EXPECT_EQ(attempt(*server_, "deputy", kPassword, "192.0.2.99").status, 429);
  EXPECT_EQ(attempt(*server_, "deputy", kPassword, "").status, 429);
}

TEST_F(LoginThrottleTest, ForwardedForFromATrustedProxyGivesTheRightMostUntrustedAddress) {
  addUser("clerk");
  // A client-written left part ("1.2.3.4") is ignored: the proxy appended the real address.
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(attempt(*proxied_, "clerk", "guess",
                      std::to_string(i + 1) + ".2.3.4, 203.0.113.50, 10.1.1.1")
                  .status,
              401);
  }
  EXPECT_EQ(attempt(*proxied_, "clerk", kPassword, "9.9.9.9, 203.0.113.50").status, 429);
  EXPECT_EQ(attempt(*proxied_, "clerk", kPassword, "203.0.113.51").status, 200);
}

TEST_F(LoginThrottleTest, LoginsFailuresThrottlesAndLogoutsAreAudited) {
  addUser("auditee");
  const int before = count("SELECT COUNT(*) FROM audit_log WHERE entity = 'login'");
  for (int i = 0; i < 5; ++i) attempt(*proxied_, "auditee", "s3cret-guess", "203.0.113.77");
  attempt(*proxied_, "auditee", "s3cret-guess",
          "203.0.113.77");  // refused while waiting: not written
  Reply ok = attempt(*proxied_, "auditee", kPassword, "198.51.100.77");
  ASSERT_EQ(ok.status, 200);
  Poco::Net::HTTPClientSession session("127.0.0.1", proxied_->port());
  Poco::Net::HTTPRequest del("DELETE", "/api/v1/session", Poco::Net::HTTPMessage::HTTP_1_1);
  del.set("Cookie", "beacon_session=" + ok.cookie);
  del.set("X-CSRF-Token", ok.json()->getValue<std::string>("csrf_token"));
  del.set("X-Forwarded-For", "198.51.100.77");
  session.sendRequest(del);
  Poco::Net::HTTPResponse resp;
  EXPECT_EQ(receiveReply(session, resp).status, 204);

  auto n = [](const std::string& action, const std::string& address) {
    return count("SELECT COUNT(*) FROM audit_log WHERE entity = 'login' AND action = '" + action +
                 "' AND after_json LIKE '%\"username\":\"auditee\"%' AND after_json LIKE '%" +
                 address + "%'");
  };
  EXPECT_EQ(n("login_failed", "203.0.113.77"), 5);
  EXPECT_EQ(n("login_throttled", "203.0.113.77"), 1);
  EXPECT_EQ(n("login", "198.51.100.77"), 1);
  EXPECT_EQ(n("logout", "198.51.100.77"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'login'"), before + 8);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%s3cret-guess%'"
                  " OR after_json LIKE '%" +
                  std::string(kPassword) + "%'"),
            0);
  EXPECT_EQ(
      count(
          "SELECT COUNT(*) FROM audit_log WHERE entity = 'login' AND action = 'login_throttled'"
          " AND after_json LIKE '%\"limit\":\"account_address\"%' AND after_json LIKE '%auditee%'"),
      1);
}

}  // namespace
}  // namespace beacon::http::testing
