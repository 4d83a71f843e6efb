// RecordCorrection: correcting (更正: changed fields, with a reason) and
// voiding (作废, with a reason) recorded drills, reviews/evaluations, filings,
// corrective actions, drill evaluation reports, annual drill plans and their
// planned drills, and plan life-cycle steps; nothing is ever deleted. Every
// entry path (API, pages, CLI) comes here: the CorrectionPolicy decides who
// may, a corrected record is validated as a new one (DrillValidator,
// plan_record_validation.h, DrillEvaluationService, DrillPlanService,
// PlanStepCorrection), and the change and its audit entry (before, after,
// reason) commit together. Not thread-safe
// (follows its Database); the registry must outlive it.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "auth/correction_policy.h"
#include "auth/user.h"
#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "plugins/plugin_registry.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/record_voids.h"

namespace beacon::service {

// Who asks: the audit actor and the account. No account: the CLI operator,
// who holds the database file and may change anything, as with every CLI write.
struct Corrector {
  store::Actor actor;
  std::optional<auth::User> user;
};

enum class CorrectionFailure { None, NotFound, Forbidden, Voided, Invalid, Storage };

struct CorrectionOutcome {
  CorrectionFailure failure = CorrectionFailure::None;
  sdk::Status status;  // the message (and field, for Invalid)
  bool ok() const { return failure == CorrectionFailure::None; }
};

// Changed fields by their API names: drill_type, org_id (or org: a code),
// plan_id (or plan: a code; 0 or empty: none), plan_version_id, date, place,
// scenario, participants, evacuees, verdict, findings, fields.<name>.
using FieldChanges = std::map<std::string, std::string>;

class RecordCorrection {
 public:
  RecordCorrection(store::Database& db, const plugins::PluginRegistry& registry,
                   int correction_days, sdk::Date today, bool english = false)
      : db_(db),
        registry_(registry),
        correction_days_(correction_days),
        today_(today),
        english_(english) {}

  // Applies `changes` to drill `id` and stores it if it still validates.
  // Invalid names the field (or "reason" / "changes" when there is nothing to store).
  CorrectionOutcome correctDrill(sdk::RecordId id, const FieldChanges& changes,
                                 const std::string& reason, const Corrector& who);
  // The same for the other kinds; the changeable fields are, for a review:
  // kind, date, reviewers, conclusion, findings, plan_version_id; a filing:
  // target_body, submitted, registration_no, published, plan_version_id; a
  // corrective action: description, responsible_org_id, due. Each is then
  // validated as a new one (plan_record_validation.h).
  CorrectionOutcome correctReview(sdk::RecordId id, const FieldChanges& changes,
                                  const std::string& reason, const Corrector& who);
  CorrectionOutcome correctFiling(sdk::RecordId id, const FieldChanges& changes,
                                  const std::string& reason, const Corrector& who);
  CorrectionOutcome correctCorrectiveAction(sdk::RecordId id, const FieldChanges& changes,
                                            const std::string& reason, const Corrector& who);
  // A drill evaluation report: verdict, findings, suggestions, evaluator, date, document
  // (DrillEvaluationService::validate; it stays the drill's).
  CorrectionOutcome correctDrillEvaluation(sdk::RecordId id, const FieldChanges& changes,
                                           const std::string& reason, const Corrector& who);
  // An annual drill plan's own made_on and note (DrillPlanService::validatePlan).
  CorrectionOutcome correctDrillPlan(sdk::RecordId id, const FieldChanges& changes,
                                     const std::string& reason, const Corrector& who);
  // A planned drill: drill_type, domain, month, plan_id (or plan: a code; 0 or empty: none),
  // note (DrillPlanService::validateItem for the plan's organisation).
  CorrectionOutcome correctDrillPlanItem(sdk::RecordId id, const FieldChanges& changes,
                                         const std::string& reason, const Corrector& who);
  // A plan life-cycle step: date, body (channel), document (link), note; see PlanStepCorrection.
  CorrectionOutcome correctPlanStep(sdk::RecordId id, const FieldChanges& changes,
                                    const std::string& reason, const Corrector& who);
  // The correct* of `kind`.
  CorrectionOutcome correct(store::RecordKind kind, sdk::RecordId id, const FieldChanges& changes,
                            const std::string& reason, const Corrector& who);
  // Voids any kind but a drill plan as a whole (Invalid "id": its planned drills are voided one by
  // one). A plan step: see PlanStepCorrection (the plan's state is recomputed in the same transaction).
  CorrectionOutcome voidRecord(store::RecordKind kind, sdk::RecordId id, const std::string& reason,
                               const Corrector& who);
  // Whether `who` may correct or void the record now (Forbidden / Voided / NotFound otherwise).
  CorrectionOutcome mayChange(store::RecordKind kind, sdk::RecordId id, const Corrector& who);

 private:
  CorrectionOutcome authorise(store::RecordKind kind, sdk::RecordId id, sdk::RecordId org_id,
                              const Corrector& who);
  sdk::Status checkReason(const std::string& reason) const;
  // Loads, authorises, applies (false + Invalid outcome on a bad field),
  // validates, compares and stores one record of `kind`; then `stored(before, after)` in the
  // same transaction (a failed Status: Invalid, nothing written).
  template <typename Repository, typename Apply, typename Validate, typename Owner,
            typename Stored = std::nullptr_t>
  CorrectionOutcome correctRecord(store::RecordKind kind, sdk::RecordId id,
                                  const FieldChanges& changes, const std::string& reason,
                                  const Corrector& who, Owner owner, Apply apply,
                                  Validate validate, Stored stored = nullptr);
  store::Database& db_;
  const plugins::PluginRegistry& registry_;
  int correction_days_;
  sdk::Date today_;
  bool english_;
};

}  // namespace beacon::service
