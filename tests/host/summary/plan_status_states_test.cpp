// The plan-status summary counts plans by their life-cycle state as of its
// date: 编制中, 评审中 and 已批准 each in a column of their own next to the
// columns of the plans in force (已印发), and a plan abolished by then listed
// apart (已废止), not among the plans in force, on both sides of the
// abolition's date; in JSON, text and Markdown, zh-CN first and English when
// asked.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "build_paths.h"
#include "render/template_registry.h"
#include "service/organisation_service.h"
#include "service/plan_lifecycle.h"
#include "service/plan_service.h"
#include "summary/summary_service.h"
#include "support/canonical_registry.h"
#include "support/test_database.h"

namespace beacon::summary {
namespace {

using sdk::Date;

class PlanStatusStatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.migrate();
    testing::fillCanonicalRegistry(registry_);
    ASSERT_TRUE(templates_.load(std::string(BEACON_SOURCE_DIR) + "/templates", {}, "").isOk());
    service::OrganisationService orgs(db_, registry_);
    sdk::Organisation city;
    city.code = "XM";
    city.name = "新密市";
    city.kind = sdk::OrgKind::City;
    auto c = orgs.add(city, actor_);
    ASSERT_TRUE(c.isOk()) << c.status().describe();
    sdk::Organisation town;
    town.code = "TS1";
    town.name = "城关镇";
    town.kind = sdk::OrgKind::Township;
    town.parent_id = c.value();
    auto t = orgs.add(town, actor_);
    ASSERT_TRUE(t.isOk()) << t.status().describe();
    town_ = t.value();
  }
  // A plan of 城关镇 with its first version: a draft, or issued on `issued`.
  sdk::RecordId plan(const std::string& code, const std::string& title, Date issued = {}) {
    sdk::Plan p;
    p.code = code;
    p.title = title;
    p.domain = sdk::kGeneralDomain;
    p.category = sdk::category::kSpecial;
    p.owner_org_id = town_;
    sdk::PlanVersion v;
    v.text = "第一章 总则\n";
    v.issued = issued;
    auto id = service::PlanService(db_, registry_).addPlan(p, v, actor_);
    EXPECT_TRUE(id.isOk()) << id.status().describe();
    return id.isOk() ? id.value() : 0;
  }
  static service::StepRecord on(Date d, const std::string& body = "") {
    service::StepRecord r;
    r.date = d;
    r.body = body;
    return r;
  }
  void submitAndPass(sdk::RecordId id) {
    service::PlanLifecycle lc(db_, false);
    ASSERT_TRUE(lc.submitForReview(id, on({2024, 3, 1}), actor_).isOk());
    sdk::Review r;
    r.plan_id = id;
    r.kind = sdk::ReviewKind::Review;
    r.conclusion = sdk::ReviewConclusion::Passed;
    r.date = {2024, 3, 5};
    ASSERT_TRUE(service::PlanService(db_, registry_).addReview(r, actor_).isOk());
  }
  std::string render(Date as_of, const std::string& format, bool english = false) {
    SummaryRequest req;
    req.kind = "plan-status";
    req.as_of = as_of;
    req.format = format;
    req.english = english;
    auto out = SummaryService(db_, registry_, templates_, nullptr).render(req);
    EXPECT_TRUE(out.isOk()) << out.status().describe();
    return out.isOk() ? out.value() : std::string();
  }
  Poco::JSON::Object::Ptr json(Date as_of) {
    return Poco::JSON::Parser().parse(render(as_of, "json")).extract<Poco::JSON::Object::Ptr>();
  }
  // The column totals by column id.
  static std::map<std::string, int> totals(const Poco::JSON::Object::Ptr& j) {
    std::map<std::string, int> out;
    auto columns = j->getArray("status_columns");
    auto cells = j->getArray("plan_totals");
    EXPECT_EQ(columns->size(), cells->size());
    for (unsigned i = 0; i < columns->size() && i < cells->size(); ++i) {
      out[columns->getObject(i)->getValue<std::string>("id")] =
          cells->getObject(i)->getValue<int>("n");
    }
    return out;
  }

