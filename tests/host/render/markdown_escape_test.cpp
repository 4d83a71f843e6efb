#include "render/markdown_escape.h"

#include <gtest/gtest.h>

namespace beacon::render {
namespace {

TEST(MarkdownEscapeTest, TableCellsStayOneCellOnOneLine) {
  EXPECT_EQ(markdownEscape("a|b"), "a\\|b");
  EXPECT_EQ(markdownEscape("line 1\nline 2\r\nline 3\rline 4\tend"),
            "line 1 line 2 line 3 line 4 end");
  EXPECT_EQ(markdownEscape(std::string("nul\0bell\a del\x7f", 15)), "nulbell del");
}

TEST(MarkdownEscapeTest, HtmlShowsAsText) {
  EXPECT_EQ(markdownEscape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(markdownEscape("&lt; &#60; A & B"), "&amp;lt; &amp;#60; A & B");
}

TEST(MarkdownEscapeTest, InlineAndLineStartMarkupIsEscaped) {
  EXPECT_EQ(markdownEscape("*bold* _em_ `code` [link](x) ~~del~~ back\\slash"),
            "\\*bold\\* \\_em\\_ \\`code\\` \\[link\\](x) \\~\\~del\\~\\~ back\\\\slash");
  EXPECT_EQ(markdownEscape("# heading"), "\\# heading");
  EXPECT_EQ(markdownEscape("> quote"), "&gt; quote");
  EXPECT_EQ(markdownEscape("- item"), "\\- item");
  EXPECT_EQ(markdownEscape("+ item"), "\\+ item");
  EXPECT_EQ(markdownEscape("=== "), "\\=== ");
  EXPECT_EQ(markdownEscape("12. item"), "12\\. item");
  EXPECT_EQ(markdownEscape("3) item"), "3\\) item");
}

TEST(MarkdownEscapeTest, OrdinaryTextIsUnchanged) {
  for (const std::string plain : {"", "新密市防汛应急预案(2023 年修订)", "2023-12-31", "3.5", "45%",
                                  "XM-12 第2版", "a-b + c = d"}) {
    EXPECT_EQ(markdownEscape(plain), plain);
  }
}

}  // namespace
}  // namespace beacon::render
