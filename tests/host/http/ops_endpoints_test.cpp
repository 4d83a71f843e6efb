// GET /healthz, /readyz and /metrics over a real socket: no login needed; /readyz reports the
// database, the schema version and the plugins, and answers 503 naming the check that fails
// (a schema newer than the binary); /metrics counts requests by route pattern and status with a
// latency histogram, gives today's overdue duties by domain as the compliance engine has them,
// and is refused (403) to an address outside web.metrics_allow, also behind a trusted proxy.
#include <chrono>
#include <thread>
#include <map>
#include <mutex>
#include <regex>

#include <Poco/Util/MapConfiguration.h>

#include "plugins/domain_services.h"
#include "store/dialect.h"
#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

class OpsEndpointsTest : public WebFixture {
 protected:
  // The value of the sample `name{labels}` in a /metrics answer, or -1.
  static double sample(const std::string& body, const std::string& series) {
    std::istringstream in(body);
    std::string line;
    while (std::getline(in, line)) {
      if (line.compare(0, series.size() + 1, series + " ") == 0) return std::stod(line.substr(series.size() + 1));
    }
    return -1;
  }
  static Reply metrics() {
    Reply r = request("GET", "/metrics");
    EXPECT_EQ(r.status, 200) << r.body;
    return r;
  }
};

TEST_F(OpsEndpointsTest, HealthzAnswersWithoutLogin) {
  const Reply r = request("GET", "/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "ok\n");
}

TEST_F(OpsEndpointsTest, ReadyzReportsDatabaseSchemaAndPlugins) {
  const Reply r = request("GET", "/readyz");
  ASSERT_EQ(r.status, 200) << r.body;
  auto json = r.json();
  EXPECT_EQ(json->getValue<std::string>("status"), "ready");
  auto checks = json->getObject("checks");
  EXPECT_TRUE(checks->getObject("database")->getValue<bool>("ok"));
  auto schema = checks->getObject("schema");
  EXPECT_EQ(schema->getValue<int>("version"), app_->db().dialect().migrations().back().version);
  EXPECT_EQ(schema->getValue<int>("version"), schema->getValue<int>("expected"));
  auto enabled = checks->getObject("plugins")->getArray("enabled");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < enabled->size(); ++i) ids.insert(enabled->getElement<std::string>(i));
  EXPECT_EQ(ids, (std::set<std::string>{"enterprise_safety", "fire", "flood", "forest_fire"}));
}

TEST_F(OpsEndpointsTest, ReadyzIsUnavailableWhileTheSchemaIsNotTheBinarys) {
  const int newer = app_->db().dialect().migrations().back().version + 1;
  app_->db().session() << "INSERT INTO schema_version(version, applied_at) VALUES(" + std::to_string(newer) +
                              ", '2026-12-02T00:00:00Z')",
      Poco::Data::Keywords::now;
  const Reply r = request("GET", "/readyz");
  app_->db().session() << "DELETE FROM schema_version WHERE version = " + std::to_string(newer),
      Poco::Data::Keywords::now;
  ASSERT_EQ(r.status, 503) << r.body;
  auto json = r.json();
  EXPECT_EQ(json->getValue<std::string>("status"), "not_ready");
  auto schema = json->getObject("checks")->getObject("schema");
  EXPECT_FALSE(schema->getValue<bool>("ok"));
  EXPECT_EQ(schema->getValue<int>("version"), newer);
  EXPECT_NE(schema->getValue<std::string>("message").find("beacon init"), std::string::npos);
  EXPECT_EQ(request("GET", "/readyz").status, 200);
}

