// The access log to its own file (logging.access_file) from a real server: one JSON line per
// request with method, path, status, bytes, ms, user and ip (status a number), or the
// key=value text line; the rest of the log stays on its own destination.
#include <chrono>
#include <fstream>
#include <map>
#include <thread>

#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Util/MapConfiguration.h>

#include "app/logging_config.h"
#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

class AccessLogFileTest : public WebFixture {
 protected:
  void TearDown() override {
    ASSERT_TRUE(app::LoggingConfig{}.apply().isOk());
    Poco::Logger::get("beacon.http.access").setLevel("warning");
  }
  static std::string apply(const std::string& format) {
    const std::string access = dir_ + "/logs-" + format + "/access.log";
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    config->setString("logging.format", format);
    config->setString("logging.destination", dir_ + "/logs-" + format + "/beacon.log");
    config->setString("logging.access_file", access);
    auto c = app::LoggingConfig::load(*config);
    EXPECT_TRUE(c.isOk()) << c.status().describe();
    EXPECT_TRUE(c.value().apply().isOk());
    Poco::Logger::get("beacon.http.access").setLevel("information");  // as `beacon serve` does
    return access;
  }
  static std::vector<std::string> lines(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  }
  // The line is written after the answer went out: wait (up to 5 s) for `n` lines.
  static std::vector<std::string> awaitLines(const std::string& path, std::size_t n) {
    for (int i = 0; i < 500 && lines(path).size() < n; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return lines(path);
  }
};

TEST_F(AccessLogFileTest, JsonLinesWithTheRequestFields) {
  const std::string access = apply("json");
  const Login village = login("village");
  EXPECT_EQ(get(village, "/api/v1/drills?limit=1").status, 200);
  EXPECT_EQ(request("GET", "/healthz").status, 200);
  const auto written = awaitLines(access, 3);
  ASSERT_EQ(written.size(), 3u);  // the login, the list, the health check
  // Each line is written after its answer went out, so the next request can be logged first by
  // another worker: find the lines by their path, not their place.
  std::map<std::string, Poco::JSON::Object::Ptr> by_path;
  for (const auto& line : written) {
    Poco::JSON::Parser parser;
    auto o = parser.parse(line).extract<Poco::JSON::Object::Ptr>();
    by_path[o->getValue<std::string>("path")] = o;
  }
  ASSERT_EQ(by_path.count("/api/v1/drills"), 1u) << written[0] << written[1] << written[2];
  ASSERT_EQ(by_path.count("/healthz"), 1u);
  const auto list = by_path["/api/v1/drills"];
  EXPECT_EQ(list->getValue<std::string>("logger"), "beacon.http.access");
  EXPECT_EQ(list->getValue<std::string>("method"), "GET");
  EXPECT_TRUE(list->get("status").isInteger());
  EXPECT_EQ(list->getValue<int>("status"), 200);
  EXPECT_EQ(list->getValue<std::string>("user"), "village");
  EXPECT_EQ(list->getValue<std::string>("ip"), "127.0.0.1");
  EXPECT_GT(list->getValue<double>("bytes"), 0);
  EXPECT_EQ(by_path["/healthz"]->getValue<std::string>("user"), "-");
  // Nothing of the access log in the main file.
  for (const auto& line : lines(dir_ + "/logs-json/beacon.log")) EXPECT_EQ(line.find("/healthz"), std::string::npos);
}

TEST_F(AccessLogFileTest, TextLines) {
  const std::string access = apply("text");
  EXPECT_EQ(request("GET", "/healthz").status, 200);
  const auto written = awaitLines(access, 1);
  ASSERT_EQ(written.size(), 1u);
  EXPECT_NE(written[0].find("beacon.http.access: method=GET path=/healthz status=200 bytes=3 "), std::string::npos)
      << written[0];
}

}  // namespace
}  // namespace beacon::http::testing
