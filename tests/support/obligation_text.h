// One line per obligation result with every field the rules fill (organisation,
// domain, plan, rule, kind, due, the record that met it, flags, note, citation,
// status), for tests that compare two evaluations. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "rules/obligation_result.h"

namespace beacon::testing {

std::string describe(const rules::ObligationResult& r);
std::vector<std::string> describeAll(const std::vector<rules::ObligationResult>& results);

}  // namespace beacon::testing
