#include "service/plan_category_catalog.h"

#include "beacon/sdk/records.h"

namespace beacon::service {

const std::vector<sdk::PlanCategory>& sharedPlanCategories() {
  namespace c = sdk::category;
  static const std::vector<sdk::PlanCategory> kCategories = {
      {c::kMaster, "总体应急预案", "Master plan"},
      {c::kSpecial, "专项应急预案", "Special plan"},
      {c::kDepartment, "部门应急预案", "Department plan"},
      {c::kGrassroots, "基层应急预案", "Grassroots plan"},
      {c::kComprehensive, "综合应急预案", "Comprehensive plan"},
      {c::kOnSite, "现场处置方案", "On-site disposal plan"},
      {c::kMajorEvent, "重大活动保障预案", "Major event plan"},
      {c::kJoint, "联合应急预案", "Joint plan"},
      {c::kWorkManual, "应急工作手册", "Emergency work manual"},
  };
  return kCategories;
}

std::vector<sdk::PlanCategory> allowedCategories(const plugins::PluginRegistry& registry,
                                                 const std::string& domain) {
  if (domain == sdk::kGeneralDomain) return sharedPlanCategories();
  const auto* rec = registry.byDomain(domain);
  if (!rec) return {};
  return rec->plan_categories;
}

std::optional<std::string> parseCategory(const std::string& text) {
  for (const auto& c : sharedPlanCategories()) {
    if (text == c.id || text == c.label_zh || text == c.label_en) return c.id;
  }
  return std::nullopt;
}

std::string categoryLabelZh(const std::string& id) {
  for (const auto& c : sharedPlanCategories()) {
    if (c.id == id) return c.label_zh;
  }
  return id;
}

}  // namespace beacon::service
