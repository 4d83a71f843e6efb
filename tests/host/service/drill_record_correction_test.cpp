// Correcting and voiding the drill records added after migration 14 through
// RecordCorrection: drill evaluation reports (validated as new ones; a voided
// one no longer meets core.drill_evaluation, checked by the same engine before
// and after the void) and annual drill plans with their planned drills (a
// corrected item is validated as a new one; a voided item leaves plan versus
// actual; a plan is corrected, never voided as a whole). The same
// CorrectionPolicy as for drills: a village cannot change the city's records.
#include <Poco/Data/Session.h>
#include <Poco/JSON/Parser.h>

#include "build_paths.h"
#include "host/service/service_fixture.h"
#include "rules/compliance_engine.h"
#include "rules/drill_duties.h"
#include "rules/holiday_calendar.h"
#include "service/drill_evaluation_service.h"
#include "service/drill_plan_service.h"
#include "service/drill_service.h"
#include "service/record_checks.h"
#include "service/record_correction.h"
#include "store/audit_log.h"
#include "store/drill_evaluation_repository.h"
#include "store/drill_plan_item_repository.h"
#include "store/drill_plan_repository.h"

namespace beacon::testing {
namespace {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using store::RecordKind;

class DrillRecordCorrectionTest : public ServiceFixture {
 protected:
  static auth::User user(const std::string& name, auth::Role role, sdk::RecordId org) {
    auth::User u;
    u.username = name;
    u.role = role;
    u.org_id = org;
    return u;
  }
  service::Corrector admin() const {
    return {store::Actor{"root"}, user("root", auth::Role::Admin, 0)};
  }
  service::Corrector villageStaff() const {
    return {store::Actor{"vstaff"}, user("vstaff", auth::Role::VillageStaff, village_)};
  }
  service::RecordCorrection correction(bool english = false) {
    return service::RecordCorrection(*db_, registry_, 30, service::today(), english);
  }

