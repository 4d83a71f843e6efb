#include "rules/compliance_engine.h"

#include <stdexcept>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include "build_paths.h"
#include "rules/check_report.h"
#include "rules/citation_text.h"
#include "rules/core_rules.h"
#include "rules/filing_target.h"
#include "rules/provisional_deadline.h"
#include "store/corrective_action.h"
#include "store/corrective_action_repository.h"
#include "store/drill_repository.h"
#include "store/filing_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/plan_transition_repository.h"
#include "store/review_repository.h"
#include "store/revision_triggers.h"
#include "support/test_database.h"

namespace beacon::rules {
namespace {

using sdk::ObligationStatus;

sdk::Date d(const char* text) { return *sdk::Date::parse(text); }

// A plugin whose rules either throw or report one fixed organisation duty.
class FakeRules : public sdk::DomainRules {
 public:
  explicit FakeRules(bool throws) : throws_(throws) {}
  std::vector<sdk::RuleInfo> rules() const override {
    return {{"fake.duty", "假规则", "Fake rule", "测试", sdk::RuleBasis::Policy, ""}};
  }
  sdk::Status evaluate(const sdk::RuleContext& ctx, std::vector<sdk::Obligation>& out) const override {
    if (throws_) throw std::runtime_error("boom");
    sdk::Obligation o;
    o.rule_id = "fake.duty";
    o.kind = sdk::ObligationKind::Drill;
    o.org_id = static_cast<sdk::RecordId>(ctx.records.organisations().front().id);
    o.due = ctx.as_of.addDays(100);
    out.push_back(o);
    return sdk::Status::ok();
  }

 private:
  bool throws_;
};

class FakePlugin : public sdk::Plugin {
 public:
  FakePlugin(std::string id, bool throws) : id_(std::move(id)), rules_(throws) {}
  sdk::PluginInfo info() const override { return {id_, id_, id_, "1.0.0", id_}; }
  sdk::Status initialize(sdk::HostServices&) override { return sdk::Status::ok(); }
  std::vector<sdk::DrillType> drillTypes() const override { return {}; }
  std::vector<sdk::PlanCategory> planCategories() const override { return {}; }
  std::vector<sdk::FieldSpec> drillFields() const override { return {}; }
  std::vector<sdk::FieldSpec> organisationFields() const override { return {}; }
  sdk::Status validateDrill(const sdk::Drill&) const override { return sdk::Status::ok(); }
  const sdk::DomainRules& rules() const override { return rules_; }

 private:
  std::string id_;
  FakeRules rules_;
};

class ComplianceEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.migrate();
    auto cal = HolidayCalendar::load(std::string(BEACON_SOURCE_DIR) + "/data/holidays/cn.csv");
    ASSERT_TRUE(cal.isOk());
    calendar_ = cal.value();
    city_ = addOrg("xinmi", "新密市人民政府", sdk::OrgKind::City, 0);
    dept_ = addOrg("yjj", "新密市应急管理局", sdk::OrgKind::Department, city_);
    town_ = addOrg("qujie", "曲梁镇", sdk::OrgKind::Township, city_);
    village_ = addOrg("qujie-v1", "某村", sdk::OrgKind::Village, town_);
  }

  sdk::RecordId addOrg(const char* code, const char* name, sdk::OrgKind kind, sdk::RecordId parent) {
    sdk::Organisation o;
    o.code = code;
    o.name = name;
    o.kind = kind;
    o.parent_id = parent;
    return store::OrganisationRepository(db_.session()).add(o, actor_);
  }

  sdk::RecordId addPlan(const char* code, sdk::RecordId owner, const char* category, const char* issued,
                        const char* domain = sdk::kGeneralDomain) {
    sdk::Plan p;
    p.code = code;
    p.title = std::string("预案 ") + code;
    p.domain = domain;
    p.category = category;
    p.owner_org_id = owner;
    const auto id = store::PlanRepository(db_.session()).add(p, actor_);
    addVersion(id, issued, true);
    return id;
  }

  sdk::RecordId addVersion(sdk::RecordId plan, const char* issued, bool major) {
    sdk::PlanVersion v;
    v.plan_id = plan;
    v.action = store::PlanRepository(db_.session()).findById(plan)->current_version == 0
                   ? sdk::VersionAction::Drafted
                   : sdk::VersionAction::Revised;
    if (v.action == sdk::VersionAction::Revised) v.trigger = store::trigger::kRiskChangedMajor;
    v.major = major;
    v.issued = d(issued);
    v.text = "正文";
    return store::PlanRepository(db_.session()).addVersion(v, actor_);
  }

