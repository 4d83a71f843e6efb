// Which column of the plan-status table a plan lands in: its life-cycle stage
// when not issued, else 现行有效 or 需修订 moved to the worst column its open
// duties ask for (需修订 > 已逾期 > 即将到期 > 待备案/公开 > 现行有效).
#include "summary/plan_status/plan_ranking.h"

#include <gtest/gtest.h>

namespace beacon::summary::plan_status {
namespace {

using Kind = sdk::ObligationKind;
using Status = sdk::ObligationStatus;

rules::PlanAsOf issued(bool revision_required = false) {
  rules::PlanAsOf then;
  then.version_in_force = 1;
  then.ever_issued = true;
  then.revision_required = revision_required;
  return then;
}

TEST(PlanRankingTest, ColumnsAreInTableOrder) {
  const auto& columns = statusColumns();
  ASSERT_EQ(columns.size(), 8u);
  EXPECT_STREQ(columns[kCurrent].id, "current");
  EXPECT_STREQ(columns[kRevisionRequired].zh, "需修订");
  EXPECT_STREQ(columns[kFilingPending].zh, "待备案/公开");
  EXPECT_STREQ(columns[kApproved].en, "Approved");
  for (std::size_t c = kCurrent; c <= kFilingPending; ++c) EXPECT_TRUE(inForce(c)) << c;
  for (std::size_t c = kDrafting; c <= kApproved; ++c) EXPECT_FALSE(inForce(c)) << c;
}

TEST(PlanRankingTest, APlanNotIssuedStaysInItsStage) {
  const rules::PlanAsOf none;
  EXPECT_EQ(lifeCycleColumn(sdk::PlanStatus::Drafting, none), kDrafting);
  EXPECT_EQ(lifeCycleColumn(sdk::PlanStatus::InReview, none), kInReview);
  EXPECT_EQ(lifeCycleColumn(sdk::PlanStatus::Approved, none), kApproved);
  rules::PlanAsOf flagged;
  flagged.revision_required = true;  // a finding, but nothing issued yet: still its stage
  EXPECT_EQ(lifeCycleColumn(sdk::PlanStatus::InReview, flagged), kInReview);
  EXPECT_EQ(rankedColumn(kDrafting, kOverdue), kDrafting);
  EXPECT_EQ(rankedColumn(kApproved, kRevisionRequired), kApproved);
}

TEST(PlanRankingTest, APlanInForceIsCurrentOrNeedsRevision) {
  EXPECT_EQ(lifeCycleColumn(sdk::PlanStatus::Issued, issued()), kCurrent);
  EXPECT_EQ(lifeCycleColumn(sdk::PlanStatus::Issued, issued(true)), kRevisionRequired);
}

TEST(PlanRankingTest, DutiesAskForTheirColumn) {
  EXPECT_EQ(dutyColumn(Kind::Revision, Status::Overdue), kRevisionRequired);
  EXPECT_EQ(dutyColumn(Kind::Drill, Status::Overdue), kOverdue);
  EXPECT_EQ(dutyColumn(Kind::Evaluation, Status::DueSoon), kDueSoon);
  EXPECT_EQ(dutyColumn(Kind::Revision, Status::DueSoon), kDueSoon);
  EXPECT_EQ(dutyColumn(Kind::Filing, Status::Upcoming), kFilingPending);
  EXPECT_EQ(dutyColumn(Kind::Publication, Status::Upcoming), kFilingPending);
  EXPECT_EQ(dutyColumn(Kind::Filing, Status::Overdue), kOverdue);
  EXPECT_FALSE(dutyColumn(Kind::Drill, Status::Upcoming));
  EXPECT_FALSE(dutyColumn(Kind::Filing, Status::Met));
  EXPECT_FALSE(dutyColumn(Kind::Drill, Status::MetLate));
  EXPECT_FALSE(dutyColumn(Kind::Review, Status::NotApplicable));
}

TEST(PlanRankingTest, AnInForcePlanTakesTheWorstColumnWhateverTheOrder) {
  const std::vector<std::size_t> by_severity = {kCurrent, kFilingPending, kDueSoon, kOverdue,
                                                kRevisionRequired};
  for (std::size_t a = 0; a < by_severity.size(); ++a) {
    for (std::size_t b = 0; b < by_severity.size(); ++b) {
      const std::size_t worse = by_severity[std::max(a, b)];
      EXPECT_EQ(rankedColumn(rankedColumn(kCurrent, by_severity[a]), by_severity[b]), worse);
      EXPECT_EQ(rankedColumn(rankedColumn(kCurrent, by_severity[b]), by_severity[a]), worse);
    }
  }
  // Needing revision from the history is not lowered by an overdue drill.
  EXPECT_EQ(rankedColumn(kRevisionRequired, kOverdue), kRevisionRequired);
}

}  // namespace
}  // namespace beacon::summary::plan_status
