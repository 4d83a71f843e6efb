#include "beacon/sdk/drill_checks.h"

namespace beacon::sdk {

const DrillType* findDrillType(const std::vector<DrillType>& types, const std::string& id) {
  for (const auto& t : types) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

Status checkCommonDrill(const std::string& domain, const std::vector<DrillType>& types,
                        const std::vector<FieldSpec>& fields, const Drill& drill) {
  if (!drill.domain.empty() && drill.domain != domain) {
    return Status::invalid("domain", "must be " + domain + ", got \"" + drill.domain + "\"");
  }
  const DrillType* type = findDrillType(types, drill.drill_type);
  if (!type) {
    std::string known;
    for (const auto& t : types) known += (known.empty() ? "" : ", ") + t.id;
    return Status::invalid("drill_type",
                           "\"" + drill.drill_type + "\" is not a " + domain + " drill type (" + known + ")");
  }
  Status checked = validateFields(fields, drill.fields);
  if (!checked.isOk()) return checked;
  if (drill.participants < 0) return Status::invalid("participants", "must not be negative");
  if (drill.evacuees < 0) return Status::invalid("evacuees", "must not be negative");
  if (type->form == DrillForm::Tabletop && drill.evacuees != 0) {
    return Status::invalid("evacuees", "must be 0 for a tabletop exercise (" + type->id + "), got " +
                                           std::to_string(drill.evacuees));
  }
  return Status::ok();
}

}  // namespace beacon::sdk
