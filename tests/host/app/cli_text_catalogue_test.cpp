// The CLI's one catalogue of wording (app/cli_text.h, issue #14 §3): every
// phrase has a zh-CN and an English text under one key, the Chinese texts use
// full-width GB/T 15834 punctuation, and cliWord fills placeholders in order.
#include <gtest/gtest.h>

#include <set>

#include "app/cli_text.h"

namespace beacon::app {
namespace {

// A character of a code, an option's syntax or a number (ID:HASH, DRILL_TYPE:MONTH[:PLAN_CODE],
// 1,000).
bool codeCharacter(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         std::string("_[]<>.=-").find(c) != std::string::npos;
}

// The first ASCII , : ; ( ) ? ! in `zh` that is neither inside a code (a code character on both
// sides) nor quoted as typed ("…" or `…`); npos when none.
std::size_t halfWidthPunctuation(const std::string& zh) {
  char quote = 0;
  for (std::size_t i = 0; i < zh.size(); ++i) {
    if (quote) {
      if (zh[i] == quote) quote = 0;
      continue;
    }
    if (zh[i] == '"' || zh[i] == '`') {
      quote = zh[i];
      continue;
    }
    if (std::string(",:;()?!").find(zh[i]) == std::string::npos) continue;
    const bool in_code =
        i > 0 && i + 1 < zh.size() && codeCharacter(zh[i - 1]) && codeCharacter(zh[i + 1]);
    if (!in_code) return i;
  }
  return std::string::npos;
}

TEST(CliTextCatalogueTest, EveryKeyIsUniqueAndHasAChineseAndAnEnglishText) {
  std::set<std::string> keys;
  ASSERT_FALSE(cliPhrases().empty());
  for (const auto& p : cliPhrases()) {
    EXPECT_TRUE(keys.insert(p.key).second) << "key twice: " << p.key;
    EXPECT_NE(std::string(p.zh), "") << p.key;
    EXPECT_NE(std::string(p.en), "") << p.key;
    EXPECT_EQ(cliWord(p.key, false), p.zh);
    EXPECT_EQ(cliWord(p.key, true), p.en);
  }
}

TEST(CliTextCatalogueTest, ChineseTextsUseFullWidthPunctuation) {
  for (const auto& p : cliPhrases()) {
    const std::size_t at = halfWidthPunctuation(p.zh);
    EXPECT_EQ(at, std::string::npos)
        << p.key << ": ASCII '" << p.zh[at == std::string::npos ? 0 : at] << "' in “" << p.zh
        << "”";
  }
}

TEST(CliTextCatalogueTest, TheCheckFindsHalfWidthPunctuationOutsideCodes) {
  EXPECT_EQ(halfWidthPunctuation("版本:"), 6u);
  EXPECT_EQ(halfWidthPunctuation("已添加预案 T-1 (#8)"), 20u);
  EXPECT_EQ(halfWidthPunctuation("应为 verify 输出的 ID:HASH（编号和哈希）"), std::string::npos);
  EXPECT_EQ(halfWidthPunctuation("请求时使用 \"Authorization: Bearer <令牌>\""), std::string::npos);
}

TEST(CliTextCatalogueTest, PlaceholdersAreFilledInEachLanguage) {
  EXPECT_EQ(cliWord("plan_added", false, {"XM-1", "7"}), "已添加预案 XM-1（#7）");
  EXPECT_EQ(cliWord("plan_added", true, {"XM-1", "7"}), "added plan XM-1 (#7)");
  EXPECT_EQ(cliWord("drill_plan_item_voided", false, {"admin", "2023-05-01", "重复"}),
            "（已作废：重复；admin，2023-05-01）");
  EXPECT_EQ(cliWord("no_such_phrase", false), "");
}

}  // namespace
}  // namespace beacon::app
