#include <gtest/gtest.h>

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include "store/audit_log.h"
#include "store/corrective_action.h"
#include "store/corrective_action_repository.h"
#include "store/database.h"
#include "store/drill_repository.h"
#include "store/filing_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/review_repository.h"
#include "store/revision_triggers.h"
#include "store/transaction.h"
#include "support/test_database.h"

namespace beacon::store {
namespace {

sdk::Date day(const char* text) { return *sdk::Date::parse(text); }

class RepositoriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.migrate();
    sdk::Organisation city;
    city.code = "xinmi";
    city.name = "新密市";
    city.kind = sdk::OrgKind::City;
    OrganisationRepository(db_.session()).add(city, actor_);
    city_ = city.id;
    sdk::Organisation village;
    village.code = "renzhuang";
    village.name = "任庄村";
    village.kind = sdk::OrgKind::Village;
    village.parent_id = city_;
    village.attributes = {{"flood.flash_flood_zone", "1"}, {"fire.unit_kind", "other"}};
    OrganisationRepository(db_.session()).add(village, actor_);
    village_ = village.id;
  }

  sdk::RecordId addPlan() {
    sdk::Plan p;
    p.code = "XM-1";
    p.title = "新密市防汛应急预案";
    p.domain = "flood";
    p.category = sdk::category::kSpecial;
    p.owner_org_id = city_;
    return PlanRepository(db_.session()).add(p, actor_);
  }

  testing::TestDatabase test_db_;  // SQLite :memory:, or a PostgreSQL schema (BEACON_TEST_DB_URI)
  Database db_{test_db_.uri()};
  Actor actor_{"tester"};
  sdk::RecordId city_ = 0;
  sdk::RecordId village_ = 0;
};

TEST_F(RepositoriesTest, OrganisationsRoundTripWithAttributesAndTree) {
  OrganisationRepository orgs(db_.session());
  auto v = orgs.findByCode("renzhuang");
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->name, "任庄村");
  EXPECT_EQ(v->kind, sdk::OrgKind::Village);
  EXPECT_EQ(v->parent_id, city_);
  EXPECT_EQ(v->attributes.at("flood.flash_flood_zone"), "1");
  EXPECT_EQ(orgs.subtree(city_), (std::set<sdk::RecordId>{city_, village_}));
  EXPECT_EQ(orgs.subtree(village_), (std::set<sdk::RecordId>{village_}));
  v->attributes.erase("fire.unit_kind");
  v->name = "任庄村委会";
  orgs.update(*v, actor_);
  auto after = orgs.findById(village_);
  EXPECT_EQ(after->name, "任庄村委会");
  EXPECT_EQ(after->attributes.count("fire.unit_kind"), 0u);
  auto audit = AuditLog(db_.session()).list("organisation", village_, 10);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].action, "update");
  EXPECT_NE(audit[0].before_json.find("任庄村"), std::string::npos);
  EXPECT_NE(audit[0].after_json.find("任庄村委会"), std::string::npos);
  EXPECT_FALSE(orgs.findByCode("nowhere").has_value());
}

TEST_F(RepositoriesTest, PlanVersionsAreNumberedAndRevisionClearsTheRequirement) {
  PlanRepository plans(db_.session());
  const auto id = addPlan();
  sdk::PlanVersion v1;
  v1.plan_id = id;
  v1.issued = day("2020-05-01");
  v1.text = "第一章 总则";
  plans.addVersion(v1, actor_);
  EXPECT_EQ(v1.number, 1);
  EXPECT_EQ(plans.findById(id)->status, sdk::PlanStatus::Issued);
  plans.setRevisionRequired(id, true, "演练发现预案缺陷", actor_);
  EXPECT_TRUE(plans.findById(id)->revision_required);
  sdk::PlanVersion v2;
  v2.plan_id = id;
  v2.action = sdk::VersionAction::Revised;
  v2.trigger = store::trigger::kDrillOrIncidentFinding;
  v2.major = true;  // not yet issued: a draft revision leaves the issued version in force
  v2.text = "第一章 总则\n第二章 转移避险";
  plans.addVersion(v2, actor_);
  auto p = plans.findById(id);
  EXPECT_EQ(v2.number, 2);
  EXPECT_EQ(p->current_version, 1);
  EXPECT_EQ(p->status, sdk::PlanStatus::Issued);
  EXPECT_TRUE(p->revision_required) << "a draft does not answer the requirement";
  sdk::PlanVersion v3 = v2;
  v3.issued = day("2020-09-01");
  plans.addVersion(v3, actor_);
  p = plans.findById(id);
  EXPECT_EQ(p->current_version, 3);
  EXPECT_EQ(p->status, sdk::PlanStatus::Issued);
  EXPECT_FALSE(p->revision_required);
  auto versions = plans.versions(id, false);
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_TRUE(versions[0].text.empty());  // listing leaves the text out
  EXPECT_EQ(plans.version(id, 1)->text, "第一章 总则");
  EXPECT_EQ(plans.version(id, 2)->trigger, store::trigger::kDrillOrIncidentFinding);
  EXPECT_FALSE(plans.version(id, 4).has_value());
  store::PlanFilter f;
  f.domain = "fire";
  EXPECT_EQ(plans.count(f), 0);
  f.domain = "flood";
  f.owner_ids = {city_};
  EXPECT_EQ(plans.list(f).size(), 1u);
}

