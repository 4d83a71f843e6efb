// DomainRules: the interface the host's compliance engine calls to get a
// domain's obligations as of a date. Rules read records through the context,
// never the database; they must be pure (same records, same answer) and
// safe to call from several threads at once. What the host assumes of them:
//  - evaluate() may be given a reader limited to some organisations (with
//    their parents' rows, and for Subtree rules everything under them); it
//    must then give those organisations' obligations exactly as a reader of
//    the whole city would (obligations it gives for other organisations are
//    dropped), so each RuleInfo::scope must be true (obligation.h, RuleScope);
//  - obligations name this domain (an empty `domain` is filled with it) and a
//    rule_id that rules() lists;
//  - it reports failure by Status; an exception is caught, logged and the
//    domain skipped for that check, never let through.
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
