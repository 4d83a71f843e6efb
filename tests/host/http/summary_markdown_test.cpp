// Markdown summaries from /api/v1/summaries (issue 9, item 8): a value with
// a pipe, a line break or HTML stays one table cell on one line and shows as
// text (render/markdown_escape.h), in every Markdown summary.
#include <sstream>

#include <gtest/gtest.h>

#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

class SummaryMarkdownTest : public WebFixture {};

// Table rows of `markdown` whose text contains `needle`.
std::vector<std::string> linesWith(const std::string& markdown, const std::string& needle) {
  std::vector<std::string> out;
  std::istringstream in(markdown);
  for (std::string line; std::getline(in, line);) {
    if (line.find(needle) != std::string::npos) out.push_back(line);
  }
  return out;
}

// Pipes not escaped with a backslash.
int cellBorders(const std::string& line) {
  int n = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '|') {
      ++n;
    }
  }
  return n;
}

TEST_F(SummaryMarkdownTest, APlanTitleWithPipesLineBreaksAndScriptStaysOneCell) {
  Login admin = login("admin");
  Reply plan = send(
      admin, "POST", "/api/v1/plans",
      R"({"code":"MD-ESC-1","title":"防汛|预案\n# 第二行\r\n<script>alert(1)</script>","domain":"flood",)"
      R"("category":"special","owner":"xinmi.chengguan.04","version":{"issued":"2024-01-05","text":"正文"}})");
  ASSERT_EQ(plan.status, 201) << plan.body;
  Reply drill =
      send(admin, "POST", "/api/v1/drills",
           R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","plan":"MD-ESC-1",)"
           R"("date":"2024-05-01","place":"广场|东侧\n二号门","fields":{"hazard":"river"}})");
  ASSERT_EQ(drill.status, 201) << drill.body;
  Reply md = get(admin, "/api/v1/summaries?kind=drill-sheet&format=markdown&drill=" +
                            drill.json()->getValue<std::string>("id"));
  ASSERT_EQ(md.status, 200) << md.body;
  EXPECT_EQ(md.body.find("<script"), std::string::npos) << md.body;
  EXPECT_NE(md.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << md.body;
  EXPECT_EQ(md.body.find("\n# 第二行"), std::string::npos) << md.body;
  const auto plan_rows = linesWith(md.body, "MD-ESC-1");
  ASSERT_EQ(plan_rows.size(), 1u) << md.body;
  EXPECT_NE(plan_rows[0].find("防汛\\|预案 # 第二行 &lt;script&gt;"), std::string::npos)
      << plan_rows[0];
  EXPECT_EQ(cellBorders(plan_rows[0]), 3) << plan_rows[0];
  const auto place_rows = linesWith(md.body, "广场");
  ASSERT_EQ(place_rows.size(), 1u) << md.body;
  EXPECT_NE(place_rows[0].find("广场\\|东侧 二号门"), std::string::npos) << place_rows[0];
  EXPECT_EQ(cellBorders(place_rows[0]), 3) << place_rows[0];
  // The text and HTML forms keep their own escaping: text as typed, HTML entity-escaped.
  Reply html = get(admin, "/api/v1/summaries?kind=drill-sheet&format=html&drill=" +
                              drill.json()->getValue<std::string>("id"));
  EXPECT_EQ(html.body.find("<script>alert"), std::string::npos);
}

}  // namespace
}  // namespace beacon::http::testing