  void addFiling(sdk::RecordId plan, sdk::RecordId version, const char* submitted, const char* published) {
    sdk::Filing f;
    f.plan_id = plan;
    f.plan_version_id = version;
    f.target_body = "新密市应急管理局";
    f.submitted = d(submitted);
    if (published) f.published = d(published);
    store::FilingRepository(db_.session()).add(f, actor_);
  }

  std::vector<ObligationResult> check(const char* as_of, const RulesConfig& config = RulesConfig()) {
    ComplianceEngine engine(db_, registry_, config, calendar_);
    CheckQuery q;
    q.as_of = d(as_of);
    auto r = engine.check(q);
    EXPECT_TRUE(r.isOk()) << r.status().describe();
    return r.isOk() ? r.value() : std::vector<ObligationResult>();
  }

  static const ObligationResult* find(const std::vector<ObligationResult>& results, const char* rule,
                                      sdk::RecordId plan) {
    for (const auto& r : results) {
      if (r.obligation.rule_id == rule && r.obligation.plan_id == plan) return &r;
    }
    return nullptr;
  }

  ObligationResult only(const char* rule, sdk::RecordId plan, const char* as_of,
                        const RulesConfig& config = RulesConfig()) {
    const auto results = check(as_of, config);
    const auto* r = find(results, rule, plan);
    EXPECT_NE(r, nullptr) << rule << " for plan " << plan << " as of " << as_of;
    return r ? *r : ObligationResult{};
  }

  // SQLite in memory, or a PostgreSQL schema when BEACON_TEST_DB_URI names one.
  beacon::testing::TestDatabase test_db_;
  std::unique_ptr<store::Database> owned_db_ = test_db_.open();
  store::Database& db_ = *owned_db_;
  store::Actor actor_{"test"};
  plugins::PluginRegistry registry_;
  HolidayCalendar calendar_;
  const RulesConfig defaults_;
  sdk::RecordId city_ = 0, dept_ = 0, town_ = 0, village_ = 0;
};

struct StatusCase {
  const char* as_of;
  ObligationStatus expected;
};

TEST_F(ComplianceEngineTest, EvaluationEvery36MonthsWithWarningAt30) {
  const auto plan = addPlan("zongti", city_, sdk::category::kMaster, "2023-03-15");
  const StatusCase cases[] = {
      {"2025-09-14", ObligationStatus::Upcoming},  // day before month 30
      {"2025-09-15", ObligationStatus::DueSoon},   // month 30: warning regardless of due_soon_days
      {"2026-03-14", ObligationStatus::DueSoon},   // day before month 36
      {"2026-03-15", ObligationStatus::DueSoon},   // on the due day
      {"2026-03-16", ObligationStatus::Overdue},   // day after
  };
  for (const auto& c : cases) {
    const auto r = only(CoreRules::kEvaluation, plan, c.as_of);
    EXPECT_EQ(r.obligation.due.toString(), "2026-03-15");
    EXPECT_EQ(r.status, c.expected) << c.as_of;
    EXPECT_EQ(r.obligation.org_id, city_);
    EXPECT_FALSE(r.obligation.citation.empty());
  }
}

TEST_F(ComplianceEngineTest, EvaluationFromLeapDayAnchor) {
  const auto plan = addPlan("bumen", dept_, sdk::category::kDepartment, "2024-02-29");
  const StatusCase cases[] = {
      {"2026-08-28", ObligationStatus::Upcoming},
      {"2026-08-29", ObligationStatus::DueSoon},
      {"2027-02-27", ObligationStatus::DueSoon},
      {"2027-02-28", ObligationStatus::DueSoon},
      {"2027-03-01", ObligationStatus::Overdue},
  };
  for (const auto& c : cases) {
    const auto r = only(CoreRules::kEvaluation, plan, c.as_of);
    EXPECT_EQ(r.obligation.due.toString(), "2027-02-28");
    EXPECT_EQ(r.status, c.expected) << c.as_of;
  }
}

TEST_F(ComplianceEngineTest, EvaluationRecordRestartsTheClockButReviewDoesNot) {
  const auto plan = addPlan("zx", city_, sdk::category::kSpecial, "2023-03-15");
  sdk::Review review;
  review.plan_id = plan;
  review.kind = sdk::ReviewKind::Review;
  review.date = d("2024-01-10");
  store::ReviewRepository(db_.session()).add(review, actor_);
  EXPECT_EQ(only(CoreRules::kEvaluation, plan, "2024-06-01").obligation.due.toString(), "2026-03-15");

  sdk::Review evaluation = review;
  evaluation.kind = sdk::ReviewKind::Evaluation;
  evaluation.date = d("2024-06-01");
  store::ReviewRepository(db_.session()).add(evaluation, actor_);
  const auto r = only(CoreRules::kEvaluation, plan, "2025-01-01");
  EXPECT_EQ(r.obligation.due.toString(), "2027-06-01");
  EXPECT_EQ(r.obligation.last_met.kind, "review");
  EXPECT_EQ(r.status, ObligationStatus::Met);
}

