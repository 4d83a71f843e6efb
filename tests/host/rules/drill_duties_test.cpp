// The core drill duties (rules/drill_duties.h) through the compliance engine:
// core.drill_plan (an enterprise's annual drill plan by rules.drill_plan_due)
// and core.drill_evaluation (a drill's evaluation report within
// rules.drill_evaluation_days), on both sides of their due days, with
// records dated after the as-of day not counted.
#include <gtest/gtest.h>

#include "rules/compliance_engine.h"
#include "rules/drill_duties.h"
#include "store/drill_evaluation_repository.h"
#include "store/drill_plan_repository.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "build_paths.h"
#include "support/test_database.h"

namespace beacon::rules {
namespace {

using sdk::ObligationStatus;

sdk::Date d(const char* text) { return *sdk::Date::parse(text); }

class DrillDutiesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.migrate();
    auto cal = HolidayCalendar::load(std::string(BEACON_SOURCE_DIR) + "/data/holidays/cn.csv");
    ASSERT_TRUE(cal.isOk());
    calendar_ = cal.value();
    city_ = addOrg("xinmi", "新密市人民政府", sdk::OrgKind::City, 0);
    town_ = addOrg("qujie", "曲梁镇", sdk::OrgKind::Township, city_);
    village_ = addOrg("qujie-v1", "某村", sdk::OrgKind::Village, town_);
    firm_ = addOrg("e001", "某煤业公司", sdk::OrgKind::Enterprise, town_);
  }

  sdk::RecordId addOrg(const char* code, const char* name, sdk::OrgKind kind, sdk::RecordId parent) {
    sdk::Organisation o;
    o.code = code;
    o.name = name;
    o.kind = kind;
    o.parent_id = parent;
    return store::OrganisationRepository(db_.session()).add(o, actor_);
  }

  void addPlan(sdk::RecordId org, int year, const char* made_on) {
    store::DrillPlan p;
    p.org_id = org;
    p.year = year;
    p.made_on = d(made_on);
    store::DrillPlanItem item;
    item.domain = "enterprise_safety";
    item.drill_type = "enterprise_safety.comprehensive";
    item.month = 6;
    p.items.push_back(item);
    store::DrillPlanRepository(db_.session()).add(p, actor_);
  }

  sdk::RecordId addDrill(sdk::RecordId org, const char* date, sdk::DrillVerdict verdict) {
    sdk::Drill x;
    x.domain = "flood";
    x.drill_type = "flood.evacuation";
    x.org_id = org;
    x.date = d(date);
    x.verdict = verdict;
    return store::DrillRepository(db_.session()).add(x, actor_);
  }

  void addEvaluation(sdk::RecordId drill, const char* date) {
    store::DrillEvaluation e;
    e.drill_id = drill;
    e.verdict = sdk::DrillVerdict::Good;
    e.evaluator = "评估组";
    e.date = d(date);
    store::DrillEvaluationRepository(db_.session()).add(e, actor_);
  }

  std::vector<ObligationResult> check(const char* as_of, const RulesConfig& config = RulesConfig()) {
    ComplianceEngine engine(db_, registry_, config, calendar_);
    CheckQuery q;
    q.as_of = d(as_of);
    auto r = engine.check(q);
    EXPECT_TRUE(r.isOk()) << r.status().describe();
    return r.isOk() ? r.value() : std::vector<ObligationResult>();
  }

  static std::vector<ObligationResult> of(const std::vector<ObligationResult>& all, const char* rule) {
    std::vector<ObligationResult> out;
    for (const auto& r : all) {
      if (r.obligation.rule_id == rule) out.push_back(r);
    }
    return out;
  }

  // SQLite in memory, or a PostgreSQL schema when BEACON_TEST_DB_URI names one.
  beacon::testing::TestDatabase test_db_;
  std::unique_ptr<store::Database> owned_db_ = test_db_.open();
  store::Database& db_ = *owned_db_;
  store::Actor actor_{"test"};
  plugins::PluginRegistry registry_;
  HolidayCalendar calendar_;
  sdk::RecordId city_ = 0, town_ = 0, village_ = 0, firm_ = 0;
};

