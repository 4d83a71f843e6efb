#include "render/docx_package.h"

#include <filesystem>
#include <fstream>

#include <Poco/Exception.h>
#include <gtest/gtest.h>

#include "support/scratch_tree.h"

#include "support/docx_reader.h"

namespace beacon::render {
namespace {

namespace fs = std::filesystem;
using kainjow::mustache::data;

const char* const kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
const char* const kRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>";
const char* const kDocument =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    "<w:p><w:r><w:t>{{title}}</w:t></w:r></w:p>"
    "{{#paragraphs}}<w:p><w:r><w:t xml:space=\"preserve\">{{text}}</w:t></w:r></w:p>{{/paragraphs}}"
    "</w:body></w:document>";

class DocxPackageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write("builtin/report.docx/[Content_Types].xml.mustache", kContentTypes);
    write("builtin/report.docx/_rels/.rels.mustache", kRels);
    write("builtin/report.docx/word/document.xml.mustache", kDocument);
    write("builtin/report.txt.mustache", "{{title}}");
  }
  void write(const fs::path& relative, const std::string& text) { tree_.write(relative, text); }
  std::string dir(const std::string& name) const { return tree_.dir(name); }
  beacon::testing::ScratchTree tree_{"beacon_docx_"};
  const fs::path& root_ = tree_.root();
};

TEST_F(DocxPackageTest, ZipsEveryPartContentTypesFirstWithXmlEscaping) {
  TemplateRegistry registry;
  ASSERT_TRUE(registry.load(dir("builtin"), {}, "").isOk());
  EXPECT_EQ(docxPackages(registry), std::vector<std::string>{"report.docx/"});
  ASSERT_TRUE(validateDocxPackage(registry, "report.docx/").isOk());

  data values{"title", "A & B <C> \"D\" 'E'"};
  data paragraphs{data::type::list};
  paragraphs.push_back(data{"text", "第一段\x01"});
  paragraphs.push_back(data{"text", "第二段 <b>"});
  values.set("paragraphs", paragraphs);
  auto docx = renderDocx(registry, "report.docx/", values);
  ASSERT_TRUE(docx.isOk()) << docx.status().describe();
  EXPECT_EQ(testing::firstZipEntry(docx.value()), "[Content_Types].xml");
  const auto parts = testing::unzipParts(docx.value());
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts.at("_rels/.rels"), kRels);
  const auto text = testing::docxParagraphs(parts.at("word/document.xml"));
  EXPECT_EQ(text, (std::vector<std::string>{"A & B <C> \"D\" 'E'", "第一段", "第二段 <b>"}));
  // The same records give the same bytes.
  EXPECT_EQ(renderDocx(registry, "report.docx/", values).value(), docx.value());
}

TEST_F(DocxPackageTest, SiteOverrideReplacesOnePart) {
  write("site/report.docx/word/document.xml.mustache",
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:body><w:p><w:r><w:t>SITE {{title}}</w:t></w:r></w:p></w:body></w:document>");
  TemplateRegistry registry;
  ASSERT_TRUE(registry.load(dir("builtin"), {}, dir("site")).isOk());
  auto docx = renderDocx(registry, "report.docx/", data{"title", "T"});
  ASSERT_TRUE(docx.isOk());
  const auto parts = testing::unzipParts(docx.value());
  EXPECT_EQ(testing::docxParagraphs(parts.at("word/document.xml")), std::vector<std::string>{"SITE T"});
  EXPECT_EQ(parts.at("_rels/.rels"), kRels);
}

TEST_F(DocxPackageTest, ValidationNamesAMissingPartOrABadlyFormedOne) {
  write("site/report.docx/word/styles.xml.mustache", "<w:styles><w:style></w:styles>");
  TemplateRegistry registry;
  ASSERT_TRUE(registry.load(dir("builtin"), {}, dir("site")).isOk());
  const sdk::Status bad = validateDocxPackage(registry, "report.docx/");
  ASSERT_FALSE(bad.isOk());
  EXPECT_NE(bad.field().find("styles.xml.mustache"), std::string::npos) << bad.describe();
  EXPECT_NE(bad.message().find("XML"), std::string::npos) << bad.describe();

  fs::remove(root_ / "builtin/report.docx/_rels/.rels.mustache");
  fs::remove(root_ / "site/report.docx/word/styles.xml.mustache");
  ASSERT_TRUE(registry.load(dir("builtin"), {}, "").isOk());
  const sdk::Status missing = validateDocxPackage(registry, "report.docx/");
  ASSERT_FALSE(missing.isOk());
  EXPECT_EQ(missing.field(), "report.docx/_rels/.rels");
}

TEST_F(DocxPackageTest, AFolderWithoutAPackageIsRefused) {
  TemplateRegistry registry;
  ASSERT_TRUE(registry.load(dir("builtin"), {}, "").isOk());
  auto docx = renderDocx(registry, "other.docx/", data{});
  ASSERT_FALSE(docx.isOk());
  EXPECT_EQ(docx.status().field(), "other.docx/");
}

}  // namespace
}  // namespace beacon::render