  testing::TestDatabase test_db_;  // SQLite :memory:, or a PostgreSQL schema (BEACON_TEST_DB_URI)
  store::Database db_{test_db_.uri()};
  plugins::PluginRegistry registry_;
  render::TemplateRegistry templates_;
  store::Actor actor_{"tester"};
  sdk::RecordId town_ = 0;
};

TEST_F(PlanStatusStatesTest, PlansAreCountedByTheirLifeCycleStateAndAbolishedOnesListedApart) {
  plan("P-DRAFT", "城关镇地震应急预案");
  submitAndPass(plan("P-REVIEW", "城关镇防汛应急预案"));
  const sdk::RecordId approved = plan("P-APPROVED", "城关镇森林火灾应急预案");
  submitAndPass(approved);
  service::PlanLifecycle lc(db_, false);
  ASSERT_TRUE(lc.approve(approved, on({2024, 3, 10}, "城关镇人民政府"), actor_).isOk());
  plan("P-ISSUED", "城关镇安全生产应急预案", {2024, 4, 1});
  const sdk::RecordId old = plan("P-OLD", "城关镇综合应急预案（2019版）", {2019, 5, 1});
  ASSERT_TRUE(lc.abolish(old, on({2024, 6, 1}), "P-ISSUED", actor_).isOk());

  // The approval's day turns 评审中 into 已批准.
  EXPECT_EQ(totals(json({2024, 3, 9}))["in_review"], 2);
  EXPECT_EQ(totals(json({2024, 3, 9}))["approved"], 0);
  EXPECT_EQ(totals(json({2024, 3, 10}))["approved"], 1);

  // The day before the abolition: the old plan is still in force.
  auto before = json({2024, 5, 31});
  auto b = totals(before);
  EXPECT_EQ(b["drafting"], 1);
  EXPECT_EQ(b["in_review"], 1);
  EXPECT_EQ(b["approved"], 1);
  EXPECT_EQ(before->getValue<int>("in_force_total"), 2);
  EXPECT_EQ(before->getValue<int>("abolished_total"), 0);
  EXPECT_EQ(before->getValue<int>("plans_total"), 5);

  // From the abolition's day: listed apart, not counted among the plans (in force or not).
  auto after = json({2024, 6, 1});
  auto a = totals(after);
  EXPECT_EQ(a["drafting"], 1);
  EXPECT_EQ(a["in_review"], 1);
  EXPECT_EQ(a["approved"], 1);
  EXPECT_EQ(after->getValue<int>("in_force_total"), 1);
  EXPECT_EQ(after->getValue<int>("plans_total"), 4);
  EXPECT_EQ(after->getValue<int>("abolished_total"), 1);
  auto abolished = after->getArray("abolished");
  ASSERT_EQ(abolished->size(), 1u);
  EXPECT_EQ(abolished->getObject(0)->getValue<std::string>("code"), "P-OLD");
  EXPECT_EQ(abolished->getObject(0)->getValue<std::string>("date"), "2024-06-01");
  EXPECT_EQ(abolished->getObject(0)->getValue<std::string>("replaced_by"), "P-ISSUED");

  const std::string text = render({2024, 6, 1}, "text");
  for (const char* s : {"编制中", "评审中", "已批准", "现行有效", "已废止",
                        "城关镇综合应急预案（2019版）", "现行预案（已印发）1 件"}) {
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
  }
  const std::string markdown = render({2024, 6, 1}, "markdown");
  for (const char* s : {"| 评审中 |", "| 已批准 |", "## 已废止预案（1）", "P-OLD"}) {
    EXPECT_NE(markdown.find(s), std::string::npos) << s << "\n" << markdown;
  }
  const std::string english = render({2024, 6, 1}, "text", true);
  for (const char* s :
       {"In review", "Approved", "Abolished plans (1)", "Plans in force (issued): 1"}) {
    EXPECT_NE(english.find(s), std::string::npos) << s << "\n" << english;
  }
  EXPECT_EQ(english.find("评审中"), std::string::npos) << english;
}

}  // namespace
}  // namespace beacon::summary
