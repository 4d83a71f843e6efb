#include "demo/xinmi_demo.h"

#include <Poco/SHA1Engine.h>
#include <gtest/gtest.h>

#include "store/demo_marker.h"
#include "store/organisation_repository.h"
#include "support/canonical_registry.h"

using namespace Poco::Data::Keywords;

namespace beacon::demo {
namespace {

// Every stored record but ids' timestamps, in a fixed order.
std::string canonicalDigest(store::Database& db) {
  const std::vector<std::string> queries = {
      "SELECT o.code || '|' || o.name || '|' || o.kind || '|' || COALESCE(p.code, '') FROM organisations o"
      " LEFT JOIN organisations p ON p.id = o.parent_id ORDER BY o.code",
      "SELECT o.code || '|' || a.name || '|' || a.value FROM organisation_attributes a"
      " JOIN organisations o ON o.id = a.org_id ORDER BY o.code, a.name",
      "SELECT code || '|' || title || '|' || domain || '|' || category || '|' || status || '|' ||"
      " revision_required || '|' || current_version FROM plans ORDER BY code",
      "SELECT p.code || '|' || v.number || '|' || v.action || '|' || v.revision_trigger || '|' || v.issued"
      " FROM plan_versions v JOIN plans p ON p.id = v.plan_id ORDER BY p.code, v.number",
      "SELECT p.code || '|' || r.kind || '|' || r.review_date || '|' || r.conclusion || '|' || r.findings"
      " FROM reviews r JOIN plans p ON p.id = r.plan_id ORDER BY r.id",
      "SELECT p.code || '|' || f.submitted || '|' || f.registration_no || '|' || f.published"
      " FROM filings f JOIN plans p ON p.id = f.plan_id ORDER BY f.id",
      "SELECT d.drill_type || '|' || o.code || '|' || d.drill_date || '|' || d.participants || '|' ||"
      " d.evacuees || '|' || d.fields || '|' || d.verdict || '|' || d.findings || '|' || COALESCE(d.plan_id, 0)"
      " FROM drills d JOIN organisations o ON o.id = d.org_id ORDER BY d.id",
      "SELECT description || '|' || due || '|' || status || '|' || plan_defect FROM corrective_actions ORDER BY id",
  };
  Poco::SHA1Engine sha;
  for (const auto& sql : queries) {
    std::vector<std::string> rows;
    db.session() << sql, into(rows), now;
    for (const auto& r : rows) sha.update(r + "\n");
  }
  return Poco::DigestEngine::digestToHex(sha.digest());
}

int count(store::Database& db, const std::string& sql) {
  int n = 0;
  db.session() << sql, into(n), now;
  return n;
}

class XinmiDemoTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::fillCanonicalRegistry(registry_); }
  plugins::PluginRegistry registry_;
  store::Actor actor_{"demo"};
};

TEST_F(XinmiDemoTest, LoadIsDeterministic) {
  store::Database a(":memory:"), b(":memory:");
  a.migrate();
  b.migrate();
  ASSERT_TRUE(loadDemo(a, registry_, "xinmi-2023", actor_).isOk());
  ASSERT_TRUE(loadDemo(b, registry_, "xinmi-2023", actor_).isOk());
  EXPECT_EQ(canonicalDigest(a), canonicalDigest(b));
  EXPECT_EQ(count(a, "SELECT COUNT(*) FROM drills"), count(b, "SELECT COUNT(*) FROM drills"));
  EXPECT_TRUE(store::isDemoData(a));
}

TEST_F(XinmiDemoTest, ContentsMatchTheCity) {
  store::Database db(":memory:");
  db.migrate();
  ASSERT_TRUE(loadDemo(db, registry_, "xinmi-2023", actor_).isOk());
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM organisations WHERE kind = 'township'"), 13);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM organisations WHERE kind = 'subdistrict'"), 4);
  // 2023 drill plans for the enterprises that drill; the ten that never drill have none.
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM drill_plans WHERE year = 2023"),
            count(db, "SELECT COUNT(*) FROM organisations WHERE kind = 'enterprise'") - 10);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM organisations o WHERE kind = 'enterprise' AND NOT EXISTS"
                      " (SELECT 1 FROM drills d WHERE d.org_id = o.id AND d.domain = 'enterprise_safety')"
                      " AND EXISTS (SELECT 1 FROM drill_plans p WHERE p.org_id = o.id)"),
            0);
  EXPECT_GE(count(db, "SELECT COUNT(*) FROM organisations WHERE kind IN ('village', 'community')"), 356);
  EXPECT_GT(count(db, "SELECT COUNT(*) FROM organisation_attributes WHERE name = 'flood.flash_flood_zone'"
                      " AND value = '1'"),
            0);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM drills WHERE drill_date > '2023-12-31'"), 0);
  EXPECT_GT(count(db, "SELECT COUNT(*) FROM drills WHERE drill_date < '2023-01-01'"), 0);
  // Flood drills in or before the flood season; forest drills in the fire period.
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM drills WHERE domain = 'flood' AND substr(drill_date, 6, 2)"
                      " NOT IN ('04', '05', '06', '07', '08', '09')"),
            0);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM drills WHERE domain = 'forest_fire' AND substr(drill_date, 6, 2)"
                      " NOT IN ('02', '03', '11', '12')"),
            0);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM drills WHERE domain = 'flood' AND fields NOT LIKE '%\"hazard\"%'"), 0);
  EXPECT_GT(count(db, "SELECT COUNT(*) FROM drills WHERE fields LIKE '%\"reported_to_county\" : \"1\"%'"
                      " OR fields LIKE '%\"reported_to_county\":\"1\"%'"),
            0);
  EXPECT_GT(count(db, "SELECT COUNT(*) FROM corrective_actions"), 0);
}

TEST_F(XinmiDemoTest, RefusesUnknownNamesAndNonEmptyDatabases) {
  store::Database db(":memory:");
  db.migrate();
  EXPECT_EQ(loadDemo(db, registry_, "xinmi-2099", actor_).field(), "name");
  store::OrganisationRepository orgs(db.session());
  sdk::Organisation o;
  o.code = "x";
  o.name = "x";
  o.kind = sdk::OrgKind::City;
  orgs.add(o, actor_);
  EXPECT_EQ(loadDemo(db, registry_, "xinmi-2023", actor_).field(), "database");
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM organisations"), 1);
}

TEST_F(XinmiDemoTest, AFieldThePluginRejectsWritesNothing) {
  // A fire plugin that requires a field the demo does not set.
  store::Database db(":memory:");
  db.migrate();
  plugins::PluginRegistry registry;
  plugins::PluginRecord fire;
  fire.id = "fire";
  fire.state = plugins::PluginState::Enabled;
  sdk::FieldSpec required;
  required.name = "commander";
  required.required = true;
  fire.drill_fields = {required};
  sdk::DrillType t1, t2;
  t1.id = "fire.evacuation";
  t2.id = "fire.tabletop";
  fire.drill_types = {t1, t2};
  registry.add(fire);
  sdk::Status s = loadDemo(db, registry, "xinmi-2023", actor_);
  ASSERT_FALSE(s.isOk());
  EXPECT_NE(s.field().find("commander"), std::string::npos) << s.describe();
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM organisations"), 0);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM audit_log"), 0);
}

}  // namespace
}  // namespace beacon::demo
