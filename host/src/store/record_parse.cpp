#include "store/record_parse.h"

#include <initializer_list>

namespace beacon::store {

namespace {

// The value whose id or label is `text`; the ids and labels are the SDK's (records.h).
template <typename E>
std::optional<E> parse(std::initializer_list<E> values, const std::string& text) {
  for (const E v : values) {
    if (text == sdk::toId(v) || text == sdk::labelZh(v) || text == sdk::labelEn(v)) return v;
  }
  return std::nullopt;
}

}  // namespace

std::optional<sdk::OrgKind> parseOrgKind(const std::string& s) {
  using K = sdk::OrgKind;
  return parse({K::City, K::Department, K::Township, K::SubDistrict, K::Village, K::Community,
                K::Enterprise, K::Institution, K::County, K::CountyCity, K::District},
               s);
}

std::optional<sdk::PlanLevel> parsePlanLevel(const std::string& s) {
  using L = sdk::PlanLevel;
  return parse({L::City, L::Department, L::Township, L::Village, L::Enterprise}, s);
}

std::optional<sdk::PlanStatus> parsePlanStatus(const std::string& s) {
  using S = sdk::PlanStatus;
  return parse({S::Drafting, S::InReview, S::Approved, S::Issued, S::Abolished}, s);
}

std::optional<sdk::VersionAction> parseVersionAction(const std::string& s) {
  return parse({sdk::VersionAction::Drafted, sdk::VersionAction::Revised}, s);
}

std::optional<sdk::ReviewKind> parseReviewKind(const std::string& s) {
  return parse({sdk::ReviewKind::Review, sdk::ReviewKind::Evaluation}, s);
}

std::optional<sdk::ReviewConclusion> parseReviewConclusion(const std::string& s) {
  using C = sdk::ReviewConclusion;
  return parse({C::Keep, C::Revise, C::Passed, C::PassedWithChanges, C::Failed}, s);
}

std::optional<sdk::DrillVerdict> parseDrillVerdict(const std::string& s) {
  using V = sdk::DrillVerdict;
  return parse({V::None, V::Excellent, V::Good, V::Fair, V::Poor}, s);
}

bool isReviewConclusion(sdk::ReviewConclusion c) {
  return c == sdk::ReviewConclusion::Passed || c == sdk::ReviewConclusion::PassedWithChanges ||
         c == sdk::ReviewConclusion::Failed;
}

}  // namespace beacon::store