TEST_F(ComplianceEngineTest, TownshipPlansAreNotEvaluatedByTheCoreRule) {
  const auto plan = addPlan("town", town_, sdk::category::kGrassroots, "2023-03-15");
  const auto results = check("2027-01-01");
  EXPECT_EQ(find(results, CoreRules::kEvaluation, plan), nullptr);
  EXPECT_NE(find(results, CoreRules::kFiling, plan), nullptr);
}

TEST_F(ComplianceEngineTest, SpecialAndDepartmentPlansDrilledEvery36Months) {
  const auto plan = addPlan("fx", dept_, sdk::category::kDepartment, "2023-02-01", "flood");
  const auto master = addPlan("zt", city_, sdk::category::kMaster, "2023-02-01");
  sdk::Drill drill;
  drill.domain = "flood";
  drill.drill_type = "flood.comprehensive";
  drill.org_id = dept_;
  drill.plan_id = plan;
  drill.date = d("2023-05-10");
  drill.fields = {{"hazard", "river"}};
  store::DrillRepository(db_.session()).add(drill, actor_);
  const StatusCase cases[] = {
      {"2023-05-09", ObligationStatus::Upcoming},  // not drilled yet: due 36 months after issue
      {"2025-01-01", ObligationStatus::Met},
      {"2026-04-10", ObligationStatus::DueSoon},
      {"2026-05-10", ObligationStatus::DueSoon},
      {"2026-05-11", ObligationStatus::Overdue},
  };
  for (const auto& c : cases) {
    const auto results = check(c.as_of);
    const auto* r = find(results, CoreRules::kSpecialDrill, plan);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->status, c.expected) << c.as_of;
    EXPECT_EQ(r->obligation.domain, "flood");
    EXPECT_EQ(find(results, CoreRules::kSpecialDrill, master), nullptr);
  }
  EXPECT_EQ(only(CoreRules::kSpecialDrill, plan, "2023-05-09").obligation.due.toString(), "2026-02-01");
  EXPECT_EQ(only(CoreRules::kSpecialDrill, plan, "2024-01-01").obligation.due.toString(), "2026-05-10");
}

struct DeadlineCase {
  const char* issued;
  const char* due;  // 20 working days later
};

TEST_F(ComplianceEngineTest, FilingAndPublicationDeadlinesAcrossHolidays) {
  const DeadlineCase cases[] = {
      {"2023-01-10", "2023-02-10"},  // 春节 2023 with make-up weekend
      {"2024-02-01", "2024-03-05"},  // 春节 2024
      {"2025-01-20", "2025-02-21"},  // 春节 2025 (eight days)
      {"2023-09-20", "2023-10-24"},  // 中秋国庆 2023 with make-up Saturday/Sunday
      {"2025-09-20", "2025-10-23"},  // 国庆中秋 2025
  };
  int n = 0;
  for (const auto& c : cases) {
    const std::string code = "t" + std::to_string(n++);
    const auto plan = addPlan(code.c_str(), town_, sdk::category::kGrassroots, c.issued);
    const sdk::Date due = d(c.due);
    const auto on = check(due.toString().c_str());
    EXPECT_EQ(find(on, CoreRules::kFiling, plan)->obligation.due, due) << c.issued;
    EXPECT_EQ(find(on, CoreRules::kPublication, plan)->obligation.due, due) << c.issued;
    EXPECT_EQ(find(on, CoreRules::kFiling, plan)->status, ObligationStatus::DueSoon);
    const auto after = check(due.addDays(1).toString().c_str());
    EXPECT_EQ(find(after, CoreRules::kFiling, plan)->status, ObligationStatus::Overdue) << c.issued;
  }
}

