// PlanHistory: what each plan was as of a date, computed only from its dated
// records, so that a check or summary as of D gives the same answer whenever
// it is run. The version in force as of D is the latest version issued on or
// before D; revision is required as of D when a finding dated on or before D
// (an evaluation concluding 需修订, or a plan-defect corrective action, dated
// by its source drill or review, else by the day it was recorded) has no
// version issued on or after it and on or before D that answers it: any
// version answers an evaluation; a plan defect is answered by a major version,
// or by a minor one that names its corrective action. Without a version in
// force, the status as of D is the stage of the latest life-cycle step
// (plan_transitions) dated on or before D; a plan is abolished as of D when
// its abolition is dated on or before D. Drafts and records dated after D
// never change the answer. The stored plan columns (status, current_version,
// revision_required) are the state now and are not read, except that a plan
// abolished before abolition carried a date stays abolished.
// Loaded in one pass; immutable afterwards, so thread-safe for reads.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::rules {

struct PlanAsOf {
  int version_in_force = 0;  // its number; 0 when no version was issued by then
  bool ever_issued = false;  // a version was issued at some date (possibly after as_of)
  bool revision_required = false;
  std::string revision_reason;  // of the latest unanswered finding
  sdk::Date flagged;            // that finding's date
  bool defect = false;          // that finding is a plan-defect corrective action
  sdk::Date due;                // that corrective action's due date; unset when it has none
  bool staged = false;          // a life-cycle step dated on or before as_of gave `stage`
  sdk::PlanStatus stage = sdk::PlanStatus::Drafting;
  bool abolished = false;       // abolished on or before as_of
};

// A 公开 (publication) recorded as its own life-cycle step.
struct PublicationEvent {
  sdk::RecordId id = 0;  // its plan_transitions row
  sdk::RecordId plan_version_id = 0;
  sdk::Date date;
};

class PlanHistory {
 public:
  // The issued versions and the revision findings of every plan of `domain` (empty: all).
  static PlanHistory load(Poco::Data::Session& session, const std::string& domain);
  // The same for one plan.
  static PlanHistory loadPlan(Poco::Data::Session& session, sdk::RecordId plan_id);

  PlanAsOf asOf(sdk::RecordId plan_id, const sdk::Date& as_of) const;
  // Sets the plan's current_version, status, revision_required and
  // revision_reason to what they were as of `as_of`.
  void apply(sdk::Plan& plan, const sdk::Date& as_of) const;
  // The date of each plan's latest unanswered finding, for the plans that needed revision as of
  // `as_of`.
  std::map<sdk::RecordId, sdk::Date> flaggedOn(const sdk::Date& as_of) const;
  // The plan's publications (公开 steps), oldest first; nullptr when it has none.
  const std::vector<PublicationEvent>* publicationsOf(sdk::RecordId plan_id) const;

 private:
  static PlanHistory loadFiltered(Poco::Data::Session& session, const std::string& domain,
                                  sdk::RecordId plan_id);
  struct Issue {
    sdk::Date issued;
    int number = 0;
    bool major = true;
    sdk::RecordId addresses = 0;  // the corrective action a (minor) version answers
  };
  struct Finding {
    sdk::Date date;
    std::string reason;
    sdk::RecordId action_id = 0;  // 0: an evaluation
    sdk::Date due;
  };
  struct Stage {
    sdk::Date date;
    sdk::PlanStatus status = sdk::PlanStatus::Drafting;
  };
  std::unordered_map<sdk::RecordId, std::vector<Issue>> issues_;      // by issue date, then number
  std::unordered_map<sdk::RecordId, std::vector<Finding>> findings_;  // by date
  std::unordered_map<sdk::RecordId, std::vector<Stage>> stages_;      // by date, then as recorded
  std::unordered_map<sdk::RecordId, sdk::Date> abolished_;            // abolished on a recorded day
  std::unordered_map<sdk::RecordId, std::vector<PublicationEvent>> publications_;
};

}  // namespace beacon::rules
