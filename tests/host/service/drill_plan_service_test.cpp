// Annual drill plans and drill evaluation reports through their services:
// each bad field is refused naming it with nothing written, a second add for
// the same organisation and year appends to its plan, and an evaluation is
// one per drill, dated from the drill's day on.
#include "host/service/service_fixture.h"
#include "service/drill_evaluation_service.h"
#include "service/drill_plan_service.h"
#include "service/drill_service.h"
#include "service/record_checks.h"
#include "store/drill_evaluation_repository.h"
#include "store/drill_plan_repository.h"

#include <functional>

#include <Poco/Data/Statement.h>

namespace beacon::testing {
namespace {

using namespace Poco::Data::Keywords;

class DrillPlanServiceTest : public ServiceFixture {
 protected:
  store::DrillPlan plan() {
    store::DrillPlan p;
    p.org_id = village_;
    p.year = 2024;
    p.made_on = sdk::Date{2024, 1, 10};
    store::DrillPlanItem item;
    item.drill_type = "flood.evacuation";
    item.month = 5;
    item.plan_id = plan_;  // the township's plan: one above the village
    p.items.push_back(item);
    return p;
  }
  int rows(const std::string& table) {
    int n = 0;
    db_->session() << "SELECT COUNT(*) FROM " + table, into(n), now;
    return n;
  }
  sdk::RecordId drill(sdk::DrillVerdict verdict = sdk::DrillVerdict::None) {
    sdk::Drill d;
    d.domain = "flood";
    d.drill_type = "flood.evacuation";
    d.org_id = village_;
    d.date = sdk::Date{2024, 5, 10};
    d.fields = {{"hazard", "山洪"}};
    d.verdict = verdict;
    auto id = service::DrillService(*db_, registry_).log(d, actor_);
    EXPECT_TRUE(id.isOk()) << id.status().describe();
    return id.isOk() ? id.value() : 0;
  }
  store::DrillEvaluation evaluation(sdk::RecordId drill_id) {
    store::DrillEvaluation e;
    e.drill_id = drill_id;
    e.verdict = sdk::DrillVerdict::Good;
    e.findings = "转移路线标识不清";
    e.suggestions = "修订预案转移路线图";
    e.evaluator = "城关镇应急办";
    e.date = sdk::Date{2024, 5, 20};
    return e;
  }
};

TEST_F(DrillPlanServiceTest, EachPlanFieldIsRefusedNamingItAndNothingIsWritten) {
  service::DrillPlanService s(*db_, registry_);
  auto p = plan();
  EXPECT_TRUE(s.validatePlan(p).isOk()) << s.validatePlan(p).describe();
  EXPECT_TRUE(s.validateItem(p.org_id, p.items[0]).isOk()) << s.validateItem(p.org_id, p.items[0]).describe();
  EXPECT_EQ(p.items[0].domain, "flood") << "the domain defaults to the drill type's";

  struct Case {
    const char* field;
    std::function<void(store::DrillPlan&)> change;
  };
  const std::string nul("a\0b", 3);
  sdk::RecordId other_plan = 0;
  {
    service::OrganisationService orgs(*db_, registry_);
    const auto ts2 = mustAdd(orgs, "TS2", "米村镇", sdk::OrgKind::Township, city_);
    sdk::Plan other;
    other.code = "P-FLOOD-TS2";
    other.title = "米村镇防汛应急预案";
    other.domain = "flood";
    other.category = sdk::category::kGrassroots;
    other.owner_org_id = ts2;
    sdk::PlanVersion v;
    v.issued = sdk::Date{2023, 3, 1};
    v.text = "第一章 总则\n";
    auto r = service::PlanService(*db_, registry_).addPlan(other, v, actor_);
    ASSERT_TRUE(r.isOk()) << r.status().describe();
    other_plan = r.value();
  }
  const std::vector<Case> cases = {
      {"org_id", [](store::DrillPlan& x) { x.org_id = 999; }},
      {"year", [](store::DrillPlan& x) { x.year = 1999; }},
      {"year", [](store::DrillPlan& x) { x.year = 2101; }},
      {"made_on", [](store::DrillPlan& x) { x.made_on = sdk::Date{2024, 2, 30}; }},
      {"made_on", [](store::DrillPlan& x) { x.made_on = sdk::Date{}; }},
      {"made_on", [](store::DrillPlan& x) { x.made_on = sdk::Date{2022, 12, 31}; }},
      {"made_on", [](store::DrillPlan& x) { x.made_on = service::today().addDays(2); }},
      {"note", [&](store::DrillPlan& x) { x.note = nul; }},
      {"items", [](store::DrillPlan& x) { x.items.clear(); }},
      {"items[1].drill_type", [](store::DrillPlan& x) { x.items[0].drill_type = "flood.nothing"; }},
      {"items[1].drill_type", [](store::DrillPlan& x) { x.items[0].drill_type = ""; }},
      {"items[1].drill_type",
       [](store::DrillPlan& x) {
         x.items[0].drill_type = "fire.evacuation";
         x.items[0].domain = "flood";
       }},
      {"items[1].domain", [](store::DrillPlan& x) { x.items[0].domain = "forest_fire"; }},
      {"items[1].month", [](store::DrillPlan& x) { x.items[0].month = 0; }},
      {"items[1].month", [](store::DrillPlan& x) { x.items[0].month = 13; }},
      {"items[1].plan_id", [](store::DrillPlan& x) { x.items[0].plan_id = 4242; }},
      {"items[1].plan_id", [&](store::DrillPlan& x) { x.items[0].plan_id = other_plan; }},
      {"items[1].note", [&](store::DrillPlan& x) { x.items[0].note = nul; }},
  };
  for (const auto& c : cases) {
    auto x = plan();
    c.change(x);
    auto r = s.add(x, actor_);
    ASSERT_FALSE(r.isOk()) << c.field;
    EXPECT_EQ(r.status().field(), c.field) << r.status().describe();
  }
  EXPECT_EQ(rows("drill_plans"), 0);
  EXPECT_EQ(rows("drill_plan_items"), 0);
  EXPECT_EQ(rows("audit_log WHERE entity = 'drill_plan'"), 0);
}

TEST_F(DrillPlanServiceTest, MessagesAreChineseOrEnglish) {
  auto x = plan();
  x.items[0].month = 13;
  EXPECT_EQ(service::DrillPlanService(*db_, registry_).add(x, actor_).status().message(), "计划月份应为 1 至 12");
  EXPECT_EQ(service::DrillPlanService(*db_, registry_, true).add(x, actor_).status().message(),
            "must be a month from 1 to 12");
}

TEST_F(DrillPlanServiceTest, ASecondAddAppendsToTheYearsPlan) {
  service::DrillPlanService s(*db_, registry_);
  auto first = s.add(plan(), actor_);
  ASSERT_TRUE(first.isOk()) << first.status().describe();
  auto more = plan();
  more.made_on = sdk::Date{};  // not needed once the plan exists
  more.items[0].drill_type = "flood.comprehensive";
  more.items[0].month = 6;
  more.items[0].plan_id = 0;
  auto second = s.add(more, actor_);
  ASSERT_TRUE(second.isOk()) << second.status().describe();
  EXPECT_EQ(second.value(), first.value());
  const auto stored = store::DrillPlanRepository(db_->session()).find(village_, 2024);
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->items.size(), 2u);
  EXPECT_EQ(stored->made_on.toString(), "2024-01-10");
  EXPECT_EQ(stored->items[0].plan_id, plan_);
  EXPECT_EQ(stored->items[1].drill_type, "flood.comprehensive");
  EXPECT_EQ(rows("audit_log WHERE entity = 'drill_plan'"), 2);
  EXPECT_GE(rows("rule_changes WHERE org_id = " + std::to_string(village_)), 2) << "the engine re-checks the org";
}

TEST_F(DrillPlanServiceTest, EachEvaluationFieldIsRefusedNamingIt) {
  const sdk::RecordId id = drill();
  service::DrillEvaluationService s(*db_);
  EXPECT_TRUE(s.validate(evaluation(id)).isOk()) << s.validate(evaluation(id)).describe();
  struct Case {
    const char* field;
    std::function<void(store::DrillEvaluation&)> change;
  };
  const std::vector<Case> cases = {
      {"drill_id", [](store::DrillEvaluation& e) { e.drill_id = 9999; }},
      {"drill_id", [](store::DrillEvaluation& e) { e.drill_id = 0; }},
      {"verdict", [](store::DrillEvaluation& e) { e.verdict = sdk::DrillVerdict::None; }},
      {"evaluator", [](store::DrillEvaluation& e) { e.evaluator = " "; }},
      {"date", [](store::DrillEvaluation& e) { e.date = sdk::Date{}; }},
      {"date", [](store::DrillEvaluation& e) { e.date = sdk::Date{2024, 5, 9}; }},
      {"date", [](store::DrillEvaluation& e) { e.date = service::today().addDays(2); }},
      {"findings", [](store::DrillEvaluation& e) { e.findings = std::string(20001, 'x'); }},
      {"suggestions", [](store::DrillEvaluation& e) { e.suggestions = std::string("a\x01", 2); }},
      {"document", [](store::DrillEvaluation& e) { e.document = std::string(501, 'x'); }},
  };
  for (const auto& c : cases) {
    auto e = evaluation(id);
    c.change(e);
    auto r = s.record(e, actor_);
    ASSERT_FALSE(r.isOk()) << c.field;
    EXPECT_EQ(r.status().field(), c.field) << r.status().describe();
  }
  EXPECT_EQ(rows("drill_evaluations"), 0);
  auto stored = s.record(evaluation(id), actor_);
  ASSERT_TRUE(stored.isOk()) << stored.status().describe();
  auto again = s.record(evaluation(id), actor_);
  ASSERT_FALSE(again.isOk());
  EXPECT_EQ(again.status().field(), "drill_id") << "one evaluation per drill";
  EXPECT_EQ(rows("drill_evaluations"), 1);
  const auto e = store::DrillEvaluationRepository(db_->session()).findByDrill(id);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->evaluator, "城关镇应急办");
  EXPECT_EQ(e->verdict, sdk::DrillVerdict::Good);
  EXPECT_EQ(rows("audit_log WHERE entity = 'drill_evaluation'"), 1);
}

}  // namespace
}  // namespace beacon::testing