TEST_F(ComplianceEngineTest, FilingMetOnTheDeadlineAndLateFilingIsMetLate) {
  const auto on_time = addPlan("a", town_, sdk::category::kGrassroots, "2024-02-01");
  const auto late = addPlan("b", town_, sdk::category::kGrassroots, "2024-02-01");
  const auto v_on = store::PlanRepository(db_.session()).version(on_time, 1)->id;
  const auto v_late = store::PlanRepository(db_.session()).version(late, 1)->id;
  addFiling(on_time, v_on, "2024-03-05", "2024-03-05");
  addFiling(late, v_late, "2024-03-06", nullptr);
  const auto results = check("2024-04-01");
  EXPECT_EQ(find(results, CoreRules::kFiling, on_time)->status, ObligationStatus::Met);
  EXPECT_EQ(find(results, CoreRules::kPublication, on_time)->status, ObligationStatus::Met);
  const auto* filed_late = find(results, CoreRules::kFiling, late);
  // Filed a day after the due date (2024-03-05): done, but 逾期完成, not overdue forever.
  EXPECT_EQ(std::string(sdk::toId(filed_late->status)), "met_late");
  EXPECT_NE(filed_late->obligation.note.find("2024-03-06"), std::string::npos);
  EXPECT_EQ(find(results, CoreRules::kPublication, late)->status, ObligationStatus::Overdue);
  // On the due date it was still due; from the day it was filed, met late.
  EXPECT_EQ(only(CoreRules::kFiling, late, "2024-03-05").status, ObligationStatus::DueSoon);
  EXPECT_EQ(std::string(sdk::toId(only(CoreRules::kFiling, late, "2024-03-06").status)), "met_late");
}

TEST_F(ComplianceEngineTest, MajorRevisionRestartsClocksMinorDoesNot) {
  const auto major = addPlan("major", city_, sdk::category::kMaster, "2023-01-10");
  const auto minor = addPlan("minor", city_, sdk::category::kSpecial, "2023-01-10");
  for (auto plan : {major, minor}) {
    addFiling(plan, store::PlanRepository(db_.session()).version(plan, 1)->id, "2023-02-01", "2023-02-01");
  }
  addVersion(major, "2024-06-01", true);
  addVersion(minor, "2024-06-01", false);
  const auto results = check("2024-07-02");
  EXPECT_EQ(find(results, CoreRules::kEvaluation, major)->obligation.due.toString(), "2027-06-01");
  EXPECT_NE(find(results, CoreRules::kEvaluation, major)->obligation.note.find("第2版"), std::string::npos);
  EXPECT_EQ(find(results, CoreRules::kEvaluation, minor)->obligation.due.toString(), "2026-01-10");
  // The major version needs its own filing (due 2024-07-01); the minor one is covered by v1's.
  EXPECT_EQ(find(results, CoreRules::kFiling, major)->obligation.due.toString(), "2024-07-01");
  EXPECT_EQ(find(results, CoreRules::kFiling, major)->status, ObligationStatus::Overdue);
  EXPECT_EQ(find(results, CoreRules::kFiling, minor)->status, ObligationStatus::Met);
  addFiling(major, store::PlanRepository(db_.session()).version(major, 2)->id, "2024-06-20", "2024-06-21");
  EXPECT_EQ(only(CoreRules::kFiling, major, "2024-07-02").status, ObligationStatus::Met);
}

TEST_F(ComplianceEngineTest, RevisionRequiredIsOverdue) {
  const auto plan = addPlan("r", town_, sdk::category::kGrassroots, "2023-05-10");
  EXPECT_EQ(find(check("2024-01-01"), CoreRules::kRevision, plan), nullptr);
  // The requirement comes from a dated record (an evaluation concluding 需修订), not the stored flag.
  sdk::Review evaluation;
  evaluation.plan_id = plan;
  evaluation.kind = sdk::ReviewKind::Evaluation;
  evaluation.date = {2024, 2, 1};
  evaluation.conclusion = sdk::ReviewConclusion::Revise;
  evaluation.findings = "演练发现指挥体系问题";
  store::ReviewRepository(db_.session()).add(evaluation, actor_);
  EXPECT_EQ(find(check("2024-01-31"), CoreRules::kRevision, plan), nullptr) << "not before the evaluation";
  const auto r = only(CoreRules::kRevision, plan, "2099-01-01");
  EXPECT_EQ(r.status, ObligationStatus::Overdue);
  EXPECT_EQ(r.obligation.kind, sdk::ObligationKind::Revision);
  EXPECT_NE(r.obligation.note.find("演练发现指挥体系问题"), std::string::npos);
}

TEST_F(ComplianceEngineTest, AbolishedPlansAndOldVersionsBeforeTrackingStart) {
  const auto abolished = addPlan("x", city_, sdk::category::kMaster, "2023-03-01");
  store::PlanRepository(db_.session()).setStatus(abolished, sdk::PlanStatus::Abolished, actor_);
  const auto old = addPlan("old", dept_, sdk::category::kDepartment, "2019-06-01");
  const auto results = check("2024-01-01");
  for (const auto& r : results) EXPECT_NE(r.obligation.plan_id, abolished);
  // Evaluation of a plan issued before tracking started runs from the tracking start.
  EXPECT_EQ(find(results, CoreRules::kEvaluation, old)->obligation.due.toString(), "2026-01-01");
  EXPECT_EQ(find(results, CoreRules::kFiling, old)->status, ObligationStatus::NotApplicable);
}

