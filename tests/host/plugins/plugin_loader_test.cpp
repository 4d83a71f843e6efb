#include "plugins/plugin_loader.h"

#include <gtest/gtest.h>

#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include "plugins/domain_services.h"
#include "plugins/plugin_manifest.h"
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
      : services_("test", Poco::Logger::get("test"), records_, calendar_, parameters_, nullptr,
                  nullptr),
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
  EXPECT_NE(bad->reason.find("SDK 3.0"), std::string::npos) << bad->reason;
  EXPECT_NE(registry_.byDomain("fixture"), nullptr);
}

TEST_F(PluginLoaderTest, RejectsPluginBuiltAgainstNewerMinor) {
  EXPECT_EQ(loader_.loadDirectory(assemble({"minor_newer"})), 0);  // its plugin.json also says 2.99
  const PluginRecord* bad = find(registry_, "newer");
  ASSERT_NE(bad, nullptr);
  EXPECT_NE(bad->reason.find("2.99"), std::string::npos) << bad->reason;
}

// SDK 2.0 changed the layout of sdk::Obligation (met_due): a 1.x plugin would
// fill vectors of the old layout, so it must be refused before any of its code runs.
TEST_F(PluginLoaderTest, RejectsPluginBuiltAgainstThePreviousMajor) {
  EXPECT_EQ(loader_.loadDirectory(assemble({"previous_major"})), 0);
  const PluginRecord* bad = find(registry_, "older");
  ASSERT_NE(bad, nullptr);
  EXPECT_NE(bad->reason.find("1.2"), std::string::npos) << bad->reason;
}

TEST_F(PluginLoaderTest, RejectsLibraryWhoseVersionDisagreesWithItsManifest) {
  EXPECT_EQ(loader_.loadDirectory(assemble({"manifest_disagrees"})), 0);
  const PluginRecord* bad = find(registry_, "disagrees");
  ASSERT_NE(bad, nullptr);
  // With the host at 2.0 no other build is compatible, so the library's own version is refused first.
  EXPECT_NE(bad->reason.find("built against SDK 1.2"), std::string::npos) << bad->reason;
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
  EXPECT_TRUE(sdk::isSdkCompatible(0x00020000u, sdk::kSdkVersion));
}

}  // namespace
}  // namespace beacon::plugins
