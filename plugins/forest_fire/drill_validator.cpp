#include "drill_validator.h"

#include "beacon/sdk/field_spec.h"
#include "drill_types.h"
#include "fields.h"

namespace beacon::plugins::forest_fire {

sdk::Status validateDrill(const sdk::Drill& drill) {
  if (!drill.domain.empty() && drill.domain != "forest_fire") {
    return sdk::Status::invalid("domain", "must be forest_fire, got \"" + drill.domain + "\"");
  }
  const sdk::DrillType* type = findDrillType(drill.drill_type);
  if (!type) {
    return sdk::Status::invalid("drill_type", "\"" + drill.drill_type +
                                                  "\" is not a forest-fire drill type (forest_fire.suppression, forest_fire.tabletop)");
  }
  sdk::Status fields = sdk::validateFields(drillFields(), drill.fields);
  if (!fields.isOk()) return fields;
  if (drill.participants < 0) return sdk::Status::invalid("participants", "must not be negative");
  if (drill.evacuees < 0) return sdk::Status::invalid("evacuees", "must not be negative");
  if (type->form == sdk::DrillForm::Tabletop && drill.evacuees != 0) {
    return sdk::Status::invalid("evacuees", "must be 0 for a tabletop exercise (" + type->id + "), got " +
                                                std::to_string(drill.evacuees));
  }
  return sdk::Status::ok();
}

}  // namespace beacon::plugins::forest_fire