TEST_F(ComplianceEngineTest, ConfigOverrideChangesTheOutcome) {
  const auto plan = addPlan("cfg", city_, sdk::category::kMaster, "2023-03-15");
  EXPECT_EQ(only(CoreRules::kEvaluation, plan, "2025-06-01").status, ObligationStatus::Upcoming);
  auto config = RulesConfig::fromValues({{"rules.eval_interval_months", "24"}, {"rules.eval_warning_months", "20"}});
  ASSERT_TRUE(config.isOk());
  const auto r = only(CoreRules::kEvaluation, plan, "2025-06-01", config.value());
  EXPECT_EQ(r.obligation.due.toString(), "2025-03-15");
  EXPECT_EQ(r.status, ObligationStatus::Overdue);
  auto margin = RulesConfig::fromValues({{"rules.filing_working_days", "5"}});
  ASSERT_TRUE(margin.isOk());
  const auto town_plan = addPlan("cfg2", town_, sdk::category::kGrassroots, "2024-02-01");
  EXPECT_EQ(only(CoreRules::kFiling, town_plan, "2024-02-20", margin.value()).obligation.due.toString(),
            "2024-02-07");  // the make-up Sunday 02-04 counts
}

// A deadline in a year without holiday data never fails the check: weekends only, marked provisional.
TEST_F(ComplianceEngineTest, DeadlineBeyondTheCalendarIsProvisionalNotAFailure) {
  const auto plan = addPlan("late", town_, sdk::category::kGrassroots, "2026-12-20");
  const auto early = addPlan("early", town_, sdk::category::kGrassroots, "2026-10-09");
  ComplianceEngine engine(db_, registry_, defaults_, calendar_);
  CheckQuery q;
  q.as_of = d("2027-01-05");
  const auto r = engine.check(q);
  ASSERT_TRUE(r.isOk()) << r.status().describe();
  const auto* filing = find(r.value(), CoreRules::kFiling, plan);
  ASSERT_NE(filing, nullptr);
  // 2026-12-20 is a Sunday; 20 weekdays on (2027-01-01 counted: no 2027 data) is 2027-01-15.
  EXPECT_EQ(filing->obligation.due, d("2027-01-15"));
  EXPECT_NE(filing->obligation.note.find(kProvisionalNote), std::string::npos) << filing->obligation.note;
  EXPECT_TRUE(isProvisionalDeadline(find(r.value(), CoreRules::kPublication, plan)->obligation));
  EXPECT_FALSE(isProvisionalDeadline(find(r.value(), CoreRules::kFiling, early)->obligation));
}

TEST_F(ComplianceEngineTest, ThrowingPluginIsSkippedOthersStillReport) {
  plugins::PluginRecord bad;
  bad.id = "fire";
  bad.state = plugins::PluginState::Enabled;
  bad.plugin = new FakePlugin("fire", true);
  registry_.add(std::move(bad));
  plugins::PluginRecord good;
  good.id = "flood";
  good.state = plugins::PluginState::Enabled;
  good.plugin = new FakePlugin("flood", false);
  registry_.add(std::move(good));
  const auto plan = addPlan("core", city_, sdk::category::kMaster, "2023-03-15");

  ComplianceEngine engine(db_, registry_, defaults_, calendar_);
  CheckQuery q;
  q.as_of = d("2024-01-01");
  const auto r = engine.check(q);
  ASSERT_TRUE(r.isOk()) << r.status().describe();
  EXPECT_NE(find(r.value(), CoreRules::kEvaluation, plan), nullptr);
  const auto* fake = find(r.value(), "fake.duty", 0);
  ASSERT_NE(fake, nullptr);
  EXPECT_EQ(fake->obligation.domain, "flood");
  EXPECT_EQ(fake->status, ObligationStatus::Upcoming);
  ASSERT_EQ(engine.pluginErrors().size(), 1u);
  EXPECT_NE(engine.pluginErrors()[0].find("fire"), std::string::npos);
  EXPECT_NE(engine.pluginErrors()[0].find("boom"), std::string::npos);
  const auto rules = engine.rules();
  EXPECT_EQ(rules.size(), CoreRules().rules().size() + 2);
}

