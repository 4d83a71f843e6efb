#include "summary/summary_docx.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "demo/xinmi_demo.h"
#include "render/docx_package.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "summary/summary_service.h"
#include "support/canonical_registry.h"
#include "support/docx_reader.h"

#include "support/seed_sentences.h"
#include "build_paths.h"
#include "support/test_database.h"

namespace beacon::summary {
namespace {

using testing::kSeedDrillSentence;
using testing::kSeedPlanSentence;

class SummaryDocxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.migrate();
    testing::fillCanonicalRegistry(registry_);
    ASSERT_TRUE(templates_.load(std::string(BEACON_SOURCE_DIR) + "/templates", {}, "").isOk());
  }
  sdk::Result<std::string> render(const std::string& kind, const std::string& format,
                                  const render::TemplateRegistry* templates = nullptr) {
    SummaryService service(db_, registry_, templates ? *templates : templates_, nullptr);
    SummaryRequest req;
    req.kind = kind;
    req.year = 2023;
    req.as_of = {2023, 12, 31};
    req.org_code = "xinmi.micun";
    req.domain = "flood";
    req.drill_id = 1;
    req.format = format;
    return service.render(req);
  }
  sdk::RecordId city(const std::string& name) {
    sdk::Organisation o;
    o.code = "city";
    o.name = name;
    o.kind = sdk::OrgKind::City;
    return store::OrganisationRepository(db_.session()).add(o, actor_);
  }

  testing::TestDatabase test_db_;  // SQLite :memory:, or a PostgreSQL schema (BEACON_TEST_DB_URI)
  store::Database db_{test_db_.uri()};
  plugins::PluginRegistry registry_;
  render::TemplateRegistry templates_;
  store::Actor actor_{"tester"};
};

TEST_F(SummaryDocxTest, BuiltInPackageIsValid) {
  const std::vector<std::string> packages = {"summary/city_annual.docx/",
                                             "summary/drill_plan.docx/"};
  EXPECT_EQ(render::docxPackages(templates_), packages);
  for (const auto& package : packages) {
    const sdk::Status valid = render::validateDocxPackage(templates_, package);
    EXPECT_TRUE(valid.isOk()) << package << ": " << valid.describe();
  }
}

TEST_F(SummaryDocxTest, DemoAnnualTextIsAWordDocumentWithBothSentencesVerbatim) {
  ASSERT_TRUE(demo::loadDemo(db_, registry_, "xinmi-2023", actor_).isOk());
  auto docx = render("city-annual", "docx");
  ASSERT_TRUE(docx.isOk()) << docx.status().describe();
  EXPECT_EQ(testing::firstZipEntry(docx.value()), "[Content_Types].xml");
  const auto parts = testing::unzipParts(docx.value());
  for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
                           "word/styles.xml", "word/footer1.xml", "docProps/core.xml"}) {
    ASSERT_EQ(parts.count(part), 1u) << part;
    EXPECT_NO_THROW(testing::docxParagraphs(parts.at(part))) << part << " is not well-formed XML";
  }
  const std::vector<std::string> paragraphs = testing::docxParagraphs(parts.at("word/document.xml"));
  ASSERT_GE(paragraphs.size(), 3u);
  EXPECT_EQ(paragraphs.front(), "新密市2023年应急预案和应急演练工作情况");
  EXPECT_NE(std::find(paragraphs.begin(), paragraphs.end(), kSeedPlanSentence), paragraphs.end());
  EXPECT_NE(std::find(paragraphs.begin(), paragraphs.end(), kSeedDrillSentence), paragraphs.end());

  // One <w:p> per paragraph of the text format, in order, after the title.
  auto text = render("city-annual", "text");
  ASSERT_TRUE(text.isOk());
  std::vector<std::string> expected = {paragraphs.front()};
  for (const auto& p : textParagraphs(text.value(), paragraphs.front())) expected.push_back(p);
  EXPECT_EQ(paragraphs, expected);

  // Official-document layout: title 黑体 centred, body 仿宋 indented two characters.
  const std::string& styles = parts.at("word/styles.xml");
  EXPECT_NE(styles.find("w:eastAsia=\"仿宋\""), std::string::npos);
  EXPECT_NE(styles.find("w:eastAsia=\"黑体\""), std::string::npos);
  EXPECT_NE(styles.find("w:firstLineChars=\"200\""), std::string::npos);
  EXPECT_NE(styles.find("<w:jc w:val=\"center\"/>"), std::string::npos);
  EXPECT_NE(parts.at("word/document.xml").find("<w:pStyle w:val=\"BodyText\"/>"), std::string::npos);
  EXPECT_NE(parts.at("docProps/core.xml").find("<dc:title>新密市2023年"), std::string::npos);
}