TEST_F(DrillDutiesTest, RulesAreListedWithCitationsAndParameters) {
  const auto rules = DrillDuties::rules();
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].id, DrillDuties::kDrillPlan);
  EXPECT_NE(rules[0].citation.find("第三十三条"), std::string::npos);
  EXPECT_NE(rules[0].parameters.find("rules.drill_plan_due"), std::string::npos);
  EXPECT_NE(rules[1].citation.find("条号待核"), std::string::npos) << "unconfirmed article marked";
  EXPECT_NE(rules[1].parameters.find("rules.drill_evaluation_days"), std::string::npos);
}

TEST_F(DrillDutiesTest, AnEnterpriseWithoutTheYearsDrillPlanIsOverdueAfterTheDueDay) {
  struct Case {
    const char* as_of;
    ObligationStatus expected;
  };
  for (const Case& c : {Case{"2024-01-01", ObligationStatus::DueSoon}, Case{"2024-01-31", ObligationStatus::DueSoon},
                        Case{"2024-02-01", ObligationStatus::Overdue}}) {
    const auto duties = of(check(c.as_of), DrillDuties::kDrillPlan);
    ASSERT_EQ(duties.size(), 1u) << "the enterprise only, not the village or township";
    EXPECT_EQ(duties[0].obligation.org_id, firm_);
    EXPECT_EQ(duties[0].obligation.due.toString(), "2024-01-31");
    EXPECT_EQ(duties[0].status, c.expected) << c.as_of;
  }
  // A plan made on 01-20 counts from that day on, not before it.
  addPlan(firm_, 2024, "2024-01-20");
  EXPECT_EQ(of(check("2024-01-19"), DrillDuties::kDrillPlan)[0].status, ObligationStatus::DueSoon);
  EXPECT_EQ(of(check("2024-01-20"), DrillDuties::kDrillPlan)[0].status, ObligationStatus::Met);
  const auto met = of(check("2024-06-01"), DrillDuties::kDrillPlan)[0];
  EXPECT_EQ(met.status, ObligationStatus::Met);
  EXPECT_EQ(met.obligation.last_met.kind, "drill_plan");
  // The 2024 plan does not meet 2025's duty.
  EXPECT_EQ(of(check("2025-02-01"), DrillDuties::kDrillPlan)[0].status, ObligationStatus::Overdue);
}

TEST_F(DrillDutiesTest, TheDueDayIsConfigurableAndALatePlanIsMetLate) {
  auto config = RulesConfig::fromValues({{"rules.drill_plan_due", "03-31"}});
  ASSERT_TRUE(config.isOk()) << config.status().describe();
  EXPECT_EQ(of(check("2024-02-15", config.value()), DrillDuties::kDrillPlan)[0].status, ObligationStatus::Upcoming);
  EXPECT_EQ(of(check("2024-04-01", config.value()), DrillDuties::kDrillPlan)[0].status, ObligationStatus::Overdue);
  addPlan(firm_, 2024, "2024-04-10");
  const auto late = of(check("2024-04-10", config.value()), DrillDuties::kDrillPlan)[0];
  EXPECT_EQ(late.status, ObligationStatus::MetLate) << "made after the due day: 逾期完成, never plain met";
  EXPECT_EQ(sdk::daysLate(late.obligation), 10);
  EXPECT_NE(late.obligation.note.find("逾期制定于 2024-04-10"), std::string::npos) << late.obligation.note;
  EXPECT_FALSE(RulesConfig::fromValues({{"rules.drill_plan_due", "02-30"}}).isOk());
  EXPECT_FALSE(RulesConfig::fromValues({{"rules.drill_evaluation_days", "-1"}}).isOk());
}

