#include "service/plan_record_validation.h"

#include "service/record_checks.h"
#include "store/corrective_action.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"

namespace beacon::service {

namespace {

// The version a record names, or the plan's current one when it names none.
sdk::Result<sdk::PlanVersion> versionOf(store::Database& db, sdk::RecordId plan_id,
                                        sdk::RecordId version_id) {
  store::PlanRepository plans(db.session());
  auto plan = plans.findById(plan_id);
  if (!plan) return sdk::Status::invalid("plan_id", "no plan with id " + std::to_string(plan_id));
  if (version_id == 0) {
    auto v =
        plan->current_version == 0 ? std::nullopt : plans.version(plan->id, plan->current_version);
    if (!v)
      return sdk::Status::invalid("plan_version_id",
                                  "plan " + plan->code + " has no current version");
    return *v;
  }
  auto v = plans.versionById(version_id);
  if (!v || v->plan_id != plan->id) {
    return sdk::Status::invalid("plan_version_id", "version " + std::to_string(version_id) +
                                                       " is not a version of plan " + plan->code);
  }
  return *v;
}

}  // namespace

sdk::Status validateReview(store::Database& db, sdk::Review& review) {
  auto version = versionOf(db, review.plan_id, review.plan_version_id);
  if (!version.isOk()) return version.status();
  review.plan_version_id = version.value().id;
  if (!isValidDate(review.date)) return sdk::Status::invalid("date", "is required (YYYY-MM-DD)");
  if (review.date > today().addDays(1))
    return sdk::Status::invalid("date", "is in the future: " + review.date.toString());
  return sdk::Status::ok();
}

sdk::Status validateFiling(store::Database& db, sdk::Filing& filing) {
  auto version = versionOf(db, filing.plan_id, filing.plan_version_id);
  if (!version.isOk()) return version.status();
  filing.plan_version_id = version.value().id;
  if (filing.target_body.empty()) return sdk::Status::invalid("target_body", "is required");
  if (!isValidDate(filing.submitted))
    return sdk::Status::invalid("submitted", "is required (YYYY-MM-DD)");
  const sdk::Date issued = version.value().issued;
  if (!issued.isSet()) {
    return sdk::Status::invalid(
        "plan_version_id",
        "version " + std::to_string(version.value().number) + " is not issued yet");
  }
  if (filing.submitted < issued) {
    return sdk::Status::invalid("submitted",
                                "is before the version's issue date " + issued.toString());
  }
  if (filing.submitted > today().addDays(1)) {
    return sdk::Status::invalid("submitted", "is in the future: " + filing.submitted.toString());
  }
  if (filing.published.isSet()) {
    if (!isValidDate(filing.published))
      return sdk::Status::invalid("published", "is not a real date");
    if (filing.published < issued) {
      return sdk::Status::invalid("published",
                                  "is before the version's issue date " + issued.toString());
    }
  }
  return sdk::Status::ok();
}

sdk::Status validateCorrectiveAction(store::Database& db, const store::CorrectiveAction& action) {
  if (action.description.empty()) return sdk::Status::invalid("description", "is required");
  if (action.responsible_org_id == 0 ||
      !store::OrganisationRepository(db.session()).findById(action.responsible_org_id)) {
    return sdk::Status::invalid(
        "responsible_org_id",
        "no organisation with id " + std::to_string(action.responsible_org_id));
  }
  if (action.due.isSet() && !isValidDate(action.due)) {
    return sdk::Status::invalid("due", "is not a real date: " + action.due.toString());
  }
  return sdk::Status::ok();
}

}  // namespace beacon::service
