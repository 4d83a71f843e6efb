#include "rules/rules_config.h"

#include <sstream>

#include <Poco/AutoPtr.h>
#include <Poco/Util/PropertyFileConfiguration.h>
#include <gtest/gtest.h>
#include "build_paths.h"
#include "rules/filing_target.h"

namespace beacon::rules {
namespace {

sdk::Result<RulesConfig> fromProperties(const std::string& text) {
  std::istringstream in(text);
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> props(new Poco::Util::PropertyFileConfiguration(in));
  return RulesConfig::load(*props);
}

TEST(RulesConfigTest, DefaultsAreTheLaw) {
  const RulesConfig config;
  EXPECT_EQ(config.dueSoonDays(), 30);
  EXPECT_EQ(config.trackingStart().toString(), "2023-01-01");
  EXPECT_EQ(config.evalIntervalMonths(), 36);
  EXPECT_EQ(config.evalWarningMonths(), 30);
  EXPECT_EQ(config.specialDrillIntervalMonths(), 36);
  EXPECT_EQ(config.filingWorkingDays(), 20);
  EXPECT_EQ(config.publicationWorkingDays(), 20);
  EXPECT_EQ(config.intValue("rules.flood.preseason_window_months", 12), 12);
}

TEST(RulesConfigTest, ShippedPropertiesFileIsValid) {
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> props(
      new Poco::Util::PropertyFileConfiguration(std::string(BEACON_SOURCE_DIR) + "/etc/beacon.properties"));
  auto config = RulesConfig::load(*props);
  ASSERT_TRUE(config.isOk()) << config.status().describe();
  EXPECT_EQ(config.value().evalIntervalMonths(), 36);
}

TEST(RulesConfigTest, OverridesAreRead) {
  auto config = fromProperties(
      "rules.due_soon_days = 14\n"
      "rules.tracking_start = 2024-01-01\n"
      "rules.eval_interval_months = 24\n"
      "rules.eval_warning_months = 20\n"
      "rules.flood.season_start = 05-10\n"
      "rules.flood.season_start.2025 = 05-01\n"
      "rules.fire.village_drill = yes\n"
      "rules.fire.village_interval_months = 12\n"
      "calendar.holidays_file = /srv/beacon/cn.csv\n");
  ASSERT_TRUE(config.isOk()) << config.status().describe();
  const auto& c = config.value();
  EXPECT_EQ(c.dueSoonDays(), 14);
  EXPECT_EQ(c.trackingStart().toString(), "2024-01-01");
  EXPECT_EQ(c.evalIntervalMonths(), 24);
  EXPECT_EQ(c.stringValue("rules.flood.season_start.2025", ""), "05-01");
  EXPECT_TRUE(c.boolValue("rules.fire.village_drill", false));
  EXPECT_EQ(c.intValue("rules.fire.village_interval_months", 0), 12);
  EXPECT_EQ(c.holidaysFile(), "/srv/beacon/cn.csv");
}

struct BadValue {
  const char* line;
  const char* key;
  const char* value;
};

TEST(RulesConfigTest, BadValuesAreRejectedNamingKeyAndValue) {
  const BadValue cases[] = {
      {"rules.eval_interval_months = three years", "rules.eval_interval_months", "three years"},
      {"rules.due_soon_days = -5", "rules.due_soon_days", "-5"},
      {"rules.filing_working_days = 20.5", "rules.filing_working_days", "20.5"},
      {"rules.tracking_start = 2023-13-01", "rules.tracking_start", "2023-13-01"},
      // A domain key's value is checked against its plugin's declaration once plugins are loaded
      // (tests/host/plugins: DomainParameters*); here only its form.
      {"rules.flood.Season_start = 05-15", "rules.flood.Season_start", "malformed key"},
  };
  for (const auto& c : cases) {
    auto config = fromProperties(std::string(c.line) + "\n");
    ASSERT_FALSE(config.isOk()) << c.line;
    EXPECT_EQ(config.status().field(), c.key) << c.line;
    EXPECT_NE(config.status().message().find(c.value), std::string::npos) << config.status().message();
  }
}

TEST(RulesConfigTest, UnknownSharedKeyAndInconsistentWarningAreRejected) {
  auto typo = fromProperties("rules.eval_intervall_months = 36\n");
  ASSERT_FALSE(typo.isOk());
  EXPECT_EQ(typo.status().field(), "rules.eval_intervall_months");
  EXPECT_NE(typo.status().message().find("unknown key"), std::string::npos);

  auto warning = fromProperties("rules.eval_interval_months = 24\n");
  ASSERT_FALSE(warning.isOk());  // the 30-month warning now comes after the deadline
  EXPECT_EQ(warning.status().field(), "rules.eval_warning_months");
}

}  // namespace
}  // namespace beacon::rules

namespace beacon::rules {
namespace {

TEST(RulesConfigParentAuthorityTest, ReadFromTheCityKeyAndChecked) {
  auto config = RulesConfig::fromValues({{"city.parent_authority", " 开封市 "}});
  ASSERT_TRUE(config.isOk()) << config.status().describe();
  EXPECT_EQ(config.value().stringValue(kParentAuthorityKey, ""), "开封市");
  EXPECT_EQ(RulesConfig().stringValue(kParentAuthorityKey, ""), "");
  for (const char* bad : {"", "郑州市人民政府", "郑州市应急管理局", "郑州市(河南)", "郑州;市"}) {
    auto r = RulesConfig::fromValues({{"city.parent_authority", bad}});
    ASSERT_FALSE(r.isOk()) << bad;
    EXPECT_EQ(r.status().field(), "city.parent_authority") << bad;
  }
}

TEST(RulesConfigParentAuthorityTest, TheShippedFileNamesZhengzhou) {
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> props(
      new Poco::Util::PropertyFileConfiguration(std::string(BEACON_SOURCE_DIR) + "/etc/beacon.properties"));
  auto config = RulesConfig::load(*props);
  ASSERT_TRUE(config.isOk()) << config.status().describe();
  EXPECT_EQ(config.value().stringValue(kParentAuthorityKey, ""), "郑州市");
}

}  // namespace
}  // namespace beacon::rules