TEST_F(DrillDutiesTest, ADrillWithoutVerdictNeedsAnEvaluationWithinTheConfiguredDays) {
  const auto open = addDrill(village_, "2024-05-10", sdk::DrillVerdict::None);
  addDrill(village_, "2024-05-11", sdk::DrillVerdict::Good);  // evaluated with the drill: no duty
  addDrill(village_, "2022-05-11", sdk::DrillVerdict::None);  // before rules.tracking_start
  auto duties = of(check("2024-06-09"), DrillDuties::kDrillEvaluation);
  ASSERT_EQ(duties.size(), 1u);
  EXPECT_EQ(duties[0].obligation.org_id, village_);
  EXPECT_EQ(duties[0].obligation.due.toString(), "2024-06-09");
  EXPECT_EQ(duties[0].status, ObligationStatus::DueSoon);
  EXPECT_NE(duties[0].obligation.note.find("#" + std::to_string(open)), std::string::npos);
  EXPECT_EQ(of(check("2024-06-10"), DrillDuties::kDrillEvaluation)[0].status, ObligationStatus::Overdue);
  auto config = RulesConfig::fromValues({{"rules.drill_evaluation_days", "60"}});
  ASSERT_TRUE(config.isOk());
  EXPECT_EQ(of(check("2024-06-10", config.value()), DrillDuties::kDrillEvaluation)[0].obligation.due.toString(),
            "2024-07-09");
}

TEST_F(DrillDutiesTest, AnEvaluationCountsFromItsDateOnAndLateOnesAreNoted) {
  const auto drill = addDrill(village_, "2024-05-10", sdk::DrillVerdict::None);
  addEvaluation(drill, "2024-05-20");
  EXPECT_EQ(of(check("2024-05-19"), DrillDuties::kDrillEvaluation)[0].status, ObligationStatus::DueSoon)
      << "an evaluation dated after the as-of day does not count";
  const auto met = of(check("2024-05-20"), DrillDuties::kDrillEvaluation)[0];
  EXPECT_EQ(met.status, ObligationStatus::Met);
  EXPECT_EQ(met.obligation.last_met.kind, "drill_evaluation");
  EXPECT_EQ(met.obligation.last_met.date.toString(), "2024-05-20");

  const auto late = addDrill(village_, "2024-08-01", sdk::DrillVerdict::None);
  addEvaluation(late, "2024-10-15");
  bool seen = false;
  for (const auto& r : of(check("2024-10-20"), DrillDuties::kDrillEvaluation)) {
    if (r.obligation.note.find("#" + std::to_string(late)) == std::string::npos) continue;
    seen = true;
    EXPECT_EQ(r.status, ObligationStatus::MetLate);
    EXPECT_EQ(sdk::daysLate(r.obligation), 45);  // due 2024-08-31
    EXPECT_NE(r.obligation.note.find("逾期评估于 2024-10-15"), std::string::npos) << r.obligation.note;
  }
  EXPECT_TRUE(seen);
}

TEST_F(DrillDutiesTest, TheSameEngineSeesANewEvaluationAfterTheWrite) {
  const auto drill = addDrill(village_, "2024-05-10", sdk::DrillVerdict::None);
  const RulesConfig config;
  ComplianceEngine engine(db_, registry_, config, calendar_);
  CheckQuery q;
  q.as_of = d("2024-05-25");
  auto before = engine.check(q);
  ASSERT_TRUE(before.isOk());
  EXPECT_EQ(of(before.value(), DrillDuties::kDrillEvaluation)[0].status, ObligationStatus::DueSoon);
  addEvaluation(drill, "2024-05-20");
  addPlan(firm_, 2024, "2024-01-05");
  auto after = engine.check(q);
  ASSERT_TRUE(after.isOk());
  EXPECT_EQ(of(after.value(), DrillDuties::kDrillEvaluation)[0].status, ObligationStatus::Met);
  EXPECT_EQ(of(after.value(), DrillDuties::kDrillPlan)[0].status, ObligationStatus::Met);
}

}  // namespace
}  // namespace beacon::rules
