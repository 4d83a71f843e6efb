#include "service/line_diff.h"

#include <gtest/gtest.h>

namespace beacon::service {
namespace {

TEST(LineDiffTest, EqualTextsGiveNothing) { EXPECT_EQ(lineDiff("a\nb\n", "a\nb\n", "v1", "v2"), ""); }

TEST(LineDiffTest, ShowsRemovedAndAddedLinesWithContext) {
  const std::string from = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
  const std::string to = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n";
  // The two changes are 5 lines apart (<= 2*3), so they share one hunk.
  EXPECT_EQ(lineDiff(from, to, "v1", "v2"), "--- v1\n+++ v2\n@@ -2,9 +2,10 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n 9\n 10\n+11\n");
}

TEST(LineDiffTest, DistantChangesGetSeparateHunks) {
  std::string from, to;
  for (int i = 1; i <= 20; ++i) {
    from += std::to_string(i) + "\n";
    to += (i == 2 ? std::string("two") : i == 18 ? std::string("eighteen") : std::to_string(i)) + "\n";
  }
  const std::string d = lineDiff(from, to, "a", "b", 1);
  EXPECT_EQ(d, "--- a\n+++ b\n@@ -1,3 +1,3 @@\n 1\n-2\n+two\n 3\n@@ -17,3 +17,3 @@\n 17\n-18\n+eighteen\n 19\n");
}

TEST(LineDiffTest, FromEmpty) {
  EXPECT_EQ(lineDiff("", "x\ny\n", "a", "b"), "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n");
}

}  // namespace
}  // namespace beacon::service
