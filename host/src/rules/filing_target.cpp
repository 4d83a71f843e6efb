#include "rules/filing_target.h"

namespace beacon::rules {

std::string filingTarget(const sdk::Plan& plan, const sdk::Organisation& owner,
                         const sdk::Organisation* parent) {
  switch (sdk::levelOf(owner.kind)) {
    case sdk::PlanLevel::City:
      if (plan.category == sdk::category::kMaster) {
        return "郑州市人民政府(送郑州市应急管理局,抄送郑州市有关部门)";
      }
      return "郑州市对口牵头部门(抄送郑州市应急管理局)";
    case sdk::PlanLevel::Department:
    case sdk::PlanLevel::Township:
      return "新密市人民政府(送新密市应急管理局)";
    case sdk::PlanLevel::Village:
      return parent ? parent->name : std::string("所属乡镇(街道)");
    case sdk::PlanLevel::Enterprise:
      return "新密市应急管理局及有关负有安全生产监督管理职责的部门";
  }
  return std::string();
}

}  // namespace beacon::rules
