// DomainRules: the interface the host's compliance engine calls to get a
// domain's obligations as of a date. Rules read records through the context,
// never the database; they must be pure (same records, same answer) and
// safe to call from several threads at once.
#pragma once

#include <vector>

#include "beacon/sdk/export.h"
#include "beacon/sdk/host_services.h"
#include "beacon/sdk/obligation.h"
#include "beacon/sdk/status.h"

namespace beacon::sdk {

struct RuleContext {
  Date as_of;
  const RecordReader& records;
  const RuleParameters& parameters;
  const WorkingCalendar& calendar;
};

class BEACON_SDK_API DomainRules {
 public:
  virtual ~DomainRules();
  // Every rule this domain encodes, with citation and basis.
  virtual std::vector<RuleInfo> rules() const = 0;
  // Appends the domain's obligations as of ctx.as_of to `out`.
  virtual Status evaluate(const RuleContext& ctx, std::vector<Obligation>& out) const = 0;
};

}  // namespace beacon::sdk
