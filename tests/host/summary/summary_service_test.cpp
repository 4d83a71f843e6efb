#include "summary/summary_service.h"

#include <filesystem>
#include <fstream>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "demo/xinmi_demo.h"
#include "render/template_registry.h"
#include "rules/compliance_engine.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/review_repository.h"
#include "store/revision_triggers.h"
#include "store/transaction.h"
#include "support/canonical_registry.h"

using namespace Poco::Data::Keywords;

#include "support/seed_sentences.h"
#include "build_paths.h"
#include "support/test_database.h"

namespace beacon::summary {
namespace {

using testing::kSeedDrillSentence;
using testing::kSeedPlanSentence;

class SummaryFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.migrate();
    testing::fillCanonicalRegistry(registry_);
    ASSERT_TRUE(templates_.load(std::string(BEACON_SOURCE_DIR) + "/templates", {}, "").isOk());
  }
  sdk::RecordId org(const std::string& code, sdk::OrgKind kind, sdk::RecordId parent) {
    store::OrganisationRepository repo(db_.session());
    sdk::Organisation o;
    o.code = code;
    o.name = code;
    o.kind = kind;
    o.parent_id = parent;
    return repo.add(o, actor_);
  }
  sdk::RecordId plan(sdk::RecordId owner, const std::string& domain = "general") {
    store::PlanRepository repo(db_.session());
    sdk::Plan p;
    p.code = "P" + std::to_string(++seq_);
    p.title = "预案" + p.code;
    p.domain = domain;
    p.category = sdk::category::kSpecial;
    p.owner_org_id = owner;
    return repo.add(p, actor_);
  }
  sdk::RecordId version(sdk::RecordId plan_id, sdk::VersionAction action, const std::string& issued) {
    store::PlanRepository repo(db_.session());
    sdk::PlanVersion v;
    v.plan_id = plan_id;
    v.action = action;
    v.trigger = action == sdk::VersionAction::Revised ? store::trigger::kOwnerDiscretion : "";
    v.issued = *sdk::Date::parse(issued);
    return repo.addVersion(v, actor_);
  }
  void evaluation(sdk::RecordId plan_id, const std::string& date) {
    store::ReviewRepository repo(db_.session());
    sdk::Review r;
    r.plan_id = plan_id;
    r.kind = sdk::ReviewKind::Evaluation;
    r.date = *sdk::Date::parse(date);
    repo.add(r, actor_);
  }
  sdk::RecordId drill(const std::string& type, sdk::RecordId org_id, const std::string& date) {
    store::DrillRepository repo(db_.session());
    sdk::Drill d;
    d.domain = type.substr(0, type.find('.'));
    d.drill_type = type;
    d.org_id = org_id;
    d.date = *sdk::Date::parse(date);
    if (d.domain == "flood") d.fields["hazard"] = "flash_flood";
    return repo.add(d, actor_);
  }
  std::string render(SummaryRequest req, rules::ComplianceEngine* engine = nullptr) {
    SummaryService service(db_, registry_, templates_, engine);
    auto out = service.render(req);
    EXPECT_TRUE(out.isOk()) << out.status().describe();
    return out.isOk() ? out.value() : std::string();
  }
  std::string annualText(int year) {
    SummaryRequest req;
    req.kind = "city-annual";
    req.year = year;
    req.format = "text";
    return render(req);
  }

  testing::TestDatabase test_db_;  // SQLite :memory:, or a PostgreSQL schema (BEACON_TEST_DB_URI)
  store::Database db_{test_db_.uri()};
  plugins::PluginRegistry registry_;
  render::TemplateRegistry templates_;
  store::Actor actor_{"tester"};
  int seq_ = 0;
};

