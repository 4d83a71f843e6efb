#include "summary/place_words.h"

namespace beacon::summary {

PlaceWords placeWordsFor(sdk::OrgKind top) {
  switch (top) {
    case sdk::OrgKind::County: return {"全县", "the county", "县级", "County"};
    case sdk::OrgKind::District: return {"全区", "the district", "区级", "District"};
    default: return {"全市", "the city", "市级", "City"};
  }
}

const sdk::Organisation* topOrganisation(const std::vector<sdk::Organisation>& orgs) {
  const sdk::Organisation* top = nullptr;
  for (const auto& o : orgs) {
    if (o.parent_id != 0 || sdk::levelOf(o.kind) != sdk::PlanLevel::City) continue;
    if (!top || o.id < top->id) top = &o;
  }
  return top;
}

}  // namespace beacon::summary
