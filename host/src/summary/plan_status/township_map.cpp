#include "summary/plan_status/township_map.h"

namespace beacon::summary::plan_status {

OrgById indexById(const std::vector<sdk::Organisation>& orgs) {
  OrgById by_id;
  for (const auto& o : orgs) by_id[o.id] = &o;
  return by_id;
}

TownshipOf townshipOf(const std::vector<sdk::Organisation>& orgs, const OrgById& by_id) {
  TownshipOf township_of;
  for (const auto& o : orgs) {
    const sdk::Organisation* cur = &o;
    for (int depth = 0; cur && depth < 32; ++depth) {
      if (cur->kind == sdk::OrgKind::Township || cur->kind == sdk::OrgKind::SubDistrict) {
        township_of[o.id] = cur->id;
        break;
      }
      auto it = by_id.find(cur->parent_id);
      cur = it == by_id.end() ? nullptr : it->second;
    }
  }
  return township_of;
}

}  // namespace beacon::summary::plan_status
