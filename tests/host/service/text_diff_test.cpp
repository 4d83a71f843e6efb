// TextDiff and myersDiff: the unified-diff text, section grouping, changed
// characters inside changed lines (whole UTF-8 characters), and the edit
// script's minimality against a brute-force LCS on random inputs.
#include "service/text_diff.h"

#include <random>

#include <gtest/gtest.h>

#include "service/myers_diff.h"

namespace beacon::service {
namespace {

std::string diffText(const std::string& from, const std::string& to, const std::string& a = "v1",
                     const std::string& b = "v2", int context = 3) {
  return diffTexts(from, to, a, b, context).toText();
}

TEST(TextDiffTest, EqualTextsGiveNothing) {
  EXPECT_EQ(diffText("a\nb\n", "a\nb\n"), "");
  EXPECT_TRUE(diffTexts("a\nb\n", "a\nb\n", "v1", "v2").empty());
}

TEST(TextDiffTest, EmptyInputs) {
  EXPECT_EQ(diffText("", ""), "");
  EXPECT_EQ(diffText("", "x\ny\n", "a", "b"), "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n");
  EXPECT_EQ(diffText("x\ny\n", "", "a", "b"), "--- a\n+++ b\n@@ -1,2 +0,0 @@\n-x\n-y\n");
}

TEST(TextDiffTest, ShowsRemovedAndAddedLinesWithContext) {
  const std::string from = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
  const std::string to = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n";
  // The two changes are 5 lines apart (<= 2*3), so they share one hunk; "5"
  // and "five" share no character, so the line is replaced whole.
  EXPECT_EQ(diffText(from, to),
            "--- v1\n+++ v2\n@@ -2,9 +2,10 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n 9\n 10\n+11\n");
}

TEST(TextDiffTest, DistantChangesGetSeparateHunks) {
  std::string from, to;
  for (int i = 1; i <= 20; ++i) {
    from += std::to_string(i) + "\n";
    to += (i == 2    ? std::string("two")
           : i == 18 ? std::string("eighteen")
                     : std::to_string(i)) +
          "\n";
  }
  EXPECT_EQ(diffText(from, to, "a", "b", 1),
            "--- a\n+++ b\n@@ -1,3 +1,3 @@\n 1\n-2\n+two\n 3\n@@ -17,3 +17,3 @@\n "
            "17\n-18\n+eighteen\n 19\n");
}

TEST(TextDiffTest, AllDifferent) {
  const TextDiff d = diffTexts("甲\n乙\n丙\n", "子\n丑\n", "a", "b");
  EXPECT_EQ(d.toText(), "--- a\n+++ b\n@@ -1,3 +1,2 @@\n-甲\n-乙\n-丙\n+子\n+丑\n");
  ASSERT_EQ(d.hunks.size(), 1u);
  for (const auto& l : d.hunks[0].lines)
    EXPECT_TRUE(l.segments.empty()) << "nothing in common to mark";
}

TEST(TextDiffTest, AOneWordChangeMarksOnlyTheChangedCharacters) {
  const TextDiff d = diffTexts("第一章 总则\n各乡镇每年至少组织一次防汛演练。\n",
                               "第一章 总则\n各乡镇每年至少组织两次防汛演练。\n", "v1", "v2");
  EXPECT_EQ(d.toText(),
            "--- v1\n+++ v2\n@@ -1,2 +1,2 @@ 第一章 总则\n 第一章 "
            "总则\n-各乡镇每年至少组织[-一-]次防汛演练。\n"
            "+各乡镇每年至少组织{+两+}次防汛演练。\n");
  const auto& removed = d.hunks.at(0).lines.at(1);
  ASSERT_EQ(removed.segments.size(), 3u);
  EXPECT_EQ(removed.segments[1].text, "一");
  EXPECT_TRUE(removed.segments[1].changed);
  EXPECT_FALSE(removed.segments[0].changed);
}

TEST(TextDiffTest, CharactersThatShareLeadingBytesAreMarkedWhole) {
  // 一 is E4 B8 80 and 丁 is E4 B8 81: a byte diff would mark only the last byte.
  const TextDiff d = diffTexts("甲乙一丙丁戊\n", "甲乙丁丙丁戊\n", "a", "b");
  const auto& lines = d.hunks.at(0).lines;
  ASSERT_EQ(lines.size(), 2u);
  ASSERT_EQ(lines[0].segments.size(), 3u);
  EXPECT_EQ(lines[0].segments[1].text, "一");
  EXPECT_EQ(lines[1].segments[1].text, "丁");
  EXPECT_EQ(lines[0].segments[0].text + lines[0].segments[1].text + lines[0].segments[2].text,
            "甲乙一丙丁戊");
}

TEST(TextDiffTest, InvalidUtf8BytesPassThroughUnchanged) {
  std::vector<std::size_t> at;
  const auto units = utf8Units("a\xff\xe4\xb8", &at);
  EXPECT_EQ(units, (std::vector<std::uint32_t>{'a', 0x110000u + 0xff, 0x110000u + 0xe4,
                                               0x110000u + 0xb8}));
  EXPECT_EQ(at.back(), 4u);
  EXPECT_EQ(utf8Units("一"), (std::vector<std::uint32_t>{0x4e00}));
  const TextDiff d = diffTexts(
      "ab\xff"
      "cd\n",
      "ab\xfe"
      "cd\n",
      "a", "b");
  EXPECT_EQ(d.toText(), "--- a\n+++ b\n@@ -1,1 +1,1 @@\n-ab[-\xff-]cd\n+ab{+\xfe+}cd\n");
}

TEST(TextDiffTest, RecognisesSectionHeadings) {
  EXPECT_TRUE(isSectionHeading("第三章 应急响应"));
  EXPECT_TRUE(isSectionHeading("  第十二章　附则"));
  EXPECT_TRUE(isSectionHeading("第2节 预警"));
  EXPECT_TRUE(isSectionHeading("3.2 预警发布"));
  EXPECT_TRUE(isSectionHeading("1.1编制目的"));
  EXPECT_TRUE(isSectionHeading("4.2.1 响应启动"));
  EXPECT_TRUE(isSectionHeading("1 总则"));
  EXPECT_FALSE(isSectionHeading("第三条 县防指负责全县防汛工作。")) << "an article, not a section";
  EXPECT_FALSE(isSectionHeading("1.5米以上积水路段禁止通行。"));
  EXPECT_FALSE(isSectionHeading("2024"));
  EXPECT_FALSE(isSectionHeading("各乡镇每年组织一次演练"));
  EXPECT_FALSE(isSectionHeading(""));
}

TEST(TextDiffTest, ChangesAreGroupedByTheirSection) {
  const std::string from =
      "第一章 总则\n1.1 编制目的\n目的甲\n1.2 适用范围\n范围乙\n第二章 组织体系\n指挥部丙\n";
  const std::string to =
      "第一章 总则\n1.1 编制目的\n目的甲改\n1.2 适用范围\n范围乙\n第二章 组织体系\n指挥部丁\n";
  const TextDiff d = diffTexts(from, to, "v1", "v2");
  // The changes are three lines apart and would share one hunk, but lie in two sections.
  ASSERT_EQ(d.hunks.size(), 2u) << d.toText();
  EXPECT_EQ(d.hunks[0].section, "1.1 编制目的");
  EXPECT_EQ(d.hunks[1].section, "第二章 组织体系");
  EXPECT_EQ(d.toText(),
            "--- v1\n+++ v2\n@@ -2,2 +2,2 @@ 1.1 编制目的\n 1.1 编制目的\n-目的甲\n+目的甲{+改+}\n"
            "@@ -6,2 +6,2 @@ 第二章 组织体系\n 第二章 组织体系\n-指挥部[-丙-]\n+指挥部{+丁+}\n");
}

// The script's edits, applied to a, give b; returns the number of edits.
std::size_t applyScript(const std::vector<DiffRun>& runs, const std::vector<std::uint32_t>& a,
                        const std::vector<std::uint32_t>& b) {
  std::vector<std::uint32_t> out;
  std::size_t edits = 0, i = 0, j = 0;
  for (const auto& r : runs) {
    EXPECT_GT(r.count, 0u);
    EXPECT_EQ(r.a_start, i);
    EXPECT_EQ(r.b_start, j);
    if (r.tag == DiffTag::Equal) {
      for (std::size_t k = 0; k < r.count; ++k) {
        EXPECT_EQ(a.at(i + k), b.at(j + k));
        out.push_back(a.at(i + k));
      }
      i += r.count;
      j += r.count;
    } else if (r.tag == DiffTag::Delete) {
      i += r.count;
      edits += r.count;
    } else {
      for (std::size_t k = 0; k < r.count; ++k) out.push_back(b.at(j + k));
      j += r.count;
      edits += r.count;
    }
  }
  EXPECT_EQ(i, a.size());
  EXPECT_EQ(out, b);
  return edits;
}

// The insert/delete edit distance by the quadratic LCS table.
std::size_t bruteForceDistance(const std::vector<std::uint32_t>& a,
                               const std::vector<std::uint32_t>& b) {
  std::vector<std::vector<std::size_t>> lcs(a.size() + 1,
                                            std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  return a.size() + b.size() - 2 * lcs[0][0];
}

TEST(MyersDiffTest, RandomSmallCasesAreShortestEditScripts) {
  std::mt19937 rng(20261201);
  for (int round = 0; round < 3000; ++round) {
    const std::uint32_t alphabet = 1 + rng() % 4;
    std::vector<std::uint32_t> a(rng() % 13), b(rng() % 13);
    for (auto& x : a) x = rng() % alphabet;
    for (auto& x : b) x = rng() % alphabet;
    const auto runs = myersDiff(a, b);
    ASSERT_EQ(applyScript(runs, a, b), bruteForceDistance(a, b)) << "round " << round;
  }
}

TEST(MyersDiffTest, ALargeRandomRevisionIsAShortestEditScript) {
  std::mt19937 rng(7);
  std::vector<std::uint32_t> a(1500);
  for (auto& x : a) x = rng() % 300;  // repeated lines, as a plan has
  std::vector<std::uint32_t> b;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const unsigned roll = rng() % 100;
    if (roll < 3) continue;                        // removed
    if (roll < 6) b.push_back(1000 + rng() % 50);  // added
    b.push_back(roll < 9 ? rng() % 300 : a[i]);    // changed or kept
  }
  const auto runs = myersDiff(a, b);
  EXPECT_EQ(applyScript(runs, a, b), bruteForceDistance(a, b));
}

}  // namespace
}  // namespace beacon::service
