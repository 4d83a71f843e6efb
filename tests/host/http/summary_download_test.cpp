// GET /api/v1/summaries and the summaries page with format=docx: the annual
// text as a Word document with its content type and file name; docx for
// another kind is a 400 naming format.
#include <gtest/gtest.h>

#include "support/docx_reader.h"
#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

const std::string kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

class SummaryDownloadTest : public WebFixture {};

TEST_F(SummaryDownloadTest, AnnualTextDownloadsAsAWordDocument) {
  Login admin = login("admin");
  Reply docx = get(admin, "/api/v1/summaries?kind=city-annual&year=2023&format=docx");
  ASSERT_EQ(docx.status, 200) << docx.body.substr(0, 400);
  EXPECT_EQ(docx.content_type, kDocxType);
  EXPECT_EQ(docx.headers["Content-Disposition"].rfind("attachment; filename=\"xinmi-city-annual-2023.docx\"; filename*=UTF-8''", 0), 0u);
  const auto parts = beacon::testing::unzipParts(docx.body);
  ASSERT_EQ(parts.count("word/document.xml"), 1u);
  const auto paragraphs = beacon::testing::docxParagraphs(parts.at("word/document.xml"));
  ASSERT_FALSE(paragraphs.empty());
  EXPECT_EQ(paragraphs.front(), "新密市2023年应急预案和应急演练工作情况");

  Reply refused = get(admin, "/api/v1/summaries?kind=plan-status&as_of=2023-12-31&format=docx");
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.errorField(), "format");
  EXPECT_NE(refused.body.find("plan-status 可选 text、markdown、html 或 json"), std::string::npos)
      << refused.body;
  Reply refused_en =
      get(admin, "/api/v1/summaries?kind=plan-status&as_of=2023-12-31&format=docx&lang=en");
  EXPECT_NE(refused_en.body.find("text, markdown, html or json"), std::string::npos)
      << refused_en.body;

  Reply page = get(admin, "/summaries?kind=city-annual&year=2023&format=docx");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<option value=\"docx\" selected>Word 文档（DOCX）</option>"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"summary-download\" href=\"/api/v1/summaries?kind=city-annual&amp;year=2023"
                           "&amp;format=docx&amp;download=1\""),
            std::string::npos)
      << page.body.substr(page.body.find("<main>"));
  EXPECT_NE(page.body.find("新密市2023年应急预案和应急演练工作情况"), std::string::npos);  // the text preview
}

}  // namespace
}  // namespace beacon::http::testing
