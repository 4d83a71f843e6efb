#include "plan_categories.h"

#include "beacon/sdk/records.h"

namespace beacon::plugins::fire {

std::vector<sdk::PlanCategory> planCategories() {
  namespace c = sdk::category;
  return {
      {c::kSpecial, "火灾事故专项应急预案", "Fire special plan"},
      {c::kDepartment, "部门消防应急预案", "Department fire plan"},
      {c::kGrassroots, "乡镇(街道)、村(社区)消防应急预案", "Township/village fire plan"},
      {c::kOnSite, "灭火和应急疏散预案", "Unit fire-fighting and evacuation plan"},
      {c::kMajorEvent, "重大活动消防安全保障预案", "Major-event fire safety plan"},
  };
}

}  // namespace beacon::plugins::fire
