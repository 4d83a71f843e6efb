#include "drill_validator.h"

#include "beacon/sdk/drill_checks.h"
#include "beacon/sdk/field_spec.h"
#include "drill_types.h"
#include "fields.h"

namespace beacon::plugins::flood {

sdk::Status validateDrill(const sdk::Drill& drill) {
  return sdk::checkCommonDrill("flood", drillTypes(), drillFields(), drill);
}

}  // namespace beacon::plugins::flood
