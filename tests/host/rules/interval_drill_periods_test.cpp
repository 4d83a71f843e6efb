// An interval duty is judged by the drills of each cycle, not only by the
// newest drill of its group: a drill held late for one cycle and an on-time
// one for the next (same organisation, plan and drill type) leave the newer
// cycle met on time, and a late newer drill is late by the days past its own
// cycle's due date (issue #11, 逾期完成).
#include <gtest/gtest.h>

#include "build_paths.h"
#include "rules/compliance_engine.h"
#include "rules/core_rules.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "support/test_database.h"

namespace beacon::rules {
namespace {

using sdk::ObligationStatus;

sdk::Date d(const char* text) { return *sdk::Date::parse(text); }

class IntervalDrillPeriodsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.migrate();
    auto cal = HolidayCalendar::load(std::string(BEACON_SOURCE_DIR) + "/data/holidays/cn.csv");
    ASSERT_TRUE(cal.isOk());
    calendar_ = cal.value();
    store::OrganisationRepository orgs(db_.session());
    sdk::Organisation city;
    city.code = "xinmi";
    city.name = "新密市人民政府";
    city.kind = sdk::OrgKind::City;
    const auto city_id = orgs.add(city, actor_);
    sdk::Organisation dept;
    dept.code = "slj";
    dept.name = "新密市水利局";
    dept.kind = sdk::OrgKind::Department;
    dept.parent_id = city_id;
    dept_ = orgs.add(dept, actor_);
    // A department's flood plan issued on the tracking start: drilled at least every 36 months,
    // so the first cycle is due 2026-01-01.
    sdk::Plan p;
    p.code = "fx";
    p.title = "防汛专项应急预案";
    p.domain = "flood";
    p.category = sdk::category::kDepartment;
    p.owner_org_id = dept_;
    store::PlanRepository plans(db_.session());
    plan_ = plans.add(p, actor_);
    sdk::PlanVersion v;
    v.plan_id = plan_;
    v.action = sdk::VersionAction::Drafted;
    v.issued = d("2023-01-01");
    v.text = "正文";
    plans.addVersion(v, actor_);
  }

  sdk::RecordId addDrill(const char* date) {
    sdk::Drill drill;
    drill.domain = "flood";
    drill.drill_type = "flood.comprehensive";
    drill.org_id = dept_;
    drill.plan_id = plan_;
    drill.date = d(date);
    drill.fields = {{"hazard", "river"}};
    return store::DrillRepository(db_.session()).add(drill, actor_);
  }

  ObligationResult specialDrill(const char* as_of) {
    ComplianceEngine engine(db_, registry_, config_, calendar_);
    CheckQuery q;
    q.as_of = d(as_of);
    auto results = engine.check(q);
    EXPECT_TRUE(results.isOk()) << results.status().describe();
    if (results.isOk()) {
      for (const auto& r : results.value())
        if (r.obligation.rule_id == CoreRules::kSpecialDrill && r.obligation.plan_id == plan_)
          return r;
    }
    ADD_FAILURE() << "no " << CoreRules::kSpecialDrill << " as of " << as_of;
    return {};
  }

  // SQLite in memory, or a PostgreSQL schema when BEACON_TEST_DB_URI names one.
  beacon::testing::TestDatabase test_db_;
  std::unique_ptr<store::Database> owned_db_ = test_db_.open();
  store::Database& db_ = *owned_db_;
  store::Actor actor_{"test"};
  plugins::PluginRegistry registry_;
  HolidayCalendar calendar_;
  const RulesConfig config_;
  sdk::RecordId dept_ = 0, plan_ = 0;
};

TEST_F(IntervalDrillPeriodsTest, LateDrillThenOnTimeDrillOfTheSameGroup) {
  const auto late = addDrill("2026-03-02");     // cycle 1 due 2026-01-01: 60 days late
  const auto on_time = addDrill("2029-02-01");  // cycle 2 due 2029-03-02: on time
  const auto first = specialDrill("2026-06-01");
  EXPECT_EQ(first.status, ObligationStatus::MetLate);
  EXPECT_EQ(first.obligation.last_met.id, late);
  EXPECT_EQ(first.days_late, 60);

  const auto second = specialDrill("2029-06-01");
  EXPECT_EQ(second.obligation.last_met.id, on_time);
  EXPECT_EQ(second.obligation.met_due.toString(), "2029-03-02");
  EXPECT_EQ(second.status, ObligationStatus::Met)
      << "the on-time drill of cycle 2 is not late for cycle 1";
  EXPECT_EQ(second.days_late, 0);
  EXPECT_EQ(second.obligation.due.toString(), "2032-02-01");
}

TEST_F(IntervalDrillPeriodsTest, OnTimeDrillThenLateDrillIsLateForItsOwnCycle) {
  addDrill("2025-12-01");                    // cycle 1 due 2026-01-01: on time
  const auto late = addDrill("2029-01-31");  // cycle 2 due 2028-12-01: 61 days late
  const auto r = specialDrill("2029-06-01");
  EXPECT_EQ(r.obligation.last_met.id, late);
  EXPECT_EQ(r.status, ObligationStatus::MetLate);
  EXPECT_EQ(r.obligation.met_due.toString(), "2028-12-01");
  EXPECT_EQ(r.days_late, 61);
}

TEST_F(IntervalDrillPeriodsTest, TwoDrillsOnOneDayStillSeeTheCycleBefore) {
  addDrill("2025-12-01");  // cycle 1, on time
  addDrill("2028-11-20");  // cycle 2, on time (due 2028-12-01), twice on the same day
  const auto second = addDrill("2028-11-20");
  const auto r = specialDrill("2029-06-01");
  EXPECT_EQ(r.obligation.last_met.id, second);
  EXPECT_EQ(r.obligation.met_due.toString(), "2028-12-01");
  EXPECT_EQ(r.status, ObligationStatus::Met);
}

TEST_F(IntervalDrillPeriodsTest, AsOfTheLateDrillsDayTheOnTimeOneIsNotSeenYet) {
  addDrill("2026-03-02");
  addDrill("2029-02-01");
  const auto r = specialDrill("2028-01-01");
  EXPECT_EQ(r.obligation.last_met.date.toString(), "2026-03-02");
  EXPECT_EQ(r.status, ObligationStatus::MetLate);
  EXPECT_EQ(r.obligation.due.toString(), "2029-03-02");
}

}  // namespace
}  // namespace beacon::rules
