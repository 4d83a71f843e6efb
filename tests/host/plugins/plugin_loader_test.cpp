#include "plugins/plugin_loader.h"

#include <gtest/gtest.h>

#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Message.h>
#include <Poco/TemporaryFile.h>

#include "plugins/domain_services.h"
#include "plugins/plugin_manifest.h"
#include "plugins/plugin_parameters.h"
#include "beacon/sdk/testing/rule_harness.h"
#include "build_paths.h"

namespace beacon::plugins {
namespace {

class NoRecords : public sdk::RecordReader {
 public:
  std::vector<sdk::Organisation> organisations() const override { return {}; }
  std::vector<sdk::Plan> plans() const override { return {}; }
  std::vector<sdk::PlanVersion> versions(sdk::RecordId) const override { return {}; }
  std::vector<sdk::Review> reviews(sdk::RecordId) const override { return {}; }
  std::vector<sdk::Filing> filings(sdk::RecordId) const override { return {}; }
  std::vector<sdk::Drill> drills(const sdk::Date&, const sdk::Date&) const override { return {}; }
};
class NoCalendar : public sdk::WorkingCalendar {
 public:
  sdk::Result<bool> isWorkingDay(const sdk::Date&) const override { return sdk::Status::error("none"); }
  sdk::Result<sdk::Date> addWorkingDays(const sdk::Date&, int) const override {
    return sdk::Status::error("none");
  }
};
class NoParameters : public sdk::RuleParameters {
 public:
  int intValue(const std::string&, int d) const override { return d; }
  bool boolValue(const std::string&, bool d) const override { return d; }
  std::string stringValue(const std::string&, const std::string& d) const override { return d; }
};

const std::string kFixtures = std::string(BEACON_BUILD_DIR) + "/test-plugins";
const std::string kRealPlugins = BEACON_DEFAULT_PLUGIN_DIR;

class PluginLoaderTest : public ::testing::Test {
 protected:
  PluginLoaderTest()
      : services_("test", Poco::Logger::get("test"), records_, calendar_, parameters_),
        loader_(registry_, [this](const std::string&) -> sdk::HostServices& { return services_; },
                Poco::Logger::get("test")) {}

  // A plugin folder assembled from fixture folders, removed after the test.
  std::string assemble(const std::vector<std::string>& fixtures) {
    Poco::File(dir_.path()).createDirectories();
    for (const auto& f : fixtures) {
      Poco::File(kFixtures + "/" + f).copyTo(dir_.path());
    }
    return dir_.path();
  }