  sdk::RecordId drill(sdk::RecordId org, sdk::Date date) {
    sdk::Drill d;
    d.domain = "flood";
    d.drill_type = "flood.evacuation";
    d.org_id = org;
    d.date = date;
    d.fields = {{"hazard", "山洪"}};
    auto id = service::DrillService(*db_, registry_).log(d, actor_);
    EXPECT_TRUE(id.isOk()) << id.status().describe();
    return id.isOk() ? id.value() : 0;
  }
  sdk::RecordId evaluate(sdk::RecordId drill_id, sdk::Date date) {
    store::DrillEvaluation e;
    e.drill_id = drill_id;
    e.verdict = sdk::DrillVerdict::Good;
    e.findings = "转移路线标识不清";
    e.evaluator = "城关镇应急办";
    e.date = date;
    auto id = service::DrillEvaluationService(*db_).record(e, actor_);
    EXPECT_TRUE(id.isOk()) << id.status().describe();
    return id.isOk() ? id.value() : 0;
  }
  // The village's 2024 plan: flood.evacuation in May and in August.
  sdk::RecordId drillPlan(sdk::RecordId org) {
    store::DrillPlan p;
    p.org_id = org;
    p.year = 2024;
    p.made_on = sdk::Date{2024, 1, 10};
    for (int month : {5, 8}) {
      store::DrillPlanItem item;
      item.drill_type = "flood.evacuation";
      item.month = month;
      p.items.push_back(item);
    }
    auto id = service::DrillPlanService(*db_, registry_).add(p, actor_);
    EXPECT_TRUE(id.isOk()) << id.status().describe();
    return id.isOk() ? id.value() : 0;
  }
  int scalar(const std::string& sql) {
    int n = 0;
    db_->session() << sql, into(n), now;
    return n;
  }
  std::vector<rules::ObligationResult> duties(rules::ComplianceEngine& engine, sdk::Date as_of,
                                              const std::string& rule) {
    rules::CheckQuery q;
    q.as_of = as_of;
    auto r = engine.check(q);
    EXPECT_TRUE(r.isOk()) << r.status().describe();
    std::vector<rules::ObligationResult> out;
    if (!r.isOk()) return out;
    for (const auto& o : r.value()) {
      if (o.obligation.rule_id == rule) out.push_back(o);
    }
    return out;
  }
};

TEST_F(DrillRecordCorrectionTest, AnEvaluationIsCorrectedAsANewOneWithItsAuditEntry) {
  const auto d = drill(village_, sdk::Date{2024, 5, 10});
  const auto e = evaluate(d, sdk::Date{2024, 5, 20});
  auto out = correction().correctDrillEvaluation(
      e, {{"verdict", "中"}, {"suggestions", "增设转移指示牌"}, {"date", "2024-05-21"}},
      "评估结论录错", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  const auto stored = store::DrillEvaluationRepository(db_->session()).findById(e);
  EXPECT_EQ(stored->verdict, sdk::DrillVerdict::Fair);
  EXPECT_EQ(stored->suggestions, "增设转移指示牌");
  EXPECT_EQ(stored->date.toString(), "2024-05-21");
  EXPECT_EQ(stored->drill_id, d) << "it stays the drill's";
  const auto entries = store::AuditLog(db_->session()).list("drill_evaluation", e, 10);
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.front().action, "correct");
  Poco::JSON::Parser parser;
  auto before = parser.parse(entries.front().before_json).extract<Poco::JSON::Object::Ptr>();
  auto after = parser.parse(entries.front().after_json).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(before->getValue<std::string>("verdict"), "good");
  EXPECT_EQ(after->getValue<std::string>("verdict"), "fair");
  EXPECT_EQ(after->getValue<std::string>("correction_reason"), "评估结论录错");

  // Validated as a new evaluation; each bad field named, nothing written.
  const int audit = scalar("SELECT COUNT(*) FROM audit_log");
  const std::vector<std::pair<service::FieldChanges, std::string>> bad = {
      {{{"date", "2024-05-09"}}, "date"},  // before the drill
      {{{"date", "2024-13-01"}}, "date"},
      {{{"verdict", "很好"}}, "verdict"},
      {{{"evaluator", " "}}, "evaluator"},
      {{{"drill_id", "1"}}, "drill_id"},  // not a correctable field
      {{{"verdict", "中"}}, "changes"},   // nothing differs
  };
  for (const auto& [changes, field] : bad) {
    auto r = correction().correctDrillEvaluation(e, changes, "更正", admin());
    EXPECT_EQ(r.failure, service::CorrectionFailure::Invalid) << field;
    EXPECT_EQ(r.status.field(), field) << r.status.describe();
  }
  EXPECT_EQ(
      correction().correctDrillEvaluation(e, {{"findings", "x"}}, " ", admin()).status.field(),
      "reason");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log"), audit);
  EXPECT_EQ(store::DrillEvaluationRepository(db_->session()).findById(e)->verdict,
            sdk::DrillVerdict::Fair);
}

TEST_F(DrillRecordCorrectionTest, AVoidedEvaluationNoLongerMeetsTheEvaluationDuty) {
  auto calendar =
      rules::HolidayCalendar::load(std::string(BEACON_SOURCE_DIR) + "/data/holidays/cn.csv");
  ASSERT_TRUE(calendar.isOk());
  const rules::RulesConfig config;
  rules::ComplianceEngine engine(*db_, registry_, config, calendar.value());
  const auto d = drill(village_, sdk::Date{2024, 5, 10});
  const auto e = evaluate(d, sdk::Date{2024, 5, 20});
  const sdk::Date as_of{2024, 7, 1};
  auto before = duties(engine, as_of, rules::DrillDuties::kDrillEvaluation);
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].status, sdk::ObligationStatus::Met);
  EXPECT_EQ(before[0].obligation.last_met.id, e);

