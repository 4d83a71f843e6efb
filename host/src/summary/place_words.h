// PlaceWords: how a county-level place names itself in the annual text, from
// the kind of its top organisation: 县 → 全县 / 县级, 区 → 全区 / 区级, 市 and
// 县级市 → 全市 / 市级 (and "the county" / "the district" / "the city" in
// English). Plain values; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/records.h"

namespace beacon::summary {

struct PlaceWords {
  std::string whole_zh;  // 全县
  std::string whole_en;  // the county
  std::string level_zh;  // 县级: the label of PlanLevel::City plans
  std::string level_en;  // County
};

PlaceWords placeWordsFor(sdk::OrgKind top);

// The top organisation among `orgs` (the first of kind 市, 县, 县级市 or 区 by
// id); nullptr when there is none.
const sdk::Organisation* topOrganisation(const std::vector<sdk::Organisation>& orgs);

}  // namespace beacon::summary
