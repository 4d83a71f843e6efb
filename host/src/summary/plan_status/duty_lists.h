// Duty lists: the plan-status summary's two lists of duties, as JSON rows for
// the templates: the overdue ones, oldest due date first, with their
// citations' footnotes (※); and the ones met after their due date (逾期完成),
// most days late first. Each list shows at most kDutyListLimit rows and
// keeps the full count. Not thread-safe (reads plan titles through the
// Session).
#pragma once

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>

#include "rules/obligation_set.h"
#include "summary/plan_status/plan_ranking.h"
#include "summary/plan_status/township_map.h"
#include "summary/summary_context.h"

namespace beacon::summary::plan_status {

constexpr int kDutyListLimit = 200;

struct OverdueList {
  Poco::JSON::Array::Ptr rows;
  Poco::JSON::Array::Ptr citation_notes;  // the footnotes of the listed citations marked ※
  int total = 0;                          // listed or not
};
// A row names its plan only when the plan is among `plans` (the plans counted in the table).
OverdueList overdueList(Poco::Data::Session& session, const rules::ObligationSet& obligations,
                        const OrgById& org_by_id, const PlanColumns& plans, const sdk::Date& as_of,
                        const Lang& t);

struct MetLateList {
  Poco::JSON::Array::Ptr rows;
  int total = 0;
};
MetLateList metLateList(Poco::Data::Session& session, const rules::ObligationSet& obligations,
                        const OrgById& org_by_id, const Lang& t);

}  // namespace beacon::summary::plan_status
