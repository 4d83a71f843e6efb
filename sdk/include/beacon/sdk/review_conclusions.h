// The 评审/论证 (review) conclusions of the plan life cycle: 通过, 修改后通过 and
// 不通过. They are sdk::ReviewConclusion values beyond Keep and Revise (an
// evaluation's 继续有效 / 需修订), named here so that records.h, which nearly
// every file includes, is unchanged until the SDK's next minor version folds
// them into the enum with these numbers; their string ids and labels are in
// records.cpp's table like the others (toId, labelZh, parseReviewConclusion).
// Constants; thread-safe.
#pragma once

#include "beacon/sdk/records.h"

namespace beacon::sdk::conclusion {

inline constexpr ReviewConclusion kPassed = static_cast<ReviewConclusion>(2);  // 通过
inline constexpr ReviewConclusion kPassedWithChanges =
    static_cast<ReviewConclusion>(3);                                          // 修改后通过
inline constexpr ReviewConclusion kFailed = static_cast<ReviewConclusion>(4);  // 不通过

// A review's conclusion (kPassed, kPassedWithChanges, kFailed), not an evaluation's.
inline bool isReviewConclusion(ReviewConclusion c) {
  return c == kPassed || c == kPassedWithChanges || c == kFailed;
}

}  // namespace beacon::sdk::conclusion
