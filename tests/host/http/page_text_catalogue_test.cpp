// The web's one catalogue of wording (http/page_text.h, issue #14 §3): every
// phrase has a zh-CN and an English text under one key, the Chinese texts use
// full-width GB/T 15834 punctuation, and placeholders are filled in order.
#include <gtest/gtest.h>

#include <set>

#include "http/page_text.h"

namespace beacon::http {
namespace {

bool asciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The first ASCII , : ; ( ) ? ! in `zh` that is not inside a code or number
// (web.metrics_allow, 1,000, 08:30: an ASCII letter or digit on both sides); npos when none.
std::size_t halfWidthPunctuation(const std::string& zh) {
  for (std::size_t i = 0; i < zh.size(); ++i) {
    if (std::string(",:;()?!").find(zh[i]) == std::string::npos) continue;
    const bool in_code =
        i > 0 && i + 1 < zh.size() && asciiAlnum(zh[i - 1]) && asciiAlnum(zh[i + 1]);
    if (!in_code) return i;
  }
  return std::string::npos;
}

bool holdsChineseOrFullWidth(const std::string& text) {
  // Every CJK ideograph and full-width punctuation mark in UTF-8 starts with a byte 0xE3-0xEF.
  for (unsigned char c : text) {
    if (c >= 0xE3 && c <= 0xEF) return true;
  }
  return false;
}

TEST(PageTextCatalogueTest, EveryKeyIsUniqueAndHasAChineseAndAnEnglishText) {
  std::set<std::string> keys;
  ASSERT_FALSE(pagePhrases().empty());
  for (const auto& p : pagePhrases()) {
    EXPECT_TRUE(keys.insert(p.key).second) << "key twice: " << p.key;
    EXPECT_NE(std::string(p.zh), "") << p.key;
    EXPECT_NE(std::string(p.en), "") << p.key;
    EXPECT_EQ(pageWord(p.key, false), p.zh);
    EXPECT_EQ(pageWord(p.key, true), p.en);
  }
}

TEST(PageTextCatalogueTest, ChineseTextsUseFullWidthPunctuation) {
  for (const auto& p : pagePhrases()) {
    const std::size_t at = halfWidthPunctuation(p.zh);
    EXPECT_EQ(at, std::string::npos)
        << p.key << ": ASCII '" << p.zh[at == std::string::npos ? 0 : at] << "' in “" << p.zh
        << "”";
  }
}

TEST(PageTextCatalogueTest, EnglishTextsHoldNoChinese) {
  for (const auto& p : pagePhrases()) {
    EXPECT_FALSE(holdsChineseOrFullWidth(p.en)) << p.key << ": " << p.en;
  }
}

TEST(PageTextCatalogueTest, TheCheckFindsAHalfWidthMarkButNotACode) {
  EXPECT_NE(halfWidthPunctuation("乡镇(街道)"), std::string::npos);
  EXPECT_NE(halfWidthPunctuation("保存成功!"), std::string::npos);
  EXPECT_NE(halfWidthPunctuation("文件: a.csv"), std::string::npos);
  EXPECT_EQ(halfWidthPunctuation("指标仅对 web.metrics_allow 开放，08:30 起"), std::string::npos);
}

TEST(PageTextCatalogueTest, PlaceholdersAreFilledInOrder) {
  EXPECT_EQ(pageWord("refuse_plan_has_no_version", false, {"XM-1", "3"}), "预案 XM-1 没有第3版");
  EXPECT_EQ(pageWord("refuse_plan_has_no_version", true, {"XM-1", "3"}),
            "plan XM-1 has no version 3");
  // A phrase may leave out an argument its other language names.
  EXPECT_EQ(pageWord("refuse_organisation_outside_scope", false, {"xinmi.chengguan", "城关镇"}),
            "单位 城关镇 不在您的管辖范围内");
  EXPECT_EQ(pageWord("refuse_organisation_outside_scope", true, {"xinmi.chengguan", "城关镇"}),
            "organisation xinmi.chengguan is outside your scope");
  EXPECT_EQ(pageWord("no_such_key", false, {"x"}), "");
}

}  // namespace
}  // namespace beacon::http
