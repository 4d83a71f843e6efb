// A second county-level city's data (巩义市, not the demo's 新密市) through
// every output: nothing of the demo city appears anywhere, the filing notes
// name the city's own government, and the Chinese outputs use full-width
// punctuation (GB/T 15834).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "build_paths.h"
#include "render/template_registry.h"
#include "rules/check_report.h"
#include "rules/compliance_engine.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/record_parse.h"
#include "summary/summary_service.h"
#include "support/canonical_registry.h"
#include "support/docx_reader.h"
#include "support/test_database.h"

namespace beacon::summary {
namespace {

// Whether the UTF-8 character starting at `s[i]` is Chinese text (CJK ideographs or full-width marks).
bool cjkAt(const std::string& s, std::size_t i) {
  if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xF0) != 0xE0 || i + 2 >= s.size()) return false;
  const unsigned cp = ((s[i] & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
  return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xFF00 && cp <= 0xFFEF);
}
// Whether the character ending just before `i` is Chinese text.
bool cjkBefore(const std::string& s, std::size_t i) { return i >= 3 && cjkAt(s, i - 3); }

// Every half-width , ; : ( ) that touches Chinese text, with some context.
std::vector<std::string> halfWidthNextToChinese(const std::string& text) {
  std::vector<std::string> found;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != ',' && c != ';' && c != ':' && c != '(' && c != ')') continue;
    std::size_t after = i + 1;
    while (after < text.size() && text[after] == ' ') ++after;  // "标题: 内容"
    if (cjkBefore(text, i) || cjkAt(text, after)) {
      const std::size_t from = i < 24 ? 0 : i - 24;
      found.push_back(text.substr(from, 48));
    }
  }
  return found;
}

class SecondCityOutputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.migrate();
    testing::fillCanonicalRegistry(registry_);
    ASSERT_TRUE(templates_.load(std::string(BEACON_SOURCE_DIR) + "/templates", {}, "").isOk());
    auto cal = rules::HolidayCalendar::load(std::string(BEACON_SOURCE_DIR) + "/data/holidays/cn.csv");
    ASSERT_TRUE(cal.isOk());
    calendar_ = cal.value();
    auto config = rules::RulesConfig::fromValues({{"city.parent_authority", "郑州市"}});
    ASSERT_TRUE(config.isOk());
    config_ = config.value();
  }

  sdk::RecordId org(const std::string& code, const std::string& name, sdk::OrgKind kind, sdk::RecordId parent) {
    sdk::Organisation o;
    o.code = code;
    o.name = name;
    o.kind = kind;
    o.parent_id = parent;
    return store::OrganisationRepository(db_.session()).add(o, actor_);
  }
  sdk::RecordId plan(sdk::RecordId owner, const char* category, const char* issued, const char* domain = "general") {
    sdk::Plan p;
    p.code = "ZM-" + std::to_string(++seq_);
    p.title = "应急预案" + p.code;
    p.domain = domain;
    p.category = category;
    p.owner_org_id = owner;
    store::PlanRepository repo(db_.session());
    const auto id = repo.add(p, actor_);
    sdk::PlanVersion v;
    v.plan_id = id;
    v.action = sdk::VersionAction::Drafted;
    v.issued = *sdk::Date::parse(issued);
    v.text = "正文";
    repo.addVersion(v, actor_);
    return id;
  }
  sdk::RecordId drill(const std::string& type, sdk::RecordId org_id, const char* date) {
    sdk::Drill d;
    d.domain = type.substr(0, type.find('.'));
    d.drill_type = type;
    d.org_id = org_id;
    d.date = *sdk::Date::parse(date);
    d.place = "官渡镇广场";
    d.participants = 40;
    if (d.domain == "flood") d.fields["hazard"] = "flash_flood";
    return store::DrillRepository(db_.session()).add(d, actor_);
  }
  // A county-level city with a department, a township, a village and an enterprise, plans at each level
  // issued in 2023 and never filed (so the filing duties are overdue by 2024-06-30).
  void county(const std::string& name, sdk::OrgKind kind = sdk::OrgKind::City) {
    top_ = org("top", name, kind, 0);
    const auto bureau = org("top.yjj", name + "应急管理局", sdk::OrgKind::Department, top_);
    town_ = org("top.gd", "官渡镇", sdk::OrgKind::Township, top_);
    const auto village = org("top.gd.v1", "大孟村", sdk::OrgKind::Village, town_);
    org("top.gd.e1", "某化工企业", sdk::OrgKind::Enterprise, town_);
    plan(top_, sdk::category::kMaster, "2023-03-01");
    plan(bureau, sdk::category::kSpecial, "2023-04-01");
    plan(town_, sdk::category::kGrassroots, "2023-05-01", "flood");
    plan(village, sdk::category::kGrassroots, "2023-05-02", "flood");
    drill_ = drill("flood.evacuation", village, "2023-05-10");
    drill("fire.evacuation", town_, "2023-11-09");
  }

  std::string render(const std::string& kind, const std::string& format, bool english = false) {
    rules::ComplianceEngine engine(db_, registry_, config_, calendar_);
    SummaryService service(db_, registry_, templates_, &engine);
    SummaryRequest req;
    req.kind = kind;
    req.format = format;
    req.year = 2023;
    req.as_of = *sdk::Date::parse("2024-06-30");
    req.org_code = "top.gd";
    req.domain = "flood";
    req.drill_id = drill_;
    req.english = english;
    auto out = service.render(req);
    EXPECT_TRUE(out.isOk()) << kind << " " << format << ": " << out.status().describe();
    if (!out.isOk()) return std::string();
    if (format != "docx") return out.value();
    std::string text;
    for (const auto& p : testing::docxParagraphs(testing::unzipParts(out.value()).at("word/document.xml")))
      text += p + "\n";
    return text;
  }
  std::string checkText(bool json) {
    rules::ComplianceEngine engine(db_, registry_, config_, calendar_);
    rules::CheckQuery q;
    q.as_of = *sdk::Date::parse("2024-06-30");
    auto results = engine.check(q);
    EXPECT_TRUE(results.isOk());
    return json ? rules::formatCheckJson(results.value(), q, {}, {}, false)
                : rules::formatCheckText(results.value(), q, {}, {}, false);
  }

  // Every summary kind in every format, and the check in text and JSON, zh-CN.
  std::vector<std::pair<std::string, std::string>> everyOutput() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const char* kind : {"city-annual", "plan-status", "township", "domain", "drill-sheet"}) {
      for (const char* format : {"text", "markdown", "html", "json"}) {
        out.emplace_back(std::string(kind) + " " + format, render(kind, format));
      }
    }
    out.emplace_back("city-annual docx", render("city-annual", "docx"));
    out.emplace_back("check text", checkText(false));
    out.emplace_back("check json", checkText(true));
    return out;
  }

  testing::TestDatabase test_db_;  // SQLite :memory:, or a PostgreSQL schema (BEACON_TEST_DB_URI)
  store::Database db_{test_db_.uri()};
  plugins::PluginRegistry registry_;
  render::TemplateRegistry templates_;
  rules::HolidayCalendar calendar_;
  rules::RulesConfig config_;
  store::Actor actor_{"tester"};
  int seq_ = 0;
  sdk::RecordId top_ = 0, town_ = 0, drill_ = 0;
};

