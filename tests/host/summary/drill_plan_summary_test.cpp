// The drill-plan summary (年度演练计划执行情况): plan versus actual per
// organisation and domain, rolled up by township and city, as of a date.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "build_paths.h"
#include "render/template_registry.h"
#include "store/drill_plan_repository.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "summary/summary_archive.h"
#include "summary/summary_service.h"
#include "support/canonical_registry.h"
#include "support/docx_reader.h"
#include "support/test_database.h"

namespace beacon::summary {
namespace {

using Poco::JSON::Object;

class DrillPlanSummaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.migrate();
    testing::fillCanonicalRegistry(registry_);
    ASSERT_TRUE(templates_.load(std::string(BEACON_SOURCE_DIR) + "/templates", {}, "").isOk());
    city_ = org("xinmi", "新密市", sdk::OrgKind::City, 0);
    town_ = org("qlz", "曲梁镇", sdk::OrgKind::Township, city_);
    village_ = org("qlz.v1", "大樊庄村", sdk::OrgKind::Village, town_);
    firm_ = org("e001", "某耐火材料公司", sdk::OrgKind::Enterprise, city_);
    // The village plans flood evacuations in May and July and a fire drill in March.
    plan(village_, "2023-01-10",
         {{"flood.evacuation", 5}, {"flood.evacuation", 7}, {"fire.evacuation", 3}});
    plan(firm_, "2023-02-01", {{"enterprise_safety.comprehensive", 5}});
  }

  sdk::RecordId org(const std::string& code, const std::string& name, sdk::OrgKind kind,
                    sdk::RecordId parent) {
    sdk::Organisation o;
    o.code = code;
    o.name = name;
    o.kind = kind;
    o.parent_id = parent;
    return store::OrganisationRepository(db_.session()).add(o, actor_);
  }
  void plan(sdk::RecordId org_id, const char* made_on,
            const std::vector<std::pair<std::string, int>>& items) {
    store::DrillPlan p;
    p.org_id = org_id;
    p.year = 2023;
    p.made_on = *sdk::Date::parse(made_on);
    for (const auto& [type, month] : items) {
      store::DrillPlanItem item;
      item.drill_type = type;
      item.domain = type.substr(0, type.find('.'));
      item.month = month;
      p.items.push_back(item);
    }
    store::DrillPlanRepository(db_.session()).add(p, actor_);
  }
  sdk::RecordId drill(const std::string& type, sdk::RecordId org_id, const char* date) {
    sdk::Drill d;
    d.domain = type.substr(0, type.find('.'));
    d.drill_type = type;
    d.org_id = org_id;
    d.date = *sdk::Date::parse(date);
    if (d.domain == "flood") d.fields["hazard"] = "flash_flood";
    return store::DrillRepository(db_.session()).add(d, actor_);
  }
  SummaryRequest request(const char* as_of, const std::string& format = "json") {
    SummaryRequest r;
    r.kind = "drill-plan";
    r.year = 2023;
    r.as_of = *sdk::Date::parse(as_of);
    r.format = format;
    return r;
  }
  std::string render(const SummaryRequest& req) {
    SummaryService service(db_, registry_, templates_, nullptr);
    auto out = service.render(req);
    EXPECT_TRUE(out.isOk()) << out.status().describe();
    return out.isOk() ? out.value() : std::string();
  }
  Object::Ptr json(const char* as_of) {
    Poco::JSON::Parser parser;
    return parser.parse(render(request(as_of))).extract<Object::Ptr>();
  }
  static std::string counts(const Object::Ptr& o) {
    std::string out;
    for (const char* k : {"planned", "on_time", "late", "missing", "pending", "unplanned"})
      out += (out.empty() ? "" : " ") + std::to_string(o->getValue<int>(k));
    return out;
  }
  static Object::Ptr row(const Object::Ptr& data, const std::string& org,
                         const std::string& domain) {
    auto rows = data->getArray("organisations");
    for (std::size_t i = 0; i < rows->size(); ++i) {
      auto r = rows->getObject(static_cast<unsigned>(i));
      if (r->getValue<std::string>("organisation") == org &&
          r->getValue<std::string>("domain") == domain)
        return r;
    }
    ADD_FAILURE() << "no row " << org << " " << domain;
    return new Object;
  }

  testing::TestDatabase test_db_;  // SQLite :memory:, or a PostgreSQL schema (BEACON_TEST_DB_URI)
  store::Database db_{test_db_.uri()};
  plugins::PluginRegistry registry_;
  render::TemplateRegistry templates_;
  store::Actor actor_{"tester"};
  sdk::RecordId city_ = 0, town_ = 0, village_ = 0, firm_ = 0;
};

TEST_F(DrillPlanSummaryTest, HeldAsPlannedLateNotHeldPendingAndUnplanned) {
  drill("flood.evacuation", village_, "2023-05-20");   // May item: as planned
  drill("fire.evacuation", village_, "2023-04-02");    // March item: a month late
  drill("fire.tabletop", village_, "2023-06-01");      // no such item: not planned
  drill("forest_fire.tabletop", firm_, "2023-03-01");  // the firm planned no forest-fire drill
  const auto data = json("2023-06-30");
  // planned on_time late missing pending unplanned
  EXPECT_EQ(counts(row(data, "大樊庄村", "flood")), "2 1 0 0 1 0");  // July not over yet
  EXPECT_EQ(counts(row(data, "大樊庄村", "fire")), "1 0 1 0 0 1");
  EXPECT_EQ(counts(row(data, "某耐火材料公司", "enterprise_safety")),
            "1 0 0 1 0 0");  // May is over
  EXPECT_EQ(counts(row(data, "某耐火材料公司", "forest_fire")), "0 0 0 0 0 1");
  EXPECT_EQ(counts(data->getObject("total")), "4 1 1 1 1 2");
  // Held 2 of the 3 planned drills already due.
  EXPECT_EQ(data->getObject("total")->getValue<std::string>("done_rate"), "67%");

  // Rolled up: the village under its township, the firm among the city's own units, listed last.
  auto towns = data->getArray("townships");
  ASSERT_EQ(towns->size(), 2u);
  EXPECT_EQ(towns->getObject(0)->getValue<std::string>("township"), "曲梁镇");
  EXPECT_EQ(counts(towns->getObject(0)), "3 1 1 0 1 1");
  EXPECT_EQ(towns->getObject(1)->getValue<std::string>("township"), "市直单位");
  EXPECT_EQ(counts(towns->getObject(1)), "1 0 0 1 0 1");
}

