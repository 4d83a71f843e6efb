// PlanService: the one place plans, their versions, reviews (评审/评估),
// filings (备案) and corrective actions are validated and stored, whatever
// the entry path. Each call is one store::Transaction: a failure writes
// nothing. Failed results name the offending field. Not thread-safe
// (follows its Database); the registry must outlive it.
#pragma once

#include <optional>
#include <string>

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "plugins/plugin_registry.h"
#include "service/text_diff.h"
#include "store/audit_log.h"
#include "store/corrective_action.h"
#include "store/database.h"

namespace beacon::service {

// What comes with a revision besides its version: `draft` is the explicit
// choice to store it without an issue date (a draft does not replace the
// version in force); `has_document` says a document file comes with it in
// place of the text.
// `addresses_action_id` names the plan-defect corrective action a minor
// revision answers: without it an issued minor revision leaves a plan-defect
// "revision required" flag standing.
struct RevisionOptions {
  bool draft = false;
  bool has_document = false;
  sdk::RecordId addresses_action_id = 0;
};

class PlanService {
 public:
  // `english`: the life-cycle refusals (service/plan_lifecycle.h) in English, else zh-CN.
  PlanService(store::Database& db, const plugins::PluginRegistry& registry, bool english = false)
      : db_(db), registry_(registry), english_(english) {}
  // Code, title, domain (general or an enabled plugin), the domain's
  // categories, owner and code uniqueness.
  sdk::Status validatePlan(const sdk::Plan& plan);
  // The plan and, when given, its first version (number 1).
  sdk::Result<sdk::RecordId> addPlan(sdk::Plan plan, std::optional<sdk::PlanVersion> first,
                                     const store::Actor& actor);
  // Appends a Revised version. It needs a revision trigger, an issue date (or
  // options.draft, and then no date), and its text or a document; the field
  // missing is named. Returns the version id.
  sdk::Result<sdk::RecordId> revise(sdk::RecordId plan_id, sdk::PlanVersion version,
                                    const store::Actor& actor, const RevisionOptions& options = {});
  // The checks revise() makes, writing nothing (the revision page's preview).
  sdk::Status checkRevision(sdk::RecordId plan_id, const sdk::PlanVersion& version,
                            const RevisionOptions& options);
  // A 评审 (Review) of the draft submitted for review concludes passed,
  // passed_with_changes or failed (failed sends the draft back to drafting);
  // a 评估 (Evaluation) of an issued version concludes keep or revise, and
  // revise marks the plan revision_required with a reason. Each is a step of
  // the life cycle (PlanLifecycle::checkReview) and recorded as one.
  sdk::Result<sdk::RecordId> addReview(sdk::Review review, const store::Actor& actor);
  // Of an issued version, submitted on or after its issue date; a registration number
  // already recorded for the same version is refused.
  sdk::Result<sdk::RecordId> addFiling(sdk::Filing filing, const store::Actor& actor);
  // plan_defect marks the plan revision_required.
  sdk::Result<sdk::RecordId> addCorrectiveAction(store::CorrectiveAction action,
                                                 const store::Actor& actor);
  // What changed from version `from_number` to `to_number` (text_diff.h).
  sdk::Result<TextDiff> diff(sdk::RecordId plan_id, int from_number, int to_number);

 private:
  sdk::Status validateVersion(const sdk::PlanVersion& version, bool first);
  sdk::Status validateRevision(const sdk::Plan& plan, const sdk::PlanVersion& version,
                               const RevisionOptions& options);
  store::Database& db_;
  const plugins::PluginRegistry& registry_;
  bool english_ = false;
};

}  // namespace beacon::service
