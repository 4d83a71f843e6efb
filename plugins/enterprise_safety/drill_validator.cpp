#include "drill_validator.h"

#include "beacon/sdk/drill_checks.h"
#include "beacon/sdk/field_spec.h"
#include "drill_types.h"
#include "fields.h"

namespace beacon::plugins::enterprise_safety {

sdk::Status validateDrill(const sdk::Drill& drill) {
  sdk::Status common = sdk::checkCommonDrill("enterprise_safety", drillTypes(), drillFields(), drill);
  if (!common.isOk()) return common;
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