TEST_F(SummaryFixture, CityAnnualSentencesFollowTheRecords) {
  const auto city = org("city", sdk::OrgKind::City, 0);
  const auto dept = org("dept", sdk::OrgKind::Department, city);
  const auto town = org("town", sdk::OrgKind::Township, city);
  const auto sub = org("sub", sdk::OrgKind::SubDistrict, city);
  const auto village = org("village", sdk::OrgKind::Village, town);

  const auto p1 = plan(city);
  version(p1, sdk::VersionAction::Drafted, "2023-03-01");
  const auto p2 = plan(dept);
  version(p2, sdk::VersionAction::Drafted, "2022-03-01");
  version(p2, sdk::VersionAction::Revised, "2023-04-01");
  version(p2, sdk::VersionAction::Revised, "2023-09-01");  // one plan, counted once
  const auto p3 = plan(town);
  version(p3, sdk::VersionAction::Drafted, "2021-03-01");
  const auto r3 = version(p3, sdk::VersionAction::Revised, "2023-05-01");
  const auto p4 = plan(sub);
  version(p4, sdk::VersionAction::Drafted, "2021-03-01");
  version(p4, sdk::VersionAction::Revised, "2023-05-02");
  evaluation(p2, "2023-02-01");
  evaluation(p2, "2022-02-01");
  drill("flood.evacuation", village, "2023-05-01");
  drill("flood.evacuation", village, "2023-06-01");
  drill("fire.evacuation", village, "2023-11-09");
  drill("fire.tabletop", village, "2023-11-10");
  drill("enterprise_safety.on_site", village, "2022-12-31");

  std::string text = annualText(2023);
  EXPECT_NE(text.find("全市共编制应急预案1部，其中市级1部；修订应急预案3部，其中部门1部、乡镇2部；"
                      "对1部应急预案开展评估，其中部门1部。"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("组织开展防汛、人员疏散演练2场次，消防演练2场次。"), std::string::npos) << text;

  // More records change the figures; a village level appears.
  const auto p5 = plan(village, "flood");
  version(p5, sdk::VersionAction::Drafted, "2020-03-01");
  version(p5, sdk::VersionAction::Revised, "2023-03-15");
  drill("flood.comprehensive", city, "2023-05-26");
  text = annualText(2023);
  EXPECT_NE(text.find("修订应急预案4部，其中部门1部、乡镇2部、村（社区）1部；"), std::string::npos) << text;
  EXPECT_NE(text.find("组织开展防汛综合演练1场次，防汛、人员疏散演练2场次，消防演练2场次。"), std::string::npos)
      << text;

  // Removing the township revision drops 乡镇 to one; removing the other drops the level.
  db_.session() << "DELETE FROM plan_versions WHERE id = $1", bind(static_cast<Poco::Int64>(r3)), now;
  text = annualText(2023);
  EXPECT_NE(text.find("修订应急预案3部，其中部门1部、乡镇1部、村（社区）1部；"), std::string::npos) << text;
  db_.session() << "DELETE FROM plan_versions WHERE plan_id = $1 AND action = 'revised'",
      bind(static_cast<Poco::Int64>(p4)), now;
  text = annualText(2023);
  EXPECT_NE(text.find("修订应急预案2部，其中部门1部、村（社区）1部；"), std::string::npos) << text;
  db_.session() << "DELETE FROM drills WHERE drill_type LIKE 'fire.%'", now;
  text = annualText(2023);
  EXPECT_NE(text.find("组织开展防汛综合演练1场次，防汛、人员疏散演练2场次。"), std::string::npos) << text;
  EXPECT_EQ(text.find("消防演练"), std::string::npos);

  // Another year has its own figures.
  text = annualText(2022);
  EXPECT_NE(text.find("全市共编制应急预案1部，其中部门1部；修订应急预案0部；对1部应急预案开展评估，其中部门1部。"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("组织开展重点生产经营单位演练1场次。"), std::string::npos) << text;
}

TEST_F(SummaryFixture, UnknownDrillTypesAreCountedUnderTheirId) {
  const auto city = org("city", sdk::OrgKind::City, 0);
  drill("earthquake.evacuation", city, "2023-05-12");
  EXPECT_NE(annualText(2023).find("组织开展earthquake.evacuation1场次。"), std::string::npos);
}

TEST_F(SummaryFixture, BadRequestsNameTheField) {
  SummaryService service(db_, registry_, templates_, nullptr);
  SummaryRequest req;
  req.kind = "city-annual";
  req.year = 2023;
  req.format = "pdf";
  EXPECT_EQ(service.render(req).status().field(), "format");
  req.format = "text";
  req.kind = "weekly";
  EXPECT_EQ(service.render(req).status().field(), "kind");
  req.kind = "city-annual";
  req.year = 0;
  EXPECT_EQ(service.render(req).status().field(), "year");
  req.kind = "township";
  req.as_of = {2023, 12, 31};
  EXPECT_EQ(service.render(req).status().field(), "org_code");
  req.org_code = "nope";
  EXPECT_EQ(service.render(req).status().field(), "org_code");
  req.kind = "domain";
  req.domain = "volcano";
  EXPECT_EQ(service.render(req).status().field(), "domain");
  req.kind = "drill-sheet";
  req.drill_id = 999;
  EXPECT_EQ(service.render(req).status().field(), "drill_id");
}

class DemoSummaryTest : public SummaryFixture {
 protected:
  void SetUp() override {
    SummaryFixture::SetUp();
    sdk::Status s = demo::loadDemo(db_, registry_, "xinmi-2023", actor_);
    ASSERT_TRUE(s.isOk()) << s.describe();
  }
};

TEST_F(DemoSummaryTest, CityAnnualReproducesTheReportVerbatim) {
  const std::string text = annualText(2023);
  EXPECT_NE(text.find(kSeedPlanSentence), std::string::npos) << text;
  EXPECT_NE(text.find(kSeedDrillSentence), std::string::npos) << text;
  EXPECT_NE(text.find("示例数据"), std::string::npos);

  SummaryRequest req;
  req.kind = "city-annual";
  req.year = 2023;
  req.format = "markdown";
  const std::string md = render(req);
  EXPECT_NE(md.find(kSeedPlanSentence), std::string::npos);
  EXPECT_NE(md.find("| 防汛、人员疏散演练 | 1015 |"), std::string::npos) << md;

  req.format = "html";
  const std::string html = render(req);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find(kSeedDrillSentence), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);

  req.english = true;
  req.format = "text";
  const std::string en = render(req);
  EXPECT_NE(en.find("drafted 11 emergency plans (City: 5, Department: 6)"), std::string::npos) << en;
  EXPECT_NE(en.find("flood and evacuation drills: 1015"), std::string::npos) << en;

  req.english = false;
  req.format = "json";
  Poco::JSON::Parser parser;
  auto json = parser.parse(render(req)).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(json->getObject("revised")->getValue<int>("total"), 403);
  EXPECT_EQ(json->getValue<int>("drills_total"), 1015 + 1 + 217 + 6 + 1124);
  EXPECT_EQ(json->getValue<std::string>("sentence_plans"), kSeedPlanSentence);
}

TEST_F(DemoSummaryTest, PlanStatusWithoutEngineSaysSo) {
  SummaryRequest req;
  req.kind = "plan-status";
  req.as_of = {2023, 12, 31};
  req.format = "html";
  const std::string html = render(req);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("合规引擎未接入"), std::string::npos);
  req.format = "json";
  Poco::JSON::Parser parser;
  auto json = parser.parse(render(req)).extract<Poco::JSON::Object::Ptr>();
  EXPECT_FALSE(json->getValue<bool>("engine_available"));
  EXPECT_EQ(json->getArray("coverage")->size(), 17u);
  int plans = 0;
  db_.session() << "SELECT COUNT(*) FROM plans", into(plans), now;
  EXPECT_EQ(json->getValue<int>("plans_total"), plans);
}