TEST_F(ComplianceEngineTest, FiltersByOrganisationAndDomain) {
  const auto city_plan = addPlan("c", city_, sdk::category::kMaster, "2023-03-15");
  const auto town_plan = addPlan("t", town_, sdk::category::kGrassroots, "2023-03-15", "flood");
  plugins::PluginRecord flood;
  flood.id = "flood";
  flood.state = plugins::PluginState::Enabled;
  flood.plugin = new FakePlugin("flood", false);
  registry_.add(std::move(flood));
  ComplianceEngine engine(db_, registry_, defaults_, calendar_);
  CheckQuery q;
  q.as_of = d("2024-01-01");
  q.org_ids = {town_, village_};
  auto r = engine.check(q);
  ASSERT_TRUE(r.isOk());
  ASSERT_FALSE(r.value().empty());
  for (const auto& x : r.value()) EXPECT_TRUE(x.obligation.org_id == town_ || x.obligation.org_id == village_);
  EXPECT_NE(find(r.value(), CoreRules::kFiling, town_plan), nullptr);

  q.org_ids.clear();
  q.domain = sdk::kGeneralDomain;
  r = engine.check(q);
  ASSERT_TRUE(r.isOk());
  EXPECT_NE(find(r.value(), CoreRules::kEvaluation, city_plan), nullptr);
  for (const auto& x : r.value()) EXPECT_EQ(x.obligation.domain, sdk::kGeneralDomain);

  q.domain = "tsunami";
  r = engine.check(q);
  ASSERT_FALSE(r.isOk());
  EXPECT_EQ(r.status().field(), "domain");
}

// The zh-CN check reads as Chinese: full-width marks, the last record named in Chinese, the
// citation as users read it with its note on a line of its own.
TEST_F(ComplianceEngineTest, CheckTextIsChineseWithFullWidthPunctuation) {
  const auto plan = addPlan("zt", town_, sdk::category::kGrassroots, "2024-02-01");
  addFiling(plan, 0, "2024-02-05", "2024-02-06");
  const auto special = addPlan("zx", dept_, sdk::category::kSpecial, "2024-02-01");
  (void)special;
  const auto results = check("2024-04-01", RulesConfig::fromValues({{"city.parent_authority", "郑州市"}}).value());
  CheckQuery q;
  q.as_of = d("2024-04-01");
  const std::string text = formatCheckText(results, q, {}, {}, false);
  EXPECT_NE(text.find("上次：备案（第1号，2024-02-05）"), std::string::npos) << text;
  EXPECT_EQ(text.find("上次: filing"), std::string::npos) << text;
  EXPECT_NE(text.find("备案机关：新密市人民政府（送新密市应急管理局）"), std::string::npos) << text;
  EXPECT_NE(text.find("依据：《突发事件应急预案管理办法》（国办发〔2024〕5号）第五章※（法规）"), std::string::npos)
      << text;
  EXPECT_NE(text.find("注※：条号待核"), std::string::npos) << text;
  for (const char* ascii : {": ", "; ", " (", "上次: "}) {
    for (std::size_t at = text.find(ascii); at != std::string::npos; at = text.find(ascii, at + 1)) {
      ADD_FAILURE() << "half-width \"" << ascii << "\" in: " << text.substr(at < 30 ? 0 : at - 30, 80);
    }
  }
  Poco::JSON::Parser parser;
  const auto items = parser.parse(formatCheckJson(results, q, {}, {}, false)).extract<Poco::JSON::Array::Ptr>();
  int noted = 0;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto item = items->getObject(static_cast<unsigned>(i));
    const std::string citation = item->getValue<std::string>("citation");
    const std::string note = item->getValue<std::string>("citation_note");
    EXPECT_EQ(citation.find("待核"), std::string::npos) << citation;
    if (!note.empty()) {
      ++noted;
      EXPECT_EQ(citation.substr(citation.size() - std::string(kNoteMark).size()), kNoteMark) << citation;
    }
  }
  EXPECT_GT(noted, 0);
}