TEST_F(RepositoriesTest, ReviewsFilingsAndActionsRoundTrip) {
  const auto plan = addPlan();
  sdk::Review r;
  r.plan_id = plan;
  r.kind = sdk::ReviewKind::Evaluation;
  r.date = day("2023-06-01");
  r.conclusion = sdk::ReviewConclusion::Revise;
  r.findings = "指挥体系调整";
  ReviewRepository(db_.session()).add(r, actor_);
  auto reviews = ReviewRepository(db_.session()).listForPlan(plan);
  ASSERT_EQ(reviews.size(), 1u);
  EXPECT_EQ(reviews[0].conclusion, sdk::ReviewConclusion::Revise);
  EXPECT_EQ(reviews[0].date.toString(), "2023-06-01");

  sdk::Filing f;
  f.plan_id = plan;
  f.target_body = "郑州市应急管理局";
  f.submitted = day("2023-06-20");
  f.registration_no = "郑应急备〔2023〕12号";
  FilingRepository(db_.session()).add(f, actor_);
  auto filings = FilingRepository(db_.session()).listForPlan(plan);
  ASSERT_EQ(filings.size(), 1u);
  EXPECT_EQ(filings[0].registration_no, "郑应急备〔2023〕12号");
  EXPECT_FALSE(filings[0].published.isSet());

  store::CorrectiveAction a;
  a.source_kind = store::SourceKind::Review;
  a.source_id = r.id;
  a.plan_id = plan;
  a.description = "修订指挥体系章节";
  a.responsible_org_id = city_;
  a.due = day("2023-09-30");
  a.plan_defect = true;
  CorrectiveActionRepository actions(db_.session());
  actions.add(a, actor_);
  EXPECT_EQ(actions.listForPlan(plan, true).size(), 1u);
  actions.setStatus(a.id, store::ActionStatus::Done, actor_);
  EXPECT_EQ(actions.listForPlan(plan, true).size(), 0u);
  EXPECT_EQ(actions.findById(a.id)->status, store::ActionStatus::Done);
  EXPECT_EQ(actions.listForSource(store::SourceKind::Review, r.id).size(), 1u);
}

TEST_F(RepositoriesTest, DrillsRoundTripWithFieldsFiltersAndBatches) {
  DrillRepository drills(db_.session());
  sdk::Drill d;
  d.domain = "flood";
  d.drill_type = "flood.evacuation";
  d.org_id = village_;
  d.date = day("2023-05-10");
  d.participants = 85;
  d.evacuees = 40;
  d.fields = {{"hazard", "flash_flood"}};
  d.verdict = sdk::DrillVerdict::Good;
  drills.add(d, actor_);
  auto back = drills.findById(d.id);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->fields.at("hazard"), "flash_flood");
  EXPECT_EQ(back->verdict, sdk::DrillVerdict::Good);
  EXPECT_EQ(back->plan_id, 0);

  std::vector<sdk::Drill> batch(3, d);
  batch[1].date = day("2022-07-01");
  batch[2].domain = "fire";
  batch[2].drill_type = "fire.evacuation";
  batch[2].fields.clear();
  {
    Transaction tx(db_.session());
    drills.addBatch(batch);
    tx.commit();
  }
  DrillFilter f;
  EXPECT_EQ(drills.count(f), 4);
  f.domain = "flood";
  f.from = day("2023-01-01");
  EXPECT_EQ(drills.count(f), 2);
  f.org_ids = {city_};
  EXPECT_EQ(drills.count(f), 0);
  DrillFilter page;
  page.limit = 2;
  auto first = drills.list(page);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_GE(first[0].date, first[1].date);  // newest first
}

TEST_F(RepositoriesTest, FailedTransactionWritesNothing) {
  OrganisationRepository orgs(db_.session());
  const int before = orgs.count();
  {
    Transaction tx(db_.session());
    sdk::Organisation a;
    a.code = "a";
    a.name = "甲";
    a.kind = sdk::OrgKind::Enterprise;
    a.parent_id = city_;
    orgs.add(a, actor_);  // joins the outer transaction
    sdk::Organisation dup = a;
    EXPECT_THROW(orgs.add(dup, actor_), Poco::Exception);  // UNIQUE(code)
  }  // rolled back: neither row stays
  EXPECT_EQ(orgs.count(), before);
  EXPECT_FALSE(orgs.findByCode("a").has_value());
}

}  // namespace
}  // namespace beacon::store