TEST_F(DemoSummaryTest, PlanStatusWithEngineListsOverdueDuties) {
  auto calendar = rules::HolidayCalendar::load(std::string(BEACON_SOURCE_DIR) + "/data/holidays/cn.csv");
  ASSERT_TRUE(calendar.isOk()) << calendar.status().describe();
  rules::RulesConfig config;
  rules::ComplianceEngine engine(db_, registry_, config, calendar.value());
  SummaryRequest req;
  req.kind = "plan-status";
  req.as_of = {2023, 12, 31};
  req.format = "json";
  Poco::JSON::Parser parser;
  auto json = parser.parse(render(req, &engine)).extract<Poco::JSON::Object::Ptr>();
  EXPECT_TRUE(json->getValue<bool>("engine_available"));
  EXPECT_GT(json->getValue<int>("overdue_total"), 0);
  auto first = json->getArray("overdue")->getObject(0);
  EXPECT_FALSE(first->getValue<std::string>("citation").empty());
  EXPECT_FALSE(first->getValue<std::string>("organisation").empty());
  req.format = "text";
  const std::string text = render(req, &engine);
  EXPECT_NE(text.find("逾期事项"), std::string::npos);
}

TEST_F(DemoSummaryTest, TownshipAndDomainAreScoped) {
  SummaryRequest req;
  req.kind = "township";
  req.org_code = "xinmi.micun";
  req.as_of = {2023, 12, 31};
  req.format = "json";
  Poco::JSON::Parser parser;
  auto town = parser.parse(render(req)).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(town->getValue<std::string>("scope"), "米村镇");
  ASSERT_EQ(town->getArray("coverage")->size(), 1u);
  auto row = town->getArray("coverage")->getObject(0);
  int units = 0;
  db_.session() << "SELECT COUNT(*) FROM organisations o JOIN organisations t ON t.id = o.parent_id"
                   " WHERE t.code = 'xinmi.micun'",
      into(units), now;
  EXPECT_EQ(row->getValue<int>("units"), units);

  req.kind = "domain";
  req.domain = "flood";
  auto flood = parser.parse(render(req)).extract<Poco::JSON::Object::Ptr>();
  int flood_plans = 0;
  db_.session() << "SELECT COUNT(*) FROM plans WHERE domain = 'flood'", into(flood_plans), now;
  EXPECT_EQ(flood->getValue<int>("plans_total"), flood_plans);
  EXPECT_EQ(flood->getArray("coverage_domains")->size(), 1u);
}

