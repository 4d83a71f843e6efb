// PlanStepUndo: the store side of voiding (作废) a plan's latest 印发 or 废止
// (service/plan_step_correction.h): the issue of a version is withdrawn (its
// issue and effective dates, approving body and 文号 cleared; the plan's version
// in force becomes its latest other issued version, or none), an abolition is
// withdrawn (its day and replacing plan cleared). Each write carries its audit
// entry (before, after) in the caller's transaction; the plan's status is set
// by the caller from the steps still in force. Not thread-safe (follows its
// Session).
#pragma once

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"
#include "store/audit_log.h"

namespace beacon::store {

class PlanStepUndo {
 public:
  explicit PlanStepUndo(Poco::Data::Session& session) : session_(session), audit_(session) {}
  // REQUIRES: an open Transaction; `version_id` names an issued version.
  void withdrawIssue(sdk::RecordId version_id, const Actor& actor);
  // REQUIRES: an open Transaction; `plan_id` names a plan.
  void withdrawAbolition(sdk::RecordId plan_id, const Actor& actor);

 private:
  Poco::Data::Session& session_;
  AuditLog audit_;
};

}  // namespace beacon::store