  auto out = correction().voidRecord(RecordKind::DrillEvaluation, e, "评估报告张冠李戴", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  auto after = duties(engine, as_of, rules::DrillDuties::kDrillEvaluation);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].status, sdk::ObligationStatus::Overdue)
      << "due 2024-06-09, no evaluation in force";
  EXPECT_TRUE(store::DrillEvaluationRepository(db_->session()).findById(e))
      << "kept for the record";
  EXPECT_FALSE(store::DrillEvaluationRepository(db_->session()).findByDrill(d));
  EXPECT_EQ(correction().voidRecord(RecordKind::DrillEvaluation, e, "再次", admin()).failure,
            service::CorrectionFailure::Voided);
  EXPECT_EQ(correction().correctDrillEvaluation(e, {{"findings", "x"}}, "更正", admin()).failure,
            service::CorrectionFailure::Voided);
  // The drill can be evaluated again, and that report meets the duty (late).
  const auto again = evaluate(d, sdk::Date{2024, 6, 20});
  auto redone = duties(engine, as_of, rules::DrillDuties::kDrillEvaluation);
  ASSERT_EQ(redone.size(), 1u);
  EXPECT_EQ(redone[0].status, sdk::ObligationStatus::MetLate);
  EXPECT_EQ(redone[0].obligation.last_met.id, again);
}

TEST_F(DrillRecordCorrectionTest, AVillageCannotChangeTheRecordsOfAnOrganisationAboveIt) {
  const auto d = drill(township_, sdk::Date{2024, 5, 10});
  const auto e = evaluate(d, sdk::Date{2024, 5, 20});
  const auto plan = drillPlan(township_);
  const auto item = store::DrillPlanRepository(db_->session()).findById(plan)->items[0].id;
  EXPECT_EQ(
      correction().voidRecord(RecordKind::DrillEvaluation, e, "不是我们的", villageStaff()).failure,
      service::CorrectionFailure::Forbidden);
  EXPECT_EQ(
      correction().correctDrillEvaluation(e, {{"verdict", "差"}}, "x", villageStaff()).failure,
      service::CorrectionFailure::Forbidden);
  EXPECT_EQ(correction().voidRecord(RecordKind::DrillPlanItem, item, "x", villageStaff()).failure,
            service::CorrectionFailure::Forbidden);
  EXPECT_EQ(correction().correctDrillPlan(plan, {{"note", "x"}}, "x", villageStaff()).failure,
            service::CorrectionFailure::Forbidden);
  service::Corrector viewer{store::Actor{"viewer"}, user("viewer", auth::Role::Viewer, 0)};
  EXPECT_EQ(correction().voidRecord(RecordKind::DrillPlanItem, item, "x", viewer).failure,
            service::CorrectionFailure::Forbidden);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action IN ('correct', 'void')"), 0);
  // Staff of the city, above the township, may.
  service::Corrector town{store::Actor{"tstaff"}, user("tstaff", auth::Role::OrgStaff, city_)};
  EXPECT_TRUE(correction().voidRecord(RecordKind::DrillPlanItem, item, "重复计划", town).ok());
}