TEST_F(DrillPlanSummaryTest, JulyItemTurnsNotHeldTheDayAfterTheMonth) {
  EXPECT_EQ(counts(row(json("2023-07-31"), "大樊庄村", "flood")), "2 0 0 1 1 0");
  EXPECT_EQ(counts(row(json("2023-08-01"), "大樊庄村", "flood")), "2 0 0 2 0 0");
}

TEST_F(DrillPlanSummaryTest, AReportAsOfADayIgnoresLaterDrillsAndPlans) {
  drill("flood.evacuation", village_, "2023-05-20");
  const std::string before = render(request("2023-06-30", "text"));
  drill("flood.evacuation", village_, "2023-07-15");  // held after the as-of day
  const auto other = org("qlz.v2", "另一村", sdk::OrgKind::Village, town_);
  plan(other, "2023-07-01", {{"flood.evacuation", 6}});  // made after the as-of day
  EXPECT_EQ(render(request("2023-06-30", "text")), before);
  EXPECT_NE(render(request("2023-12-31", "text")), render(request("2023-06-30", "text")));
  EXPECT_EQ(counts(row(json("2023-12-31"), "另一村", "flood")), "1 0 0 1 0 0");
}

TEST_F(DrillPlanSummaryTest, ArchivedAsSentAndCheckedAgainstTodaysData) {
  drill("flood.evacuation", village_, "2023-05-20");
  SummaryService service(db_, registry_, templates_, nullptr);
  SummaryArchive archive(db_, service);
  auto archived = archive.archive(request("2023-06-30", "markdown"), actor_);
  ASSERT_TRUE(archived.isOk()) << archived.status().describe();
  drill("flood.evacuation", village_, "2023-07-15");
  auto check = archive.check(archived.value().id);
  ASSERT_TRUE(check.isOk());
  EXPECT_TRUE(check.value().same_text);
}

TEST_F(DrillPlanSummaryTest, ChineseFirstEnglishOnRequestEveryFormat) {
  drill("flood.evacuation", village_, "2023-05-20");
  const std::string text = render(request("2023-06-30", "text"));
  EXPECT_NE(text.find("新密市2023年度演练计划执行情况"), std::string::npos) << text;
  EXPECT_NE(text.find("按计划完成"), std::string::npos);
  EXPECT_NE(text.find("市直单位"), std::string::npos);
  const std::string md = render(request("2023-06-30", "markdown"));
  EXPECT_NE(md.find("| 曲梁镇 | 3 | 1 | 0 | 1 | 1 | 0 | 50% |"), std::string::npos) << md;
  const std::string html = render(request("2023-06-30", "html"));
  EXPECT_NE(html.find("<table id=\"drill-plan-townships\">"), std::string::npos);
  const auto parts = testing::unzipParts(render(request("2023-06-30", "docx")));
  ASSERT_EQ(parts.count("word/document.xml"), 1u);
  const std::string document = parts.at("word/document.xml");
  EXPECT_NO_THROW(testing::docxParagraphs(document));
  EXPECT_NE(document.find("<w:tbl>"), std::string::npos);
  EXPECT_NE(document.find("<w:t>曲梁镇</w:t>"), std::string::npos);
  EXPECT_NE(document.find("<w:t>50%</w:t>"), std::string::npos);
  SummaryRequest en = request("2023-06-30", "text");
  en.english = true;
  const std::string english = render(en);
  EXPECT_NE(english.find("Held as planned"), std::string::npos) << english;
  EXPECT_EQ(english.find("按计划完成"), std::string::npos);
}

TEST_F(DrillPlanSummaryTest, ScopedToATownshipAndADomain) {
  drill("flood.evacuation", village_, "2023-05-20");
  SummaryRequest req = request("2023-12-31");
  req.org_code = "qlz";
  req.domain = "flood";
  Poco::JSON::Parser parser;
  const auto data = parser.parse(render(req)).extract<Object::Ptr>();
  EXPECT_EQ(data->getValue<std::string>("scope"), "曲梁镇");
  EXPECT_EQ(counts(data->getObject("total")), "2 1 0 1 0 0");
  EXPECT_EQ(data->getArray("organisations")->size(), 1u);
}

TEST_F(DrillPlanSummaryTest, BadRequestsNameTheField) {
  SummaryService service(db_, registry_, templates_, nullptr);
  SummaryRequest req = request("2023-12-31");
  req.org_code = "nowhere";
  auto out = service.render(req);
  ASSERT_FALSE(out.isOk());
  EXPECT_EQ(out.status().field(), "org_code");
  EXPECT_NE(out.status().message().find("没有编码为 nowhere 的单位"), std::string::npos);
  req = request("2023-12-31");
  req.domain = "tsunami";
  EXPECT_EQ(service.render(req).status().field(), "domain");
  req = request("2023-12-31");
  req.year = 1800;
  EXPECT_EQ(service.render(req).status().field(), "year");
}

}  // namespace
}  // namespace beacon::summary