TEST_F(OpsEndpointsTest, MetricsCountRequestsByRoutePatternAndStatus) {
  const Login admin = login("admin");
  const Reply before = metrics();
  const std::string healthz = "beacon_http_requests_total{route=\"/healthz\",status=\"200\"}";
  const std::string drill = "beacon_http_requests_total{route=\"/api/v1/drills/{id}\",status=\"404\"}";
  const std::string unmatched = "beacon_http_requests_total{route=\"unmatched\",status=\"404\"}";
  const double healthz_before = std::max(0.0, sample(before.body, healthz));
  const double drill_before = std::max(0.0, sample(before.body, drill));
  const double unmatched_before = std::max(0.0, sample(before.body, unmatched));
  request("GET", "/healthz");
  request("GET", "/healthz");
  EXPECT_EQ(get(admin, "/api/v1/drills/987654321").status, 404);
  EXPECT_EQ(request("GET", "/no/such/page/12345").status, 404);
  // A request is counted once its answer is written, so the last one can land just after this
  // scrape starts: look again for up to 5 s.
  Reply after = metrics();
  for (int i = 0; i < 100 && (sample(after.body, unmatched) < unmatched_before + 1 ||
                              sample(after.body, drill) < drill_before + 1 ||
                              sample(after.body, healthz) < healthz_before + 2);
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    after = metrics();
  }
  EXPECT_EQ(after.content_type, "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(sample(after.body, healthz), healthz_before + 2) << after.body;
  EXPECT_EQ(sample(after.body, drill), drill_before + 1) << after.body;
  EXPECT_EQ(sample(after.body, unmatched), unmatched_before + 1) << after.body;
  // The histogram: cumulative buckets ending in +Inf equal to the count.
  const double count = sample(after.body, "beacon_http_request_duration_seconds_count{route=\"/healthz\"}");
  EXPECT_GE(count, 2);
  EXPECT_EQ(sample(after.body, "beacon_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"}"), count);
  EXPECT_LE(sample(after.body, "beacon_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.005\"}"),
            sample(after.body, "beacon_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"10\"}"));
  EXPECT_GE(sample(after.body, "beacon_database_errors_total"), 0);
  EXPECT_NE(after.body.find("# TYPE beacon_http_request_duration_seconds histogram"), std::string::npos);
}

TEST_F(OpsEndpointsTest, MetricsGiveTodaysOverdueDutiesByDomain) {
  const Reply r = metrics();
  std::map<std::string, double> expected;
  {
    std::lock_guard<std::mutex> lock(server_->state().app_mutex);
    rules::CheckQuery today;
    today.as_of = plugins::DomainServices::systemToday();
    auto results = app_->engine().check(today);
    ASSERT_TRUE(results.isOk()) << results.status().describe();
    for (const auto* p : app_->plugins().enabled()) expected[p->id] = 0;
    for (const auto& o : results.value()) {
      if (o.status == sdk::ObligationStatus::Overdue) ++expected[o.obligation.domain];
    }
  }
  double total = 0;
  for (const auto& [domain, n] : expected) {
    EXPECT_EQ(sample(r.body, "beacon_obligations_overdue{domain=\"" + domain + "\"}"), n) << domain << "\n" << r.body;
    total += n;
  }
  EXPECT_GT(total, 0) << "the demo city has overdue duties today";
  EXPECT_EQ(sample(r.body, "beacon_obligations_check_ok"), 1);
}

TEST_F(OpsEndpointsTest, MetricsAreRefusedOutsideTheAllowedAddresses) {
  Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
  config->setString("web.listen", "127.0.0.1:0");
  config->setString("web.metrics_allow", "10.0.0.0/8");
  auto web = WebConfig::load(*config);
  ASSERT_TRUE(web.isOk()) << web.status().describe();
  // Behind a trusted proxy the client is the forwarded address, not the proxy's.
  config->setString("web.metrics_allow", "127.0.0.1");
  config->setString("web.trusted_proxies", "127.0.0.1");
  auto proxied = WebConfig::load(*config);
  ASSERT_TRUE(proxied.isOk()) << proxied.status().describe();
  for (const auto& [settings, forwarded] :
       {std::pair<WebConfig, std::string>{web.value(), ""}, {proxied.value(), "203.0.113.7"}}) {
    WebServer other(*app_, settings);
    other.start();
    Poco::Net::HTTPClientSession session("127.0.0.1", other.port());
    Poco::Net::HTTPRequest req("GET", "/metrics", Poco::Net::HTTPMessage::HTTP_1_1);
    if (!forwarded.empty()) req.set("X-Forwarded-For", forwarded);
    session.sendRequest(req);
    Poco::Net::HTTPResponse resp;
    const Reply r = receiveReply(session, resp);
    EXPECT_EQ(r.status, 403) << r.body;
    EXPECT_NE(r.body.find("web.metrics_allow"), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find("beacon_http_requests_total"), std::string::npos);
    // Health and readiness stay open to everyone.
    Poco::Net::HTTPClientSession again("127.0.0.1", other.port());
    Poco::Net::HTTPRequest health("GET", "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
    again.sendRequest(health);
    EXPECT_EQ(receiveReply(again, resp).status, 200);
    other.stop();
  }
}

TEST_F(OpsEndpointsTest, MetricsAllowIsCheckedAtStartUp) {
  Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
  config->setString("web.metrics_allow", "loopback-only");
  auto web = WebConfig::load(*config);
  ASSERT_FALSE(web.isOk());
  EXPECT_EQ(web.status().field(), "web.metrics_allow");
}

}  // namespace
}  // namespace beacon::http::testing
