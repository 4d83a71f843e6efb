#include "plan_categories.h"

#include "beacon/sdk/records.h"

namespace beacon::plugins::flood {

std::vector<sdk::PlanCategory> planCategories() {
  namespace c = sdk::category;
  return {
      {c::kSpecial, "防汛抗旱专项应急预案", "Flood and drought special plan"},
      {c::kDepartment, "部门防汛应急预案", "Department flood plan"},
      {c::kGrassroots, "乡镇(街道)、村(社区)防汛及山洪灾害防御预案", "Township/village flood and flash-flood plan"},
      {c::kJoint, "防汛联合应急预案", "Joint flood plan"},
      {c::kWorkManual, "防汛应急工作手册", "Flood emergency work manual"},
  };
}

}  // namespace beacon::plugins::flood
