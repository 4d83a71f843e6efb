#include "store/revision_triggers.h"

namespace beacon::store {

const std::vector<RevisionTrigger>& revisionTriggers() {
  static const std::vector<RevisionTrigger> kTriggers = {
      {trigger::kLawOrParentPlanChanged, "有关法律、法规、规章、标准、上位预案中的有关规定发生变化",
       "Law, standard or higher-level plan changed"},
      {trigger::kCommandStructureChanged, "应急指挥机构及其职责发生重大调整",
       "Command body or duties substantially adjusted"},
      {trigger::kRiskChangedMajor, "面临的风险发生重大变化", "Risks changed significantly"},
      {trigger::kKeyResourcesChanged, "重要应急资源发生重大变化",
       "Key resources changed significantly"},
      {trigger::kDrillOrIncidentFinding, "在突发事件实际应对和应急演练中发现问题需要作出重大调整",
       "Problems found in a real response or drill"},
      {trigger::kOtherImportantInfoChanged, "预案中的其他重要信息发生变化",
       "Other important plan information changed"},
      {trigger::kOwnerDiscretion, "应急预案制定单位认为应当修订的其他情况",
       "Other reasons the plan's maker deems necessary"},
  };
  return kTriggers;
}

bool isRevisionTrigger(const std::string& id) {
  for (const auto& t : revisionTriggers()) {
    if (t.id == id) return true;
  }
  return false;
}

}  // namespace beacon::store
