#include "drill_validator.h"

#include "beacon/sdk/drill_checks.h"
#include "beacon/sdk/field_spec.h"
#include "drill_types.h"
#include "fields.h"

namespace beacon::plugins::fire {

sdk::Status validateDrill(const sdk::Drill& drill) {
  return sdk::checkCommonDrill("fire", drillTypes(), drillFields(), drill);
}

}  // namespace beacon::plugins::fire
