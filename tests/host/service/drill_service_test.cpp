#include "host/service/service_fixture.h"
#include "service/drill_service.h"
#include "service/record_checks.h"
#include "store/drill_repository.h"

namespace beacon::testing {
namespace {

class DrillServiceTest : public ServiceFixture {
 protected:
  sdk::Drill drill() {
    sdk::Drill d;
    d.domain = "flood";
    d.drill_type = "flood.evacuation";
    d.org_id = village_;
    d.date = sdk::Date{2023, 6, 10};
    d.participants = 40;
    d.evacuees = 35;
    d.fields = {{"hazard", "山洪"}};
    return d;
  }
};

TEST_F(DrillServiceTest, EachProblemNamesItsField) {
  service::DrillService s(*db_, registry_);
  EXPECT_TRUE(s.validate(drill()).isOk()) << s.validate(drill()).describe();
  auto d = drill();
  d.domain = "forest_fire";
  EXPECT_EQ(s.validate(d).field(), "domain");
  d = drill();
  d.drill_type = "fire.evacuation";
  EXPECT_EQ(s.validate(d).field(), "drill_type") << "a type of another plugin";
  d = drill();
  d.org_id = 999;
  EXPECT_EQ(s.validate(d).field(), "org_id");
  d = drill();
  d.date = sdk::Date{2023, 2, 30};
  EXPECT_EQ(s.validate(d).field(), "date");
  d.date = service::today().addDays(2);
  EXPECT_EQ(s.validate(d).field(), "date");
  d.date = service::today().addDays(1);
  EXPECT_TRUE(s.validate(d).isOk());
  d = drill();
  d.participants = -1;
  EXPECT_EQ(s.validate(d).field(), "participants");
  d = drill();
  d.evacuees = -3;
  EXPECT_EQ(s.validate(d).field(), "evacuees");
  d = drill();
  d.fields = {};
  EXPECT_EQ(s.validate(d).field(), "fields.hazard");
  d.fields = {{"hazard", "海啸"}};
  EXPECT_EQ(s.validate(d).field(), "fields.hazard");
  d.fields = {{"hazard", "river"}, {"warning_level", "9"}};
  EXPECT_EQ(s.validate(d).field(), "fields.warning_level");
  d = drill();
  d.drill_type = "flood.comprehensive";
  EXPECT_EQ(s.validate(d).field(), "evacuees") << "the plugin's own check runs";
}

TEST_F(DrillServiceTest, PlanMustBeOwnedAboveAndDefaultsToCurrentVersion) {
  service::DrillService s(*db_, registry_);
  auto d = drill();
  d.plan_id = plan_;
  auto r = s.log(d, actor_);
  ASSERT_TRUE(r.isOk()) << r.status().describe();
  auto stored = store::DrillRepository(db_->session()).findById(r.value());
  ASSERT_TRUE(stored);
  EXPECT_NE(stored->plan_version_id, 0);
  EXPECT_EQ(stored->fields.at("hazard"), "flash_flood") << "zh label normalised to the id";

  service::OrganisationService orgs(*db_, registry_);
  const auto other = mustAdd(orgs, "TS2", "另一镇", sdk::OrgKind::Township, city_);
  d.org_id = other;
  EXPECT_EQ(s.validate(d).field(), "plan_id") << "plan of a different township";
  d.org_id = village_;
  d.plan_id = 5555;
  EXPECT_EQ(s.validate(d).field(), "plan_id");
  d.plan_id = plan_;
  d.plan_version_id = 5555;
  EXPECT_EQ(s.validate(d).field(), "plan_version_id");
}

TEST_F(DrillServiceTest, PluginExceptionsAreCaught) {
  flood_->validate_hook = [](const sdk::Drill&) -> sdk::Status { throw std::runtime_error("boom"); };
  service::DrillService s(*db_, registry_);
  auto r = s.log(drill(), actor_);
  ASSERT_FALSE(r.isOk());
  EXPECT_NE(r.status().message().find("boom"), std::string::npos);
  EXPECT_EQ(store::DrillRepository(db_->session()).count({}), 0);
}

// A BEFORE INSERT trigger that refuses every row of `table`: SQLite's RAISE(ABORT), on
// PostgreSQL a PL/pgSQL function that raises an exception.
void refuseInserts(store::Database& db, const std::string& table) {
  using Poco::Data::Keywords::now;
  if (testing::TestDatabase::postgresRequested()) {
    db.session() << "CREATE OR REPLACE FUNCTION refuse_by_test() RETURNS trigger LANGUAGE plpgsql"
                    " AS $body$ BEGIN RAISE EXCEPTION 'refused by test'; END $body$",
        now;
    db.session() << "CREATE TRIGGER refuse_" + table + " BEFORE INSERT ON " + table +
                        " FOR EACH ROW EXECUTE FUNCTION refuse_by_test()",
        now;
  } else {
    db.session() << "CREATE TRIGGER refuse_" + table + " BEFORE INSERT ON " + table +
                        " BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
        now;
  }
}

// A write the store refuses (here a trigger; not busy or I/O, which are StorageError) comes back
// as a Status in the official zh-CN wording, in English when asked; nothing is stored.
TEST_F(DrillServiceTest, AStoreRefusalReadsZhCnFirstAndEnglishWhenAsked) {
  refuseInserts(*db_, "drills");
  auto zh = service::DrillService(*db_, registry_).log(drill(), actor_);
  ASSERT_FALSE(zh.isOk());
  EXPECT_EQ(zh.status().message().rfind("无法保存演练记录：", 0), 0u) << zh.status().message();
  auto en = service::DrillService(*db_, registry_, true).log(drill(), actor_);
  ASSERT_FALSE(en.isOk());
  EXPECT_EQ(en.status().message().rfind("could not store the drill: ", 0), 0u)
      << en.status().message();
  auto org = service::OrganisationService(*db_, registry_);
  refuseInserts(*db_, "organisations");
  sdk::Organisation o;
  o.code = "V2";
  o.name = "西街村";
  o.kind = sdk::OrgKind::Village;
  o.parent_id = township_;
  auto added = org.add(o, actor_);
  ASSERT_FALSE(added.isOk());
  EXPECT_EQ(added.status().message().rfind("无法保存单位 V2：", 0), 0u) << added.status().message();
  EXPECT_TRUE(store::DrillRepository(db_->session()).list({}).empty()) << "nothing was stored";
}

}  // namespace
}  // namespace beacon::testing
