// PlanHistoryQueries: the dated records rules::PlanHistory computes each plan's state as of a
// date from, one statement per kind for every plan of a domain (or one plan): the issued
// versions, the evaluations concluding 需修订, the plan-defect corrective actions with the day of
// the drill or review that found them, the life-cycle steps and the abolitions, each handed to a
// callback row by row (nothing voided is read). Not thread-safe (follows its Session).
#pragma once

#include <functional>
#include <string>

#include <Poco/Data/Session.h>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::store {

// A version with an issue date (plan_versions).
struct IssuedVersionRow {
  sdk::RecordId plan_id = 0;
  int number = 0;
  sdk::Date issued;  // unset when the stored text is not a date
  bool major = true;
  sdk::RecordId addresses_action_id = 0;  // the corrective action a minor version answers
};

// An evaluation (评估) concluding "revise" (reviews).
struct RevisionEvaluationRow {
  sdk::RecordId plan_id = 0;
  sdk::Date date;
  std::string findings;
};

// A corrective action marking a plan defect (corrective_actions).
struct PlanDefectRow {
  sdk::RecordId plan_id = 0;
  sdk::Date found;  // the source drill's or review's day, else the day it was recorded
  std::string description;
  sdk::RecordId action_id = 0;
  sdk::Date due;
  std::string source_kind;       // "drill", "review" or ""
  sdk::RecordId source_id = 0;   // the source drill or review found; 0 when there is none
};

// A life-cycle step (plan_transitions).
struct PlanStepRow {
  sdk::RecordId plan_id = 0;
  sdk::Date date;
  std::string step;
  std::string to_status;
  sdk::RecordId id = 0;
  sdk::RecordId plan_version_id = 0;
};

// A plan abolished on a recorded day (plans.abolished_on).
struct PlanAbolitionRow {
  sdk::RecordId plan_id = 0;
  sdk::Date date;
};

class PlanHistoryQueries {
 public:
  // `plan_id` not 0: that plan only; else the plans of `domain` (empty: every plan).
  PlanHistoryQueries(Poco::Data::Session& session, const std::string& domain,
                     sdk::RecordId plan_id);

  // By plan, issue date, then number.
  void issuedVersions(const std::function<void(const IssuedVersionRow&)>& row) const;
  void revisionEvaluations(const std::function<void(const RevisionEvaluationRow&)>& row) const;
  void planDefects(const std::function<void(const PlanDefectRow&)>& row) const;
  // By plan, date, then as recorded.
  void steps(const std::function<void(const PlanStepRow&)>& row) const;
  void abolitions(const std::function<void(const PlanAbolitionRow&)>& row) const;

 private:
  // " JOIN plans p ON p.id = <alias>.plan_id AND ..." limiting rows to the chosen plans.
  std::string join(const std::string& alias) const;

  Poco::Data::Session& session_;
  std::vector<std::string> params_;
  std::string condition_;  // " AND p.id = $1", " AND p.domain = $1" or ""
};

}  // namespace beacon::store