TEST_F(ComplianceEngineTest, FilingTargetByLevelFromTheTreeAndTheParentAuthority) {
  store::OrganisationRepository orgs(db_.session());
  sdk::Plan master;
  master.category = sdk::category::kMaster;
  sdk::Plan special;
  special.category = sdk::category::kSpecial;
  const auto city = *orgs.findById(city_);
  const auto town = *orgs.findById(town_);
  const auto village = *orgs.findById(village_);
  const FilingTarget target = FilingTarget::load(db_.session(), "郑州市");
  EXPECT_EQ(target.of(master, city, nullptr), "郑州市人民政府（送郑州市应急管理局，抄送郑州市有关部门）");
  EXPECT_EQ(target.of(special, city, nullptr), "郑州市对口牵头部门（抄送郑州市应急管理局）");
  EXPECT_EQ(target.of(special, *orgs.findById(dept_), &city), "新密市人民政府（送新密市应急管理局）");
  EXPECT_EQ(target.of(master, town, &city), "新密市人民政府（送新密市应急管理局）");
  EXPECT_EQ(target.of(master, village, &town), "曲梁镇");
  const FilingTarget unnamed = FilingTarget::load(db_.session(), "");
  EXPECT_EQ(unnamed.of(master, city, nullptr), "上一级人民政府（送上一级应急管理部门，抄送上一级有关部门）");
  EXPECT_EQ(FilingTarget().of(master, town, &city), "本级人民政府（送本级应急管理部门）");
}

// A second county: nothing of the demo city's names in any filing note.
TEST_F(ComplianceEngineTest, FilingTargetOfAnotherCountyNamesItsOwnGovernment) {
  store::Database other{":memory:"};
  other.migrate();
  store::OrganisationRepository repo(other.session());
  auto add = [&](const char* code, const char* name, sdk::OrgKind kind, sdk::RecordId parent) {
    sdk::Organisation o;
    o.code = code;
    o.name = name;
    o.kind = kind;
    o.parent_id = parent;
    return repo.add(o, actor_);
  };
  const auto county = add("gy", "巩义市", sdk::OrgKind::City, 0);
  add("gy.ag", "巩义市农业农村局", sdk::OrgKind::Department, county);
  const auto town = add("gy.town", "紫荆路街道", sdk::OrgKind::Township, county);
  const auto firm = add("gy.firm", "某化工企业", sdk::OrgKind::Enterprise, town);
  sdk::Plan master;
  master.category = sdk::category::kMaster;
  const FilingTarget target = FilingTarget::load(other.session(), "郑州市");
  const sdk::Organisation county_org = *repo.findById(county);
  EXPECT_EQ(target.of(master, *repo.findById(town), &county_org),
            "巩义市人民政府（送巩义市应急管理部门）");
  EXPECT_EQ(target.of(master, *repo.findById(firm), nullptr), "巩义市应急管理部门及有关负有安全生产监督管理职责的部门");
  add("gy.yjj", "巩义市应急管理局", sdk::OrgKind::Department, county);
  EXPECT_EQ(FilingTarget::load(other.session(), "郑州市").of(master, *repo.findById(town), nullptr),
            "巩义市人民政府（送巩义市应急管理局）");
}

TEST_F(ComplianceEngineTest, ReportsGroupOverdueFirstAndCount) {
  const auto plan = addPlan("rep", town_, sdk::category::kGrassroots, "2024-02-01");
  const auto met = addPlan("met", city_, sdk::category::kMaster, "2024-02-01");
  const auto results = check("2024-04-01");
  const std::map<sdk::RecordId, std::string> orgs = {{town_, "曲梁镇"}, {city_, "新密市人民政府"}};
  const std::map<sdk::RecordId, std::string> plans = {{plan, "曲梁镇总体应急预案"}, {met, "新密市总体应急预案"}};
  CheckQuery q;
  q.as_of = d("2024-04-01");
  const std::string text = formatCheckText(results, q, orgs, plans, false);
  const auto overdue = text.find("== 已逾期");
  const auto upcoming = text.find("== 未到期");
  ASSERT_NE(overdue, std::string::npos) << text;
  ASSERT_NE(upcoming, std::string::npos) << text;
  EXPECT_LT(overdue, upcoming);
  EXPECT_NE(text.find("曲梁镇总体应急预案"), std::string::npos);
  EXPECT_NE(text.find("第二十六条"), std::string::npos);
  EXPECT_NE(text.find("合计：已逾期 4"), std::string::npos) << text;
  EXPECT_NE(formatCheckText(results, q, orgs, plans, true).find("Overdue (4)"), std::string::npos);

  const std::string json = formatCheckJson(results, q, orgs, plans, false, {{plan, "rep"}});
  EXPECT_NE(json.find("\"plan_id\":" + std::to_string(plan) + ",\"plan_code\":\"rep\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"plan_code\":null"), std::string::npos) << json;  // a plan not in the map
  EXPECT_NE(json.find("\"citation_note\":\"\""), std::string::npos) << json;
  EXPECT_EQ(json.front(), '[');
  EXPECT_NE(json.find("\"rule_id\":\"core.filing\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"status\":\"overdue\""), std::string::npos);
  EXPECT_NE(json.find("\"plan_title\":\"曲梁镇总体应急预案\""), std::string::npos);
  EXPECT_NE(json.find("\"last_met\":null"), std::string::npos);
}