TEST_F(SummaryDocxTest, TextIsXmlEscaped) {
  city("新密市<R&D>\"甲\"'乙'");
  auto docx = render("city-annual", "docx");
  ASSERT_TRUE(docx.isOk()) << docx.status().describe();
  const auto parts = testing::unzipParts(docx.value());
  const auto paragraphs = testing::docxParagraphs(parts.at("word/document.xml"));
  ASSERT_FALSE(paragraphs.empty());
  EXPECT_EQ(paragraphs.front(), "新密市<R&D>\"甲\"'乙'2023年应急预案和应急演练工作情况");
  EXPECT_NE(parts.at("word/document.xml").find("新密市&lt;R&amp;D&gt;&quot;甲&quot;&apos;乙&apos;2023年"),
            std::string::npos);
}

TEST_F(SummaryDocxTest, SiteOverrideOfTheDocumentTemplateChangesTheDocument) {
  const std::string dir = ::testing::TempDir() + "beacon_docx_override";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir + "/summary/city_annual.docx/word");
  std::ofstream(dir + "/summary/city_annual.docx/word/document.xml.mustache")
      << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
         "<w:p><w:r><w:t>新密市应急管理局</w:t></w:r></w:p>"
         "<w:p><w:r><w:t>演练合计{{drills_total}}场次</w:t></w:r></w:p>"
         "</w:body></w:document>";
  render::TemplateRegistry templates;
  ASSERT_TRUE(templates.load(std::string(BEACON_SOURCE_DIR) + "/templates", {}, dir).isOk());
  ASSERT_TRUE(render::validateDocxPackage(templates, "summary/city_annual.docx/").isOk());
  const auto id = city("新密市");
  sdk::Drill d;
  d.domain = "fire";
  d.drill_type = "fire.evacuation";
  d.org_id = id;
  d.date = {2023, 11, 9};
  store::DrillRepository(db_.session()).add(d, actor_);
  auto docx = render("city-annual", "docx", &templates);
  ASSERT_TRUE(docx.isOk()) << docx.status().describe();
  const auto parts = testing::unzipParts(docx.value());
  EXPECT_EQ(testing::docxParagraphs(parts.at("word/document.xml")),
            (std::vector<std::string>{"新密市应急管理局", "演练合计1场次"}));
  // The other parts are still the built-in ones.
  EXPECT_NE(parts.at("word/styles.xml").find("仿宋"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_F(SummaryDocxTest, DocxForAnotherKindIsRefusedNamingFormat) {
  for (const char* kind : {"plan-status", "township", "domain", "drill-sheet"}) {
    auto out = render(kind, "docx");
    ASSERT_FALSE(out.isOk()) << kind;
    EXPECT_EQ(out.status().field(), "format") << kind;
    EXPECT_NE(out.status().message().find("text, markdown, html or json"), std::string::npos)
        << out.status().describe();
  }
  EXPECT_EQ(render("weekly", "docx").status().field(), "kind");
  EXPECT_EQ(render("city-annual", "pdf").status().field(), "format");
}

TEST(TextParagraphsTest, OneParagraphPerNonBlankLineWithoutTheTitle) {
  EXPECT_EQ(textParagraphs("标题\n\n第一段。  \n第二段。\n\n\n注:示例。\n", "标题"),
            (std::vector<std::string>{"第一段。", "第二段。", "注:示例。"}));
  EXPECT_EQ(textParagraphs("\n别的标题\n正文\r\n", "标题"), (std::vector<std::string>{"别的标题", "正文"}));
  EXPECT_TRUE(textParagraphs("", "标题").empty());
}

}  // namespace
}  // namespace beacon::summary
