// TrustedProxies: parsing web.trusted_proxies (addresses, CIDR blocks, errors
// naming the key), and the client address: the peer unless the peer is a
// trusted proxy, then the right-most untrusted X-Forwarded-For entry. Also
// WebConfig's start-up checks of the login throttling settings.
#include "http/trusted_proxies.h"

#include <gtest/gtest.h>

#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>

#include "http/web_config.h"

namespace beacon::http {
namespace {

Poco::Net::IPAddress ip(const std::string& text) { return Poco::Net::IPAddress(text); }

TrustedProxies proxies(const std::string& list) {
  auto parsed = TrustedProxies::parse(list, "web.trusted_proxies");
  EXPECT_TRUE(parsed.isOk()) << parsed.status().describe();
  return parsed.isOk() ? parsed.value() : TrustedProxies{};
}

TEST(TrustedProxiesTest, AddressesAndCidrBlocks) {
  const TrustedProxies p = proxies("127.0.0.1, 10.0.0.0/8 192.168.4.0/22,fd00::/8");
  EXPECT_TRUE(p.trusts(ip("127.0.0.1")));
  EXPECT_FALSE(p.trusts(ip("127.0.0.2")));
  EXPECT_TRUE(p.trusts(ip("10.255.1.2")));
  EXPECT_TRUE(p.trusts(ip("192.168.7.255")));
  EXPECT_FALSE(p.trusts(ip("192.168.8.0")));
  EXPECT_TRUE(p.trusts(ip("fd12::1")));
  EXPECT_FALSE(p.trusts(ip("fe80::1")));
  EXPECT_TRUE(p.trusts(ip("::ffff:10.1.2.3")));  // IPv4-mapped peer
  EXPECT_TRUE(proxies("").empty());
}

TEST(TrustedProxiesTest, BadEntriesNameTheKey) {
  for (const std::string bad :
       {"10.0.0.0/33", "example.com", "10.0.0.1/x", "::1/129", "10.0.0.256"}) {
    auto parsed = TrustedProxies::parse(bad, "web.trusted_proxies");
    ASSERT_FALSE(parsed.isOk()) << bad;
    EXPECT_EQ(parsed.status().field(), "web.trusted_proxies");
    EXPECT_NE(parsed.status().message().find(bad), std::string::npos);
  }
}

TEST(TrustedProxiesTest, ClientIsTheRightMostUntrustedEntry) {
  const TrustedProxies p = proxies("127.0.0.1, 10.0.0.0/8");
  // An untrusted peer: the header is ignored.
  EXPECT_EQ(p.clientAddress(ip("203.0.113.9"), "198.51.100.1"), "203.0.113.9");
  EXPECT_EQ(proxies("").clientAddress(ip("127.0.0.1"), "198.51.100.1"), "127.0.0.1");
  // A trusted peer: walk left past trusted hops; the client's own entries further left do not
  // count.
  EXPECT_EQ(p.clientAddress(ip("127.0.0.1"), "198.51.100.1"), "198.51.100.1");
  EXPECT_EQ(p.clientAddress(ip("127.0.0.1"), "6.6.6.6, 198.51.100.1, 10.0.0.7"), "198.51.100.1");
  EXPECT_EQ(p.clientAddress(ip("127.0.0.1"), "[2001:db8::1]"), "2001:db8::1");
  // No header, only trusted hops, or garbage: the last address a trusted hop vouched for.
  EXPECT_EQ(p.clientAddress(ip("127.0.0.1"), ""), "127.0.0.1");
  EXPECT_EQ(p.clientAddress(ip("127.0.0.1"), "10.0.0.8, 10.0.0.7"), "10.0.0.8");
  EXPECT_EQ(p.clientAddress(ip("127.0.0.1"), "198.51.100.1, not-an-address, 10.0.0.7"), "10.0.0.7");
}

TEST(TrustedProxiesTest, WebConfigReadsThrottlingAndProxiesAndRefusesTheOldLockoutKeys) {
  Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
  config->setString("web.trusted_proxies", "10.0.0.0/8");
  config->setString("web.login_free_failures_per_account", "50");
  auto loaded = WebConfig::load(*config);
  ASSERT_TRUE(loaded.isOk()) << loaded.status().describe();
  EXPECT_TRUE(loaded.value().trusted_proxies.trusts(ip("10.9.9.9")));
  EXPECT_EQ(loaded.value().login_free_failures_per_account, 50);
  EXPECT_EQ(loaded.value().login_free_failures_per_account_address, 5);

  config->setString("web.trusted_proxies", "10.0.0.0/40");
  EXPECT_EQ(WebConfig::load(*config).status().field(), "web.trusted_proxies");
  config->setString("web.trusted_proxies", "");
  config->setString("web.login_max_delay_seconds", "0");
  EXPECT_EQ(WebConfig::load(*config).status().field(), "web.login_max_delay_seconds");
  for (const std::string old : {"web.login_failures_per_username", "web.login_failures_per_ip",
                                "web.login_lockout_minutes"}) {
    Poco::AutoPtr<Poco::Util::MapConfiguration> c(new Poco::Util::MapConfiguration);
    c->setString(old, "5");
    EXPECT_EQ(WebConfig::load(*c).status().field(), old);
  }
}

}  // namespace
}  // namespace beacon::http
