#include "support/obligation_text.h"

#include <sstream>

namespace beacon::testing {

std::string describe(const rules::ObligationResult& r) {
  const sdk::Obligation& o = r.obligation;
  std::ostringstream out;
  out << o.org_id << '|' << o.domain << '|' << o.plan_id << '|' << o.rule_id << '|'
      << sdk::toId(o.kind) << '|' << o.due.toString() << '|' << o.last_met.kind << ':'
      << o.last_met.id << ':' << o.last_met.date.toString() << '|' << o.period_satisfied
      << o.applicable << '|' << o.note << '|' << o.citation << '|' << sdk::toId(r.status);
  return out.str();
}

std::vector<std::string> describeAll(const std::vector<rules::ObligationResult>& results) {
  std::vector<std::string> out;
  out.reserve(results.size());
  for (const auto& r : results) out.push_back(describe(r));
  return out;
}

}  // namespace beacon::testing
