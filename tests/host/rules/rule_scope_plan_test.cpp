// RuleScopePlan: the organisations evaluated again after a write and what each
// rule scope's reader holds, on a small tree: city 1 > township 2 > villages 3, 4;
// city 1 > township 5 > village 6.
#include <gtest/gtest.h>

#include "rules/rule_scope_plan.h"

namespace beacon::rules {
namespace {

const std::map<sdk::RecordId, sdk::RecordId> kTree{{1, 0}, {2, 1}, {3, 2}, {4, 2}, {5, 1}, {6, 5}};

std::vector<sdk::RecordId> idsOf(const std::shared_ptr<const OrgScope>& scope) {
  return scope ? scope->ids : std::vector<sdk::RecordId>{};
}

TEST(RuleScopePlanTest, OrganisationRulesReEvaluateOnlyTheWrittenOrganisations) {
  const RuleScopePlan plan({3}, kTree, sdk::RuleScope::Organisation, true);
  EXPECT_EQ(idsOf(plan.results()), (std::vector<sdk::RecordId>{3}));
  EXPECT_EQ(idsOf(plan.readerFor(sdk::RuleScope::Organisation)), (std::vector<sdk::RecordId>{3}));
}

TEST(RuleScopePlanTest, SubtreeRulesAfterAWriteReEvaluateEveryOrganisationAboveItFromItsSubtree) {
  const RuleScopePlan plan({6}, kTree, sdk::RuleScope::Subtree, true);
  EXPECT_EQ(idsOf(plan.results()), (std::vector<sdk::RecordId>{1, 5, 6}));
  // Own-scope rules read only the result organisations; subtree rules read all below them,
  // which here (the city is a result) is the whole tree: a null limit.
  EXPECT_EQ(idsOf(plan.readerFor(sdk::RuleScope::Organisation)), (std::vector<sdk::RecordId>{1, 5, 6}));
  EXPECT_EQ(plan.readerFor(sdk::RuleScope::Subtree), nullptr);
}

TEST(RuleScopePlanTest, APageAboutATownshipReadsItsSubtreeForSubtreeRules) {
  const RuleScopePlan plan({2}, kTree, sdk::RuleScope::Subtree, false);
  EXPECT_EQ(idsOf(plan.results()), (std::vector<sdk::RecordId>{2}));
  EXPECT_EQ(idsOf(plan.readerFor(sdk::RuleScope::Subtree)), (std::vector<sdk::RecordId>{2, 3, 4}));
  EXPECT_EQ(idsOf(plan.readerFor(sdk::RuleScope::Organisation)), (std::vector<sdk::RecordId>{2}));
}

TEST(RuleScopePlanTest, CityRulesAfterAWriteEvaluateEverything) {
  const RuleScopePlan plan({3}, kTree, sdk::RuleScope::City, true);
  EXPECT_EQ(plan.results(), nullptr);
  // A page still gets only its organisations' results, city rules reading the whole city.
  const RuleScopePlan page({3}, kTree, sdk::RuleScope::City, false);
  EXPECT_EQ(idsOf(page.results()), (std::vector<sdk::RecordId>{3}));
  EXPECT_EQ(page.readerFor(sdk::RuleScope::City), nullptr);
  EXPECT_EQ(idsOf(page.readerFor(sdk::RuleScope::Subtree)), (std::vector<sdk::RecordId>{3}));
}

TEST(RuleScopePlanTest, EveryOrganisationWrittenMeansNoLimit) {
  const RuleScopePlan plan({1, 2, 3, 4, 5, 6}, kTree, sdk::RuleScope::Organisation, true);
  EXPECT_EQ(plan.results(), nullptr);
  EXPECT_EQ(RuleScopePlan({}, kTree, sdk::RuleScope::Organisation, true).results(), nullptr);
}

TEST(RuleScopePlanTest, ACycleInParentLinksEnds) {
  const std::map<sdk::RecordId, sdk::RecordId> cycle{{1, 2}, {2, 1}, {3, 1}, {4, 0}};
  const RuleScopePlan plan({3}, cycle, sdk::RuleScope::Subtree, true);
  EXPECT_EQ(idsOf(plan.results()), (std::vector<sdk::RecordId>{1, 2, 3}));
}

TEST(RuleScopeTest, WiderScopeOrdersOrganisationSubtreeCity) {
  EXPECT_EQ(sdk::widerScope(sdk::RuleScope::Organisation, sdk::RuleScope::Subtree), sdk::RuleScope::Subtree);
  EXPECT_EQ(sdk::widerScope(sdk::RuleScope::City, sdk::RuleScope::Subtree), sdk::RuleScope::City);
  EXPECT_STREQ(sdk::toId(sdk::RuleScope::Subtree), "subtree");
  EXPECT_STREQ(sdk::labelZh(sdk::RuleScope::Organisation), "本单位");
  // The safe default: a rule that says nothing is evaluated with the whole city.
  EXPECT_EQ(sdk::RuleInfo{}.scope, sdk::RuleScope::City);
}

}  // namespace
}  // namespace beacon::rules
