// The kept form of compliance results (issue #13 §2: 413,650 ObligationResults of ~0.9 KB each
// held 401 MB per kept date): each row is a KeptRow pointing to its rule's texts, held once in the
// engine's RuleTable, with its note and last-met kind held once per chunk. What a row gives back
// must be exactly the result that went in, field by field, in the order the engine keeps.
#include "rules/result_builder.h"

#include <algorithm>
#include <map>
#include <random>
#include <tuple>

#include <gtest/gtest.h>

#include "support/obligation_text.h"

namespace beacon::rules {
namespace {

std::vector<ObligationResult> randomResults(unsigned seed, int n) {
  std::mt19937 random(seed);
  const char* notes[] = {"", "备案机关：新密市应急管理局", "汛期 2023-06-01 .. 2023-09-30",
                         "暂按周末推算，待公布节假日安排后更新"};
  const char* kinds[] = {"", "drill", "review", "filing", "version", "drill_evaluation"};
  std::vector<ObligationResult> rows(static_cast<std::size_t>(n));
  for (auto& r : rows) {
    sdk::Obligation& o = r.obligation;
    const int rule = static_cast<int>(random() % 5);
    o.rule_id = "core.rule" + std::to_string(rule);
    o.domain = rule % 2 ? "fire" : "flood";
    o.kind = static_cast<sdk::ObligationKind>(rule % 7);
    o.title_zh = "应急演练" + std::to_string(rule);
    o.title_en = random() % 8 ? "Drill " + std::to_string(rule) : "";
    o.citation = "《生产安全事故应急预案管理办法》第三十三条" + std::string(rule == 3 ? "※" : "");
    o.basis = random() % 3 ? sdk::RuleBasis::Law : sdk::RuleBasis::Policy;
    o.org_id = 1 + static_cast<sdk::RecordId>(random() % 6);
    o.plan_id = random() % 4 ? 100 + static_cast<sdk::RecordId>(random() % 50) : 0;
    o.due =
        sdk::Date{2023, 1 + static_cast<int>(random() % 12), 1 + static_cast<int>(random() % 28)};
    if (random() % 2) o.met_due = sdk::Date{2022, 12, 1 + static_cast<int>(random() % 28)};
    const char* kind = kinds[random() % 6];
    if (*kind) {
      o.last_met.kind = kind;
      o.last_met.id = 1 + static_cast<sdk::RecordId>(random() % 100000);
      o.last_met.date = sdk::Date{2023, 2, 1 + static_cast<int>(random() % 28)};
    }
    o.period_satisfied = random() % 2;
    o.applicable = random() % 5 != 0;
    o.note = random() % 10 == 0 ? "演练 #" + std::to_string(random() % 1000) + "（2023-03-01）"
                                : notes[random() % 4];
    r.status = static_cast<sdk::ObligationStatus>(random() % kObligationStatusCount);
    r.days_late =
        r.status == sdk::ObligationStatus::MetLate ? 1 + static_cast<long>(random() % 400) : 0;
  }
  return rows;
}

// Every field of a result, the ones describe() leaves out too.
std::string everything(const ObligationResult& r) {
  const sdk::Obligation& o = r.obligation;
  return testing::describe(r) + "|" + o.title_zh + "|" + o.title_en + "|" + sdk::toId(o.basis) +
         "|" + o.met_due.toString() + "|" + std::to_string(r.days_late);
}

TEST(ResultBuilderTest, AChunkGivesBackEveryFieldOfEveryResultInOrder) {
  const auto rows = randomResults(3, 4000);
  const ResultChunk chunk(rows);
  ASSERT_EQ(chunk.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ObligationRow row = chunk[i];
    ASSERT_EQ(everything(row.result()), everything(rows[i])) << "row " << i;
    EXPECT_EQ(row.note(), rows[i].obligation.note);
    EXPECT_EQ(row.lastMetKind(), rows[i].obligation.last_met.kind);
    EXPECT_EQ(row.hasLastMet(), rows[i].obligation.last_met.isSet());
    EXPECT_EQ(listedDue(row), listedDue(rows[i]));
  }
}

TEST(ResultBuilderTest, ChunksAreCutByOrganisationAndDomainInTheEnginesOrder) {
  auto rows = randomResults(8, 3000);
  RuleTable table;
  ResultBuilder builder(table);
  for (const auto& r : rows) builder.add(r.obligation, r.status, r.days_late);
  builder.keepOrganisations({1, 2, 3, 5});
  std::map<ResultBuilder::ChunkKey, ObligationChunk> chunks;
  builder.chunksInto(chunks);
  EXPECT_EQ(builder.size(), 0u);

  rows.erase(std::remove_if(rows.begin(), rows.end(),
                            [](const ObligationResult& r) {
                              return r.obligation.org_id == 4 || r.obligation.org_id == 6;
                            }),
             rows.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    const sdk::Obligation& a = x.obligation;
    const sdk::Obligation& b = y.obligation;
    return std::tie(a.org_id, a.domain, a.plan_id, a.rule_id) <
           std::tie(b.org_id, b.domain, b.plan_id, b.rule_id);
  });
  std::vector<std::string> got;
  for (const auto& [key, chunk] : chunks) {
    for (std::size_t i = 0; i < chunk->size(); ++i) {
      const ObligationRow row = (*chunk)[i];
      EXPECT_EQ(row.orgId(), key.first);
      EXPECT_EQ(row.domain(), key.second);
      got.push_back(everything(row.result()));
    }
  }
  std::vector<std::string> want;
  for (const auto& r : rows) want.push_back(everything(r));
  EXPECT_EQ(got, want);
}

TEST(ResultBuilderTest, RuleTextsAreHeldOnceAndRowsStayCompact) {
  const auto rows = randomResults(5, 20000);
  RuleTable table;
  ResultBuilder builder(table);
  for (const auto& r : rows) builder.add(r.obligation, r.status, r.days_late);
  std::map<ResultBuilder::ChunkKey, ObligationChunk> chunks;
  builder.chunksInto(chunks);
  // Five rules, each with or without title_en, by law or policy: at most 20 distinct texts
  // whatever the row count.
  EXPECT_LE(table.size(), 20u);
  std::size_t bytes = 0, n = 0;
  for (const auto& [key, chunk] : chunks) {
    bytes += chunk->bytes();
    n += chunk->size();
  }
  ASSERT_EQ(n, rows.size());
  // An ObligationResult is ~300 bytes before its strings' heap; a kept row with its tally ~100.
  EXPECT_LT(bytes / n, 128u) << bytes << " bytes for " << n << " rows";
  EXPECT_LT(sizeof(KeptRow), sizeof(ObligationResult) / 2);

  ObligationChunk kept = chunks.begin()->second;
  const std::string title = kept->front().titleZh();
  chunks.clear();
  table.prune();
  EXPECT_GE(table.size(), 1u) << "the texts a chunk still holds stay";
  EXPECT_EQ(kept->front().titleZh(), title);
  kept.reset();
  table.prune();
  EXPECT_EQ(table.size(), 0u);
}

}  // namespace
}  // namespace beacon::rules