TEST_F(DemoSummaryTest, DrillSheetShowsFieldsPlanAndActions) {
  Poco::Int64 id = 0;
  db_.session() << "SELECT source_id FROM corrective_actions ORDER BY id LIMIT 1", into(id), now;
  ASSERT_NE(id, 0);
  SummaryRequest req;
  req.kind = "drill-sheet";
  req.drill_id = id;
  req.format = "html";
  const std::string html = render(req);
  EXPECT_NE(html.find("应急演练记录"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("针对演练发现问题"), std::string::npos);
  EXPECT_NE(html.find("差"), std::string::npos);  // the verdict of a drill with actions

  Poco::Int64 flood_id = 0;
  db_.session() << "SELECT id FROM drills WHERE drill_type = 'flood.evacuation' AND fields LIKE '%flash_flood%'"
                   " AND plan_id IS NOT NULL LIMIT 1",
      into(flood_id), now;
  req.drill_id = flood_id;
  req.format = "text";
  const std::string text = render(req);
  EXPECT_NE(text.find("灾害类型：山洪"), std::string::npos) << text;
  EXPECT_NE(text.find("第"), std::string::npos) << text;
}

TEST_F(SummaryFixture, SiteOverrideRewordsTheSummary) {
  const std::string dir = ::testing::TempDir() + "beacon_summary_override";
  std::filesystem::create_directories(dir + "/summary");
  std::ofstream(dir + "/summary/city_annual.txt.mustache") << "OVERRIDE {{drills_total}}";
  render::TemplateRegistry templates;
  ASSERT_TRUE(templates.load(std::string(BEACON_SOURCE_DIR) + "/templates", {}, dir).isOk());
  const auto city = org("city", sdk::OrgKind::City, 0);
  drill("fire.evacuation", city, "2023-11-09");
  SummaryService service(db_, registry_, templates, nullptr);
  SummaryRequest req;
  req.kind = "city-annual";
  req.year = 2023;
  req.format = "text";
  EXPECT_EQ(service.render(req).value(), "OVERRIDE 1");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace beacon::summary
