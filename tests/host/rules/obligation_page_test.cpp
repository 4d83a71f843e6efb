// pageOf merges the chunks' kept due-ordered positions and takes only the first offset + limit
// rows (issue #13: the dashboard sorted every listed obligation of the city per request, 62 % of
// its CPU). Each page must be exactly the page of the plain definition: every matching row in
// the engine's order, stably sorted by due date (or organisation name, then due date), cut at
// offset and limit; the total is the number that matched.
#include "rules/obligation_page.h"

#include <algorithm>
#include <random>

#include <gtest/gtest.h>

namespace beacon::rules {
namespace {

constexpr sdk::ObligationStatus kAll[] = {
    sdk::ObligationStatus::Met,           sdk::ObligationStatus::DueSoon,
    sdk::ObligationStatus::Overdue,       sdk::ObligationStatus::Upcoming,
    sdk::ObligationStatus::NotApplicable, sdk::ObligationStatus::MetLate};

// Few distinct due dates, so ties (kept in engine order) are common.
std::vector<ObligationResult> rowsOf(std::mt19937& random, sdk::RecordId org, int n) {
  std::vector<ObligationResult> rows(static_cast<std::size_t>(n));
  for (auto& r : rows) {
    r.obligation.org_id = org;
    r.obligation.kind = static_cast<sdk::ObligationKind>(random() % kObligationKindCount);
    r.obligation.rule_id = random() % 2 ? "core.a" : "core.b";
    r.status = kAll[random() % kObligationStatusCount];
    r.obligation.due =
        sdk::Date{2023, 1 + static_cast<int>(random() % 4), 1 + static_cast<int>(random() % 3)};
    if (random() % 2)
      r.obligation.met_due = sdk::Date{2022, 12, 1 + static_cast<int>(random() % 28)};
  }
  return rows;
}

std::string nameOf(sdk::RecordId id) { return "org" + std::to_string(id % 7); }  // shared names

// The page by definition: filter in engine order, stable sort, cut.
ObligationPage reference(const ObligationSet& set, const ObligationPageQuery& q) {
  std::vector<ObligationRow> rows;
  for (const ObligationRow r : set) {
    if (!q.statuses.empty() &&
        std::find(q.statuses.begin(), q.statuses.end(), r.status()) == q.statuses.end())
      continue;
    if (q.kind && r.kind() != *q.kind) continue;
    if (!q.rule.empty() && r.ruleId() != q.rule) continue;
    if (q.due_to.isSet() && q.due_to < listedDue(r)) continue;
    rows.push_back(r);
  }
  if (q.order == ObligationOrder::Due) {
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return listedDue(a) < listedDue(b); });
  } else if (q.order == ObligationOrder::Organisation) {
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      const std::string na = nameOf(a.orgId()), nb = nameOf(b.orgId());
      if (na != nb) return na < nb;
      return listedDue(a) < listedDue(b);
    });
  }
  ObligationPage page;
  page.total = rows.size();
  for (std::size_t i = q.offset; i < rows.size() && page.rows.size() < q.limit; ++i) {
    page.rows.push_back(rows[i]);
  }
  return page;
}

TEST(ObligationPageTest, TallyKeepsEachStatusInChunkAndInDueOrder) {
  std::mt19937 random(11);
  const ResultChunk chunk(rowsOf(random, 1, 400));
  for (auto s : kAll) {
    const auto& in_order = chunk.tally().inOrder(s);
    const auto& by_due = chunk.tally().byDue(s);
    EXPECT_TRUE(std::is_sorted(in_order.begin(), in_order.end()));
    for (auto at : in_order) EXPECT_EQ(chunk[at].status(), s);
    EXPECT_EQ(static_cast<int>(in_order.size()), chunk.tally().count(s));
    ASSERT_EQ(by_due.size(), in_order.size());
    EXPECT_TRUE(std::is_permutation(by_due.begin(), by_due.end(), in_order.begin()));
    for (std::size_t i = 1; i < by_due.size(); ++i) {
      const sdk::Date a = listedDue(chunk[by_due[i - 1]]), b = listedDue(chunk[by_due[i]]);
      ASSERT_FALSE(b < a) << "position " << i;
      if (!(a < b)) {
        EXPECT_LT(by_due[i - 1], by_due[i]) << "a tie keeps chunk order";
      }
    }
  }
}

TEST(ObligationPageTest, EveryQueryGivesThePageOfItsDefinition) {
  std::mt19937 random(5);
  std::vector<ObligationChunk> chunks;
  for (sdk::RecordId org = 1; org <= 30; ++org) {
    for (int domain = 0; domain < 2; ++domain) {
      chunks.push_back(std::make_shared<const ResultChunk>(
          rowsOf(random, org, static_cast<int>(random() % 60))));
    }
  }
  const ObligationSet set(chunks);
  ASSERT_GT(set.size(), 1000u);
  int compared = 0;
  for (int round = 0; round < 3000; ++round) {
    ObligationPageQuery q;
    const int statuses = static_cast<int>(random() % 4);  // 0: every status
    for (int i = 0; i < statuses; ++i) {
      const auto s = kAll[random() % kObligationStatusCount];
      if (std::find(q.statuses.begin(), q.statuses.end(), s) == q.statuses.end())
        q.statuses.push_back(s);
    }
    if (random() % 3 == 0)
      q.kind = static_cast<sdk::ObligationKind>(random() % kObligationKindCount);
    if (random() % 5 == 0) q.rule = "core.a";
    if (random() % 4 == 0) q.due_to = sdk::Date{2023, 1 + static_cast<int>(random() % 4), 2};
    q.order = static_cast<ObligationOrder>(random() % 3);
    q.offset = random() % 3 == 0 ? 0 : random() % 400;
    q.limit = 1 + random() % 60;
    const ObligationPage want = reference(set, q);
    const ObligationPage got = pageOf(set, q, nameOf);
    ASSERT_EQ(got.total, want.total) << "round " << round;
    ASSERT_EQ(got.rows, want.rows) << "round " << round << " order " << static_cast<int>(q.order)
                                   << " offset " << q.offset << " limit " << q.limit;
    compared += static_cast<int>(want.rows.size());
  }
  EXPECT_GT(compared, 10000);
}

TEST(ObligationPageTest, DeepOffsetsAndEmptyLimits) {
  std::mt19937 random(9);
  const ObligationSet set({std::make_shared<const ResultChunk>(rowsOf(random, 1, 300)),
                           std::make_shared<const ResultChunk>(rowsOf(random, 2, 300))});
  for (auto order :
       {ObligationOrder::Engine, ObligationOrder::Due, ObligationOrder::Organisation}) {
    ObligationPageQuery q;
    q.statuses = {sdk::ObligationStatus::Overdue};
    q.order = order;
    for (std::size_t offset :
         {std::size_t{0}, std::size_t{1}, std::size_t{99}, set.size(), set.size() * 2}) {
      q.offset = offset;
      q.limit = 7;
      EXPECT_EQ(pageOf(set, q, nameOf).rows, reference(set, q).rows);
      q.limit = 0;
      EXPECT_TRUE(pageOf(set, q, nameOf).rows.empty());
      EXPECT_EQ(pageOf(set, q, nameOf).total, reference(set, q).total);
    }
  }
}

}  // namespace
}  // namespace beacon::rules