TEST_F(DrillRecordCorrectionTest,
       APlannedDrillIsCorrectedAsANewOneAndAVoidedOneLeavesPlanVersusActual) {
  const auto plan = drillPlan(village_);
  drill(village_, sdk::Date{2024, 5, 12});
  service::DrillPlanService plans(*db_, registry_);
  const sdk::Date as_of{2024, 12, 31};
  auto stored = *store::DrillPlanRepository(db_->session()).findById(plan);
  ASSERT_EQ(stored.items.size(), 2u);
  auto progress = plans.progress(stored, as_of);
  EXPECT_EQ(progress.planned, 2);
  EXPECT_EQ(progress.done, 1);
  EXPECT_EQ(progress.missing, 1);
  const auto may = stored.items[0].id, august = stored.items[1].id;

  // Corrected: validated as a new item (drill type of an enabled plugin, month 1–12, a plan above).
  const int audit = scalar("SELECT COUNT(*) FROM audit_log");
  for (const auto& [changes, field] : std::vector<std::pair<service::FieldChanges, std::string>>{
           {{{"month", "13"}}, "month"},
           {{{"month", "五月"}}, "month"},
           {{{"drill_type", "flood.nothing"}}, "drill_type"},
           {{{"plan_id", "4242"}}, "plan_id"},
           {{{"plan", "NO-SUCH"}}, "plan"},
           {{{"year", "2025"}}, "year"},
       }) {
    auto r = correction().correctDrillPlanItem(august, changes, "更正", admin());
    EXPECT_EQ(r.failure, service::CorrectionFailure::Invalid) << field;
    EXPECT_EQ(r.status.field(), field) << r.status.describe();
  }
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log"), audit);
  auto moved = correction().correctDrillPlanItem(
      august, {{"month", "9"}, {"drill_type", "fire.evacuation"}}, "计划调整录错", admin());
  ASSERT_TRUE(moved.ok()) << moved.status.describe();
  const auto item = store::DrillPlanItemRepository(db_->session()).findById(august);
  EXPECT_EQ(item->month, 9);
  EXPECT_EQ(item->domain, "fire") << "the domain follows the corrected type";
  auto plan_code =
      correction().correctDrillPlanItem(august, {{"plan", "P-FLOOD-TS1"}}, "预案", admin());
  EXPECT_EQ(plan_code.status.field(), "plan_id")
      << "a flood plan for a fire drill: " << plan_code.status.describe();

  // Voided: kept, listed apart, counted nowhere.
  auto out = correction().voidRecord(RecordKind::DrillPlanItem, august, "该项计划已取消", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  stored = *store::DrillPlanRepository(db_->session()).findById(plan);
  ASSERT_EQ(stored.items.size(), 1u);
  EXPECT_EQ(stored.items[0].id, may);
  ASSERT_EQ(stored.voided_items.size(), 1u);
  EXPECT_EQ(stored.voided_items[0].void_reason, "该项计划已取消");
  EXPECT_EQ(stored.voided_items[0].voided_by, "root");
  progress = plans.progress(stored, as_of);
  EXPECT_EQ(progress.planned, 1);
  EXPECT_EQ(progress.done, 1);
  EXPECT_EQ(progress.missing, 0);
  EXPECT_EQ(correction().correctDrillPlanItem(august, {{"month", "10"}}, "x", admin()).failure,
            service::CorrectionFailure::Voided);
}

TEST_F(DrillRecordCorrectionTest, ADrillPlanIsCorrectedButNeverVoidedAsAWhole) {
  const auto plan = drillPlan(village_);
  auto out = correction().correctDrillPlan(
      plan, {{"made_on", "2024-01-05"}, {"note", "经村委会审定"}}, "制定日期录错", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  auto stored = store::DrillPlanRepository(db_->session()).findById(plan);
  EXPECT_EQ(stored->made_on.toString(), "2024-01-05");
  EXPECT_EQ(stored->note, "经村委会审定");
  EXPECT_EQ(stored->items.size(), 2u);
  auto late = correction().correctDrillPlan(plan, {{"made_on", "2025-01-01"}}, "x", admin());
  EXPECT_EQ(late.status.field(), "made_on") << late.status.describe();
  EXPECT_EQ(correction().correctDrillPlan(plan, {{"year", "2025"}}, "x", admin()).status.field(),
            "year");
  auto whole = correction().voidRecord(RecordKind::DrillPlan, plan, "整体作废", admin());
  EXPECT_EQ(whole.failure, service::CorrectionFailure::Invalid);
  EXPECT_EQ(whole.status.field(), "id");
  EXPECT_NE(whole.status.message().find("逐项作废"), std::string::npos) << whole.status.message();
  EXPECT_NE(correction(true)
                .voidRecord(RecordKind::DrillPlan, plan, "x", admin())
                .status.message()
                .find("one by one"),
            std::string::npos);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM drill_plans WHERE voided_at <> ''"), 0);
}

}  // namespace
}  // namespace beacon::testing
