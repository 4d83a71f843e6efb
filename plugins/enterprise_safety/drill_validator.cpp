#include "drill_validator.h"

#include "beacon/sdk/field_spec.h"
#include "drill_types.h"
#include "fields.h"

namespace beacon::plugins::enterprise_safety {

sdk::Status validateDrill(const sdk::Drill& drill) {
  if (!drill.domain.empty() && drill.domain != "enterprise_safety") {
    return sdk::Status::invalid("domain", "must be enterprise_safety, got \"" + drill.domain + "\"");
  }
  const sdk::DrillType* type = findDrillType(drill.drill_type);
  if (!type) {
    return sdk::Status::invalid("drill_type", "\"" + drill.drill_type +
                                                  "\" is not a work-safety drill type (enterprise_safety."
                                                  "comprehensive, .special, .on_site, .tabletop)");
  }
  sdk::Status fields = sdk::validateFields(drillFields(), drill.fields);
  if (!fields.isOk()) return fields;
  if (drill.participants < 0) return sdk::Status::invalid("participants", "must not be negative");
  if (drill.evacuees < 0) return sdk::Status::invalid("evacuees", "must not be negative");
  if (type->form == sdk::DrillForm::Tabletop && drill.evacuees != 0) {
    return sdk::Status::invalid("evacuees", "must be 0 for a tabletop exercise (" + type->id + "), got " +
                                                std::to_string(drill.evacuees));
  }
  auto reported = drill.fields.find(kReportedToCountyField);
  auto date = drill.fields.find(kReportedDateField);
  if (date != drill.fields.end() && !date->second.empty()) {
    bool yes = false;
    if (reported == drill.fields.end() || !sdk::parseBoolean(reported->second, yes) || !yes) {
      return sdk::Status::invalid(kReportedDateField, "is only recorded when reported_to_county is yes (1)");
    }
    if (drill.date.isSet() && *sdk::Date::parse(date->second) < drill.date) {
      return sdk::Status::invalid(kReportedDateField,
                                  "must not be before the drill date " + drill.date.toString());
    }
  }
  return sdk::Status::ok();
}

}  // namespace beacon::plugins::enterprise_safety
