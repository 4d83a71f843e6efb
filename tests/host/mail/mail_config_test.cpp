// mail.* settings: off by default, defaults as documented, each bad value refused naming its key.
#include <gtest/gtest.h>

#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>

#include "mail/email_address.h"
#include "mail/mail_config.h"

namespace beacon::mail {
namespace {

sdk::Result<MailConfig> load(const std::map<std::string, std::string>& values) {
  Poco::AutoPtr<Poco::Util::MapConfiguration> c(new Poco::Util::MapConfiguration);
  for (const auto& [k, v] : values) c->setString(k, v);
  return MailConfig::load(*c);
}

TEST(MailConfigTest, OffByDefaultWithTheDocumentedDefaults) {
  auto c = load({});
  ASSERT_TRUE(c.isOk());
  EXPECT_FALSE(c.value().enabled);
  EXPECT_EQ(c.value().port, 25);
  EXPECT_EQ(c.value().schedule, (std::vector<int>{30, 14, 7, 0}));
  EXPECT_EQ(c.value().send_hour, 7);
  EXPECT_EQ(c.value().send_minute, 0);
}

TEST(MailConfigTest, ReadsEverySetting) {
  auto c = load({{"mail.enabled", "true"},
                 {"mail.host", "smtp.xinmi.example.cn"},
                 {"mail.port", "587"},
                 {"mail.from", "beacon@xinmi.example.cn"},
                 {"mail.username", "beacon"},
                 {"mail.password", "pw"},
                 {"mail.schedule", "14,3"},
                 {"mail.send_at", "06:45"},
                 {"mail.base_url", "https://beacon.xinmi.example.cn/"}});
  ASSERT_TRUE(c.isOk()) << c.status().describe();
  EXPECT_TRUE(c.value().enabled);
  EXPECT_EQ(c.value().host, "smtp.xinmi.example.cn");
  EXPECT_EQ(c.value().port, 587);
  EXPECT_EQ(c.value().schedule, (std::vector<int>{14, 3}));
  EXPECT_EQ(c.value().send_hour, 6);
  EXPECT_EQ(c.value().send_minute, 45);
  EXPECT_EQ(c.value().base_url, "https://beacon.xinmi.example.cn");
}

TEST(MailConfigTest, RefusesBadValuesNamingTheKey) {
  const std::vector<std::pair<std::map<std::string, std::string>, std::string>> cases = {
      {{{"mail.enabled", "yes"}}, "mail.enabled"},
      {{{"mail.port", "0"}}, "mail.port"},
      {{{"mail.send_at", "7:00"}}, "mail.send_at"},
      {{{"mail.send_at", "24:00"}}, "mail.send_at"},
      {{{"mail.schedule", "7,x"}}, "mail.schedule"},
      {{{"mail.from", "not an address"}}, "mail.from"},
      {{{"mail.enabled", "true"}}, "mail.from"},
      {{{"mail.username", "u"}}, "mail.password"},
  };
  for (const auto& [values, key] : cases) {
    auto c = load(values);
    ASSERT_FALSE(c.isOk()) << key;
    EXPECT_EQ(c.status().field(), key);
  }
}

TEST(EmailAddressTest, AcceptsPlainAddressesOnly) {
  for (const char* ok : {"a@b.cn", "quliang.office@xinmi.gov.cn", "x+y@mail.example.com"}) {
    EXPECT_TRUE(isEmailAddress(ok)) << ok;
  }
  for (const char* bad : {"", "a", "a@b", "@b.cn", "a@@b.cn", "a b@c.cn", "a@b..cn", "a@.b.cn",
                          "<a@b.cn>", "a@b.cn\r\nBcc: x@y.cn", "曲梁@xinmi.cn", ".a@b.cn"}) {
    EXPECT_FALSE(isEmailAddress(bad)) << bad;
  }
}

}  // namespace
}  // namespace beacon::mail
