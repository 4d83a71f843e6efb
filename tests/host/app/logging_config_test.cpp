// logging.*: bad values stop start-up naming their key; a file destination gets JSON lines
// (one object per message, UTF-8 kept, quotes escaped) or text lines with the time; the
// default puts the tree back on stderr.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Util/MapConfiguration.h>

#include "app/logging_config.h"

namespace beacon::app {
namespace {

std::vector<std::string> lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

class LoggingConfigTest : public ::testing::Test {
 protected:
  void SetUp() override { Poco::File(dir_.path()).createDirectories(); }
  void TearDown() override { ASSERT_TRUE(LoggingConfig{}.apply().isOk()); }
  sdk::Result<LoggingConfig> load(const std::map<std::string, std::string>& values) {
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    for (const auto& [k, v] : values) config->setString(k, v);
    return LoggingConfig::load(*config);
  }
  Poco::TemporaryFile dir_;
};

TEST_F(LoggingConfigTest, BadValuesNameTheirKey) {
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"logging.level", "verbose"},
           {"logging.format", "xml"},
           {"logging.destination", ""},
           {"logging.purge_count", "0"}}) {
    auto c = load({{key, value}});
    ASSERT_FALSE(c.isOk()) << key;
    EXPECT_EQ(c.status().field(), key);
  }
  auto rotation = load({{"logging.destination", dir_.path() + "/b.log"}, {"logging.rotation", "sometimes"}});
  ASSERT_TRUE(rotation.isOk());
  sdk::Status applied = rotation.value().apply();
  ASSERT_FALSE(applied.isOk());
  EXPECT_EQ(applied.field(), "logging.rotation");
  auto unwritable = load({{"logging.access_file", "/proc/beacon-no-such/access.log"}});
  ASSERT_TRUE(unwritable.isOk());
  applied = unwritable.value().apply();
  ASSERT_FALSE(applied.isOk());
  EXPECT_EQ(applied.field(), "logging.access_file");
}

TEST_F(LoggingConfigTest, JsonLinesToAFile) {
  const std::string file = dir_.path() + "/logs/beacon.log";
  auto c = load({{"logging.format", "json"}, {"logging.destination", file}, {"logging.level", "notice"}});
  ASSERT_TRUE(c.isOk()) << c.status().describe();
  ASSERT_TRUE(c.value().apply().isOk());
  Poco::Logger::get("beacon.test").notice("预案 \"甲\" 已备案");
  Poco::Logger::get("beacon.test").information("below the level");
  const auto written = lines(file);
  ASSERT_EQ(written.size(), 1u);
  Poco::JSON::Parser parser;
  auto o = parser.parse(written[0]).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(o->getValue<std::string>("level"), "notice");
  EXPECT_EQ(o->getValue<std::string>("logger"), "beacon.test");
  EXPECT_EQ(o->getValue<std::string>("message"), "预案 \"甲\" 已备案");
  EXPECT_EQ(o->getValue<std::string>("time").size(), std::string("2026-12-02T01:02:03.456Z").size());
  EXPECT_NE(written[0].find("预案"), std::string::npos) << "UTF-8 kept, not \\u escapes";
}

TEST_F(LoggingConfigTest, TextLinesToAFileCarryTheTime) {
  const std::string file = dir_.path() + "/beacon.log";
  auto c = load({{"logging.destination", file}});
  ASSERT_TRUE(c.isOk()) << c.status().describe();
  ASSERT_TRUE(c.value().apply().isOk());
  Poco::Logger::get("beacon.test").warning("storage unavailable");
  const auto written = lines(file);
  ASSERT_EQ(written.size(), 1u);
  EXPECT_NE(written[0].find("beacon.test: storage unavailable"), std::string::npos) << written[0];
  EXPECT_EQ(written[0].find("20"), 0u) << written[0];
}

}  // namespace
}  // namespace beacon::app
