#include "plan_categories.h"

#include "beacon/sdk/records.h"

namespace beacon::plugins::enterprise_safety {

std::vector<sdk::PlanCategory> planCategories() {
  namespace c = sdk::category;
  return {
      {c::kComprehensive, "综合应急预案", "Comprehensive plan (enterprise)"},
      {c::kSpecial, "专项应急预案", "Special plan"},
      {c::kOnSite, "现场处置方案", "On-site disposal plan"},
      {c::kDepartment, "部门生产安全事故应急救援预案", "Department work-safety plan"},
      {c::kGrassroots, "乡镇(街道)生产安全事故应急救援预案", "Township work-safety plan"},
  };
}

}  // namespace beacon::plugins::enterprise_safety