TEST_F(SecondCityOutputsTest, NoOutputOfAnotherCountyNamesTheDemoCity) {
  county("巩义市");
  bool filing_named = false;
  for (const auto& [name, text] : everyOutput()) {
    ASSERT_FALSE(text.empty()) << name;
    EXPECT_EQ(text.find("新密"), std::string::npos) << name << ":\n" << text;
    filing_named = filing_named || text.find("巩义市人民政府（送巩义市应急管理局）") != std::string::npos;
  }
  EXPECT_TRUE(filing_named);  // the township plan's filing note names the county's own government
}

TEST_F(SecondCityOutputsTest, ChineseOutputsHaveNoHalfWidthPunctuationNextToChinese) {
  county("巩义市");
  for (const auto& [name, text] : everyOutput()) {
    if (name.find(" html") != std::string::npos || name.find(" json") != std::string::npos) continue;
    for (const auto& hit : halfWidthNextToChinese(text)) ADD_FAILURE() << name << ": \"" << hit << "\"";
  }
}

// A 县 and a 区 name themselves as such in the annual text (全县 / 县级, 全区 / 区级);
// a 县级市 reads like the demo city (全市 / 市级).
class PlaceWordsTest : public SecondCityOutputsTest {
 protected:
  void expectWords(const char* name, sdk::OrgKind kind, const std::string& whole, const std::string& level) {
    county(name, kind);
    const std::string text = render("city-annual", "text");
    EXPECT_NE(text.find(whole + "共编制应急预案4部"), std::string::npos) << text;
    EXPECT_NE(text.find(level + "1部"), std::string::npos) << text;
    for (const std::string other : {"全县", "全区", "全市"}) {
      if (other != whole) {
        EXPECT_EQ(text.find(other), std::string::npos) << other << "\n" << text;
      }
    }
  }
};
TEST_F(PlaceWordsTest, County) { expectWords("中牟县", sdk::OrgKind::County, "全县", "县级"); }
TEST_F(PlaceWordsTest, District) { expectWords("二七区", sdk::OrgKind::District, "全区", "区级"); }
TEST_F(PlaceWordsTest, CountyLevelCity) { expectWords("巩义市", sdk::OrgKind::CountyCity, "全市", "市级"); }

TEST_F(SecondCityOutputsTest, CountyKindsAreReadInChineseAndEnglish) {
  EXPECT_EQ(store::parseOrgKind("县"), sdk::OrgKind::County);
  EXPECT_EQ(store::parseOrgKind("county_city"), sdk::OrgKind::CountyCity);
  EXPECT_EQ(store::parseOrgKind("区"), sdk::OrgKind::District);
  EXPECT_EQ(sdk::levelOf(sdk::OrgKind::District), sdk::PlanLevel::City);
  EXPECT_STREQ(sdk::labelZh(sdk::OrgKind::CountyCity), "县级市");
}

}  // namespace
}  // namespace beacon::summary
