#include "plan_categories.h"

#include "beacon/sdk/records.h"

namespace beacon::plugins::forest_fire {

std::vector<sdk::PlanCategory> planCategories() {
  namespace c = sdk::category;
  return {
      {c::kSpecial, "森林火灾应急预案", "Forest fire special plan"},
      {c::kDepartment, "部门森林防灭火应急预案", "Department forest fire plan"},
      {c::kGrassroots, "乡镇(街道)森林火灾处置办法", "Township forest fire disposal measures"},
      {c::kWorkManual, "森林防灭火应急工作手册", "Forest fire emergency work manual"},
  };
}

}  // namespace beacon::plugins::forest_fire