  NoRecords records_;
  NoCalendar calendar_;
  NoParameters parameters_;
  DomainServices services_;
  PluginRegistry registry_;
  PluginLoader loader_;
  Poco::TemporaryFile dir_;
};

const PluginRecord* find(const PluginRegistry& r, const std::string& id) {
  for (const auto& p : r.all()) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

TEST_F(PluginLoaderTest, LoadsTheFourRealDomainPlugins) {
  EXPECT_EQ(loader_.loadDirectory(kRealPlugins), 4);
  for (const char* id : {"flood", "fire", "forest_fire", "enterprise_safety"}) {
    const PluginRecord* p = registry_.byDomain(id);
    ASSERT_NE(p, nullptr) << id;
    EXPECT_EQ(p->state, PluginState::Enabled);
    EXPECT_FALSE(p->drill_types.empty()) << id;
    EXPECT_TRUE(sdk::isSdkCompatible(p->sdk_version));
  }
  EXPECT_NE(registry_.drillType("flood.evacuation"), nullptr);
}

TEST_F(PluginLoaderTest, RejectsMajorVersionMismatchAndKeepsOthers) {
  EXPECT_EQ(loader_.loadDirectory(assemble({"good", "major_mismatch"})), 1);
  const PluginRecord* bad = find(registry_, "major");
  ASSERT_NE(bad, nullptr);
  EXPECT_EQ(bad->state, PluginState::Disabled);
  EXPECT_NE(bad->reason.find("SDK 5.0"), std::string::npos) << bad->reason;
  EXPECT_NE(registry_.byDomain("fixture"), nullptr);
}

TEST_F(PluginLoaderTest, RejectsPluginBuiltAgainstNewerMinor) {
  EXPECT_EQ(loader_.loadDirectory(assemble({"minor_newer"})), 0);  // its plugin.json also says 4.99
  const PluginRecord* bad = find(registry_, "newer");
  ASSERT_NE(bad, nullptr);
  EXPECT_NE(bad->reason.find("4.99"), std::string::npos) << bad->reason;
}

// SDK 4.0 changed the layout of sdk::Status (its code): a 3.x plugin would
// return statuses of the old layout, so it must be refused before any of its code runs.
TEST_F(PluginLoaderTest, RejectsPluginBuiltAgainstThePreviousMajor) {
  EXPECT_EQ(loader_.loadDirectory(assemble({"previous_major"})), 0);
  const PluginRecord* bad = find(registry_, "older");
  ASSERT_NE(bad, nullptr);
  EXPECT_NE(bad->reason.find("3.0"), std::string::npos) << bad->reason;
}

TEST_F(PluginLoaderTest, RejectsLibraryWhoseVersionDisagreesWithItsManifest) {
  EXPECT_EQ(loader_.loadDirectory(assemble({"manifest_disagrees"})), 0);
  const PluginRecord* bad = find(registry_, "disagrees");
  ASSERT_NE(bad, nullptr);
  // With the host at 4.0 no other build is compatible, so the library's own version is refused
  // first.
  EXPECT_NE(bad->reason.find("built against SDK 3.0"), std::string::npos) << bad->reason;
}

TEST_F(PluginLoaderTest, DisablesPluginWhoseInitialiserThrows) {
  EXPECT_EQ(loader_.loadDirectory(assemble({"throwing", "good"})), 1);
  const PluginRecord* bad = find(registry_, "throwing");
  ASSERT_NE(bad, nullptr);
  EXPECT_EQ(bad->state, PluginState::Disabled);
  EXPECT_NE(bad->reason.find("fixture refuses to start"), std::string::npos) << bad->reason;
  EXPECT_EQ(bad->plugin, nullptr);
  EXPECT_NE(registry_.byDomain("fixture"), nullptr);
}

TEST_F(PluginLoaderTest, RejectsDuplicateId) {
  EXPECT_EQ(loader_.loadDirectory(assemble({"good", "good_twin"})), 1);
  ASSERT_EQ(registry_.all().size(), 2u);
  EXPECT_EQ(registry_.all()[0].state, PluginState::Enabled);
  EXPECT_EQ(registry_.all()[1].state, PluginState::Disabled);
  EXPECT_NE(registry_.all()[1].reason.find("duplicate plugin id"), std::string::npos);
}

TEST_F(PluginLoaderTest, RejectsFolderWithoutManifest) {
  const std::string dir = assemble({"good"});
  Poco::File(dir + "/good/plugin.json").remove();
  EXPECT_EQ(loader_.loadDirectory(dir), 0);
  ASSERT_EQ(registry_.all().size(), 1u);
  EXPECT_NE(registry_.all()[0].reason.find("missing manifest"), std::string::npos);
}

TEST_F(PluginLoaderTest, MissingDirectoryLoadsNothing) {
  EXPECT_EQ(loader_.loadDirectory("/nonexistent/beacon/plugins"), 0);
  EXPECT_TRUE(registry_.all().empty());
}

// Keeps every message logged to it (issue #15: a refusal is one log line).
class RecordingChannel : public Poco::Channel {
 public:
  void log(const Poco::Message& message) override { messages.push_back(message); }
  std::vector<Poco::Message> messages;
};

// Issue #15, ABI policy (version.h): a plugin built against another major lays out the boundary's
// structs differently, so the loader refuses it before running its code, says so in exactly one
// log line naming the plugin, the version it was built against and the host's, and loads the rest.
TEST_F(PluginLoaderTest, RefusesAnotherMajorWithOneLogLineAndLoadsTheRest) {
  Poco::AutoPtr<RecordingChannel> channel(new RecordingChannel);
  Poco::Logger& logger = Poco::Logger::get("test.plugin_abi");
  logger.setChannel(channel);
  logger.setLevel(Poco::Message::PRIO_INFORMATION);
  PluginLoader loader(registry_, [this](const std::string&) -> sdk::HostServices& { return services_; },
                      logger);
  EXPECT_EQ(loader.loadDirectory(assemble({"good", "major_mismatch", "previous_major"})), 1);

  std::vector<std::string> errors;
  for (const auto& m : channel->messages) {
    if (m.getPriority() <= Poco::Message::PRIO_ERROR) errors.push_back(m.getText());
  }
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("plugin major disabled"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("SDK 5.0"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("plugin older disabled"), std::string::npos) << errors[1];
  EXPECT_NE(errors[1].find("SDK 3.0"), std::string::npos) << errors[1];
  for (const auto& e : errors) {
    EXPECT_NE(e.find("host provides " + sdk::sdkVersionString(sdk::kSdkVersion)), std::string::npos) << e;
    EXPECT_EQ(e.find('\n'), std::string::npos) << e;
  }
  const PluginRecord* good = registry_.byDomain("fixture");
  ASSERT_NE(good, nullptr);
  EXPECT_EQ(good->state, PluginState::Enabled);
  EXPECT_EQ(find(registry_, "major")->plugin, nullptr);
  logger.setChannel(nullptr);
}

// Issue #15: the rules.<domain>.* keys are checked against what each plugin declares
// (sdk::ParameterCatalogue), not by the key's suffix: a misspelt key stops start-up naming it and
// the nearest declared key; a bad value names the key and the value.
TEST_F(PluginLoaderTest, DomainParametersAreCheckedAgainstThePluginsDeclarations) {
  ASSERT_EQ(loader_.loadDirectory(kRealPlugins), 4);
  Poco::Logger& logger = Poco::Logger::get("test");
  const std::map<std::string, std::string> good = {
      {"rules.due_soon_days", "14"},  // shared keys are RulesConfig's
      {"rules.flood.season_start", "05-10"},
      {"rules.flood.season_start.2025", "05-01"},
      {"rules.fire.village_interval_months", "0"},
      {"rules.forest_fire.period_end.2026", "04-29"},
      {"rules.enterprise_safety.filing_working_days", "30"},
  };
  EXPECT_TRUE(checkPluginParameters(good, registry_, logger).isOk())
      << checkPluginParameters(good, registry_, logger).describe();

  struct Case {
    const char* key;
    const char* value;
    const char* in_message;
  };
  const Case bad[] = {
      {"rules.flood.season_start", "5-15", "5-15"},
      {"rules.forest_fire.period_end.2026", "04-31", "04-31"},
      {"rules.flood.preseason_window_months", "twelve", "twelve"},
      {"rules.fire.key_unit_interval_months", "-6", "between 1 and 1200"},
      {"rules.fire.village_interval_months", "1201", "between 0 and 1200"},
      {"rules.enterprise_safety.filing_working_days", "0", "between 1 and 365"},
      {"rules.flood.preseason_window_month", "12", "did you mean rules.flood.preseason_window_months?"},
      {"rules.forest_fire.period_strat.2025", "11-05", "did you mean rules.forest_fire.period_start?"},
      {"rules.flood.season_start.25", "05-01", "unknown parameter"},
      {"rules.fire.something", "-1", "unknown parameter)"},
      {"rules.flod.season_start", "05-15", "no plugin has domain \"flod\""},
  };
  for (const auto& c : bad) {
    const sdk::Status s = checkPluginParameters({{c.key, c.value}}, registry_, logger);
    ASSERT_FALSE(s.isOk()) << c.key << " = " << c.value;
    EXPECT_EQ(s.field(), c.key) << s.describe();
    EXPECT_NE(s.message().find(c.in_message), std::string::npos) << s.describe();
  }
}

TEST_F(PluginLoaderTest, KeysOfADisabledPluginAreOnlyLogged) {
  ASSERT_EQ(loader_.loadDirectory(assemble({"throwing"})), 0);
  EXPECT_TRUE(checkPluginParameters({{"rules.throwing.anything", "1"}}, registry_, Poco::Logger::get("test")).isOk());
}

// Each declaration matches what the rules read: the declared default evaluates, and a value just
// outside the declared type or range makes the rules themselves refuse it naming the same key.
TEST_F(PluginLoaderTest, EveryDeclaredParameterIsOneTheRulesReadWithTheDeclaredRange) {
  ASSERT_EQ(loader_.loadDirectory(kRealPlugins), 4);
  for (const auto* p : registry_.enabled()) {
    auto specs = declaredParameters(*p);
    ASSERT_TRUE(specs.isOk()) << specs.status().describe();
    EXPECT_FALSE(specs.value().empty()) << p->id;
    for (const auto& spec : specs.value()) {
      EXPECT_EQ(spec.key.rfind("rules." + p->id + ".", 0), 0u) << spec.key;
      EXPECT_TRUE(sdk::checkParameter(spec, spec.key, spec.default_value).isOk()) << spec.key;
      sdk::testing::RuleHarness with_default;
      with_default.parameters.set(spec.key, spec.default_value);
      std::vector<sdk::Obligation> out;
      EXPECT_TRUE(with_default.evaluate(p->plugin->rules(), sdk::Date{2024, 6, 1}, out).isOk()) << spec.key;

      std::vector<std::string> outside;
      if (spec.type == sdk::ParameterType::Integer) {
        outside = {std::to_string(spec.min_value - 1), std::to_string(spec.max_value + 1)};
      } else if (spec.type == sdk::ParameterType::MonthDay) {
        outside = {"13-01", "02-30"};
      }
      for (const auto& value : outside) {
        EXPECT_FALSE(sdk::checkParameter(spec, spec.key, value).isOk()) << spec.key << " = " << value;
        sdk::testing::RuleHarness h;
        h.parameters.set(spec.key, value);
        out.clear();
        const sdk::Status s = h.evaluate(p->plugin->rules(), sdk::Date{2024, 6, 1}, out);
        EXPECT_FALSE(s.isOk()) << spec.key << " = " << value << ": the rules accept what the declaration refuses";
        EXPECT_EQ(s.field(), spec.key) << s.describe();
      }
    }
  }
}

TEST(PluginManifestTest, ValidatesFieldsBeforeAnyCodeRuns) {
  const std::string ok =
      R"({"id":"flood","library":"libbeacon_flood.so","class":"a::B","version":"1.0.0",)"
      R"("sdk":"1.0","name_zh":"防汛","name_en":"Flood"})";
  ASSERT_TRUE(PluginManifest::parse(ok).isOk());
  EXPECT_EQ(PluginManifest::parse(ok).value().sdk_version, 0x00010000u);
  auto no_class = PluginManifest::parse(R"({"id":"flood","library":"x.so"})");
  EXPECT_EQ(no_class.status().field(), "class");
  auto bad_id = PluginManifest::parse(
      R"({"id":"Flood!","library":"x.so","class":"a","version":"1","sdk":"1.0","name_zh":"a","name_en":"b"})");
  EXPECT_EQ(bad_id.status().field(), "id");
  auto bad_sdk = PluginManifest::parse(
      R"({"id":"f","library":"x.so","class":"a","version":"1","sdk":"one","name_zh":"a","name_en":"b"})");
  EXPECT_EQ(bad_sdk.status().field(), "sdk");
  EXPECT_FALSE(PluginManifest::parse("{not json").isOk());
}

TEST(SdkVersionTest, AcceptsSameMajorAndOlderOrEqualMinor) {
  EXPECT_TRUE(sdk::isSdkCompatible(0x00010000u, 0x00010002u));
  EXPECT_TRUE(sdk::isSdkCompatible(0x00010002u, 0x00010002u));
  EXPECT_FALSE(sdk::isSdkCompatible(0x00010003u, 0x00010002u));
  EXPECT_FALSE(sdk::isSdkCompatible(0x00020000u, 0x00010002u));
  EXPECT_FALSE(sdk::isSdkCompatible(0x00000009u, 0x00010002u));
  EXPECT_FALSE(sdk::isSdkCompatible(0x00010002u, 0x00020000u));  // a 1.x plugin in a 2.0 host
  EXPECT_FALSE(sdk::isSdkCompatible(0x00020000u, 0x00030000u));  // a 2.x plugin in a 3.0 host
  EXPECT_FALSE(sdk::isSdkCompatible(0x00030000u, 0x00040000u));  // a 3.x plugin in a 4.0 host
  EXPECT_TRUE(sdk::isSdkCompatible(0x00040000u, sdk::kSdkVersion));
}

}  // namespace
}  // namespace beacon::plugins