// The plan life cycle (migration 18) in the rules: a plan defect's revision is due by its corrective
// action's due date or within rules.defect_revision_days of the event that found it (not on the day it
// was found), a 公开 recorded as its own step meets the publication duty, and an abolition dated D
// ends the plan's duties from D only.
TEST_F(ComplianceEngineTest, APlanDefectIsDueByItsCorrectiveActionOrThePolicyPeriod) {
  const auto with_due = addPlan("defect-due", town_, sdk::category::kGrassroots, "2023-05-10");
  const auto without = addPlan("defect-policy", town_, sdk::category::kGrassroots, "2023-05-10");
  for (auto plan : {with_due, without}) {
    sdk::Review found;
    found.plan_id = plan;
    found.kind = sdk::ReviewKind::Evaluation;
    found.date = {2024, 3, 1};
    found.conclusion = sdk::ReviewConclusion::Keep;
    const auto review = store::ReviewRepository(db_.session()).add(found, actor_);
    store::CorrectiveAction a;
    a.source_kind = store::SourceKind::Review;
    a.source_id = review;
    a.plan_id = plan;
    a.description = "转移路线与实际不符";
    a.responsible_org_id = town_;
    a.plan_defect = true;
    if (plan == with_due) a.due = {2024, 5, 31};
    store::CorrectiveActionRepository(db_.session()).add(a, actor_);
  }
  const auto due = only(CoreRules::kRevision, with_due, "2024-04-01");
  EXPECT_EQ(due.obligation.due.toString(), "2024-05-31") << "the corrective action's due date";
  EXPECT_NE(due.status, ObligationStatus::Overdue) << "not overdue the day after the defect was found";
  EXPECT_NE(due.obligation.note.find("标记日期 2024-03-01"), std::string::npos) << due.obligation.note;
  EXPECT_NE(due.obligation.note.find("评审评估 2024-03-01"), std::string::npos) << "the event's date";
  EXPECT_EQ(only(CoreRules::kRevision, with_due, "2024-06-01").status, ObligationStatus::Overdue);
  EXPECT_EQ(only(CoreRules::kRevision, without, "2024-03-02").obligation.due.toString(), "2024-03-31")
      << "30 days (policy) after the event";
  auto ten = RulesConfig::fromValues({{"rules.defect_revision_days", "10"}});
  ASSERT_TRUE(ten.isOk());
  EXPECT_EQ(only(CoreRules::kRevision, without, "2024-03-02", ten.value()).obligation.due.toString(), "2024-03-11");
  EXPECT_FALSE(RulesConfig::fromValues({{"rules.defect_revision_days", "-1"}}).isOk());
}

TEST_F(ComplianceEngineTest, APublicationStepMeetsThePublicationDuty) {
  const auto plan = addPlan("published-step", town_, sdk::category::kGrassroots, "2023-05-10");
  EXPECT_EQ(only(CoreRules::kPublication, plan, "2023-07-01").status, ObligationStatus::Overdue);
  store::PlanTransition t;
  t.plan_id = plan;
  t.plan_version_id = store::PlanRepository(db_.session()).version(plan, 1)->id;
  t.step = "publish";
  t.from_status = "issued";
  t.to_status = "issued";
  t.date = {2023, 5, 20};
  t.body = "政务公开栏";
  store::PlanTransitionRepository(db_.session()).add(t, actor_);
  const auto met = only(CoreRules::kPublication, plan, "2023-07-01");
  EXPECT_EQ(met.status, ObligationStatus::Met);
  EXPECT_EQ(met.obligation.last_met.kind, "publication");
  EXPECT_EQ(only(CoreRules::kPublication, plan, "2023-05-19").obligation.last_met.isSet(), false)
      << "not before its day";
}

TEST_F(ComplianceEngineTest, AnAbolitionEndsTheDutiesFromItsDayOnly) {
  const auto plan = addPlan("abolished-dated", town_, sdk::category::kGrassroots, "2023-05-10");
  store::PlanAbolition abolition;
  abolition.date = {2024, 1, 1};
  store::PlanRepository(db_.session()).abolish(plan, abolition, actor_);
  EXPECT_NE(find(check("2023-12-31"), CoreRules::kFiling, plan), nullptr) << "in force the day before";
  EXPECT_EQ(find(check("2024-01-01"), CoreRules::kFiling, plan), nullptr);
}

}  // namespace
}  // namespace beacon::rules
