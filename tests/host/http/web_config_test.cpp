// WebConfig: the response cache bounds are read from web.response_cache_entries
// and web.response_cache_bytes (0 turns the cache off), and a bad value fails
// naming its key.
#include "http/web_config.h"

#include <gtest/gtest.h>

#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>

namespace beacon::http {
namespace {

TEST(WebConfigTest, ResponseCacheBoundsDefaultAndOverride) {
  Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
  auto defaults = WebConfig::load(*config);
  ASSERT_TRUE(defaults.isOk());
  EXPECT_GT(defaults.value().response_cache_entries, 0);
  EXPECT_GT(defaults.value().response_cache_bytes, 0);
  config->setString("web.response_cache_entries", "0");
  config->setString("web.response_cache_bytes", "1048576");
  auto set = WebConfig::load(*config);
  ASSERT_TRUE(set.isOk());
  EXPECT_EQ(set.value().response_cache_entries, 0);
  EXPECT_EQ(set.value().response_cache_bytes, 1048576);
}

TEST(WebConfigTest, BadResponseCacheBoundNamesItsKey) {
  for (const std::string key : {"web.response_cache_entries", "web.response_cache_bytes"}) {
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    config->setString(key, "-1");
    auto loaded = WebConfig::load(*config);
    ASSERT_FALSE(loaded.isOk()) << key;
    EXPECT_EQ(loaded.status().field(), key);
  }
}

TEST(WebConfigTest, ConnectionTimeoutsDefaultOverrideAndBadValue) {
  Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
  auto defaults = WebConfig::load(*config);
  ASSERT_TRUE(defaults.isOk());
  EXPECT_EQ(defaults.value().header_timeout_s, 10);
  EXPECT_GT(defaults.value().keepalive_timeout_s, 0);
  config->setString("web.header_timeout_s", "3");
  config->setString("web.keepalive_timeout_s", "7");
  auto set = WebConfig::load(*config);
  ASSERT_TRUE(set.isOk());
  EXPECT_EQ(set.value().header_timeout_s, 3);
  EXPECT_EQ(set.value().keepalive_timeout_s, 7);
  for (const std::string key : {"web.header_timeout_s", "web.keepalive_timeout_s"}) {
    Poco::AutoPtr<Poco::Util::MapConfiguration> bad(new Poco::Util::MapConfiguration);
    bad->setString(key, "0");
    auto loaded = WebConfig::load(*bad);
    ASSERT_FALSE(loaded.isOk()) << key;
    EXPECT_EQ(loaded.status().field(), key);
  }
}

}  // namespace
}  // namespace beacon::http
