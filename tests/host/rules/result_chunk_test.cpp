// ResultChunk owns its tally (issue #13: the tallies were memoised in a
// process-wide map keyed by the chunk's address): computed when the chunk is
// built, equal to a walk over its rows, one per chunk, and the pages read it
// through the chunk (counts and listed positions).
#include "rules/result_chunk.h"

#include <random>

#include <gtest/gtest.h>

#include "rules/obligation_page.h"
#include "rules/obligation_set.h"

namespace beacon::rules {
namespace {

std::vector<ObligationResult> randomRows(unsigned seed, int n) {
  std::mt19937 random(seed);
  std::vector<ObligationResult> rows(static_cast<std::size_t>(n));
  for (auto& r : rows) {
    r.obligation.kind = static_cast<sdk::ObligationKind>(random() % kObligationKindCount);
    r.status = static_cast<sdk::ObligationStatus>(random() % kObligationStatusCount);
    r.obligation.due = sdk::Date{2023, 1 + static_cast<int>(random() % 12), 1};
  }
  return rows;
}

TEST(ResultChunkTest, TallyIsTheWalkOfItsOwnRows) {
  const auto rows = randomRows(7, 500);
  const ResultChunk chunk(rows);
  ASSERT_EQ(chunk.size(), rows.size());
  for (std::size_t k = 0; k < kObligationKindCount; ++k) {
    for (std::size_t s = 0; s < kObligationStatusCount; ++s) {
      const auto walked = std::count_if(rows.begin(), rows.end(), [&](const ObligationResult& r) {
        return static_cast<std::size_t>(r.obligation.kind) == k &&
               static_cast<std::size_t>(r.status) == s;
      });
      EXPECT_EQ(chunk.tally().counts[k][s], walked) << "kind " << k << " status " << s;
    }
  }
  for (auto status : {sdk::ObligationStatus::Overdue, sdk::ObligationStatus::DueSoon,
                      sdk::ObligationStatus::MetLate}) {
    std::vector<std::uint32_t> at;
    for (std::uint32_t i = 0; i < rows.size(); ++i)
      if (rows[i].status == status) at.push_back(i);
    EXPECT_EQ(*chunk.tally().positions(status), at);
  }
  EXPECT_EQ(chunk.tally().positions(sdk::ObligationStatus::Met), nullptr);
}

TEST(ResultChunkTest, EachChunkCountsItsOwnRowsThroughTheSet) {
  auto a = std::make_shared<const ResultChunk>(randomRows(1, 300));
  auto b = std::make_shared<const ResultChunk>(randomRows(2, 200));
  const ObligationSet set({a, b});
  StatusCounts total;
  for (const auto& chunk : set.chunks()) {
    const StatusCounts c = countOf(chunk, std::nullopt);
    total.overdue += c.overdue;
    EXPECT_EQ(c.overdue, chunk->tally().count(sdk::ObligationStatus::Overdue));
  }
  ObligationPageQuery q;
  q.statuses = {sdk::ObligationStatus::Overdue};
  q.limit = 1000;
  const ObligationPage page = pageOf(set, q);
  EXPECT_EQ(page.total, static_cast<std::size_t>(total.overdue));
  for (const auto& r : page.rows) EXPECT_EQ(r.status(), sdk::ObligationStatus::Overdue);
  // A replaced chunk (a new one built from other rows) has its own tally, whatever the memory.
  a.reset();
  auto c = std::make_shared<const ResultChunk>(std::vector<ObligationResult>{});
  EXPECT_EQ(c->tally().count(sdk::ObligationStatus::Overdue), 0);
}

TEST(ResultChunkTest, PageOfAHugeLimitDoesNotOverflow) {
  const ObligationSet set({std::make_shared<const ResultChunk>(randomRows(3, 50))});
  ObligationPageQuery q;
  q.statuses = {sdk::ObligationStatus::Overdue};
  q.offset = 1;
  q.limit = std::numeric_limits<std::size_t>::max();
  const ObligationPage page = pageOf(set, q);
  ASSERT_GT(page.total, 1u);
  EXPECT_EQ(page.rows.size(), page.total - 1);
}

}  // namespace
}  // namespace beacon::rules
