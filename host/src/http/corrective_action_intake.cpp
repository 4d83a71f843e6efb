#include "http/corrective_action_intake.h"

#include "http/http_error.h"
#include "http/page_text.h"

#include "http/record_detail.h"
#include "service/plan_service.h"
#include "store/corrective_action.h"
#include "store/corrective_action_repository.h"
#include "store/drill_repository.h"
#include "store/plan_repository.h"
#include "store/review_repository.h"

namespace beacon::http {

namespace {

// The record an action comes from, if it exists and the caller may write
// it; a missing and an unwritable source get the same answer (422 naming
// source_id), so that the answer tells nothing about records out of scope.
// Returns the plan the source belongs to (0: a drill that names no plan).
sdk::RecordId writableSourcePlan(RequestContext& ctx, store::SourceKind kind,
                                 sdk::RecordId source_id) {
  const auth::User& user = ctx.requireUser();
  std::optional<sdk::RecordId> plan_id;
  if (source_id != 0 && kind == store::SourceKind::Drill) {
    auto drill = store::DrillRepository(ctx.db().session()).findById(source_id);
    if (drill && ctx.policy().canWrite(user, drill->org_id)) plan_id = drill->plan_id;
  } else if (source_id != 0) {
    auto review = store::ReviewRepository(ctx.db().session()).findById(source_id);
    auto plan =
        review ? store::PlanRepository(ctx.db().session()).findById(review->plan_id) : std::nullopt;
    if (plan && ctx.policy().canWrite(user, plan->owner_org_id)) plan_id = plan->id;
  }
  if (plan_id) return *plan_id;
  // No id in the message either: the answer is the same for every id refused.
  if (kind == store::SourceKind::Drill) {
    throw HttpError::invalid("source_id", pageWord("refuse_ca_no_drill_source", ctx.english()));
  }
  throw HttpError::invalid("source_id", pageWord("refuse_ca_no_review_source", ctx.english()));
}

}  // namespace

sdk::RecordId createCorrectiveAction(RequestContext& ctx, const JsonFields& f) {
  store::CorrectiveAction a;
  const std::string source = f.text("source_kind", "drill");
  if (source == "drill") {
    a.source_kind = store::SourceKind::Drill;
  } else if (source == "review") {
    a.source_kind = store::SourceKind::Review;
  } else {
    throw HttpError::invalid("source_kind", "must be drill or review");
  }
  a.source_id = f.id("source_id");
  a.description = f.text("description");
  a.responsible_org_id = f.id("responsible_org_id");
  a.due = f.date("due");
  a.plan_defect = f.boolean("plan_defect", false);
  // The plan is the source's, never the client's.
  a.plan_id = writableSourcePlan(ctx, a.source_kind, a.source_id);
  const sdk::RecordId given_plan = f.id("plan_id");
  if (given_plan != 0 && given_plan != a.plan_id) {
    const std::string own =
        a.plan_id != 0 ? std::to_string(a.plan_id) : pageWord("ca_no_plan", ctx.english());
    throw HttpError::invalid("plan_id", pageWord("refuse_ca_plan_of_source", ctx.english(), {own}));
  }
  if (a.plan_defect) {
    if (a.plan_id == 0) {
      throw HttpError::invalid("plan_defect",
                               pageWord("refuse_ca_source_without_plan", ctx.english()));
    }
    const auto plan = store::PlanRepository(ctx.db().session()).findById(a.plan_id);
    if (!plan || !ctx.policy().canWrite(ctx.requireUser(), plan->owner_org_id)) {
      throw HttpError(
          403, "forbidden",
          pageWord("refuse_ca_may_not_mark_plan", ctx.english(), {std::to_string(a.plan_id)}),
          "plan_defect");
    }
  }
  if (a.responsible_org_id != 0 && ctx.organisations().findById(a.responsible_org_id)) {
    ctx.requireWrite(a.responsible_org_id);
  }
  auto id =
      service::PlanService(ctx.db(), ctx.state.app.plugins()).addCorrectiveAction(a, ctx.actor());
  if (!id.isOk()) throw HttpError::of(id.status());
  return id.value();
}

store::CorrectiveAction changeableCorrectiveAction(RequestContext& ctx, sdk::RecordId id) {
  auto action = store::CorrectiveActionRepository(ctx.db().session()).findById(id);
  if (!action) throw HttpError::notFound("no corrective action " + std::to_string(id));
  ctx.requireRead(action->responsible_org_id);
  ctx.requireWrite(action->responsible_org_id);
  return *action;
}

store::CorrectiveAction setCorrectiveActionStatus(RequestContext& ctx,
                                                  const store::CorrectiveAction& action,
                                                  const std::string& status) {
  auto parsed = store::parseActionStatus(status);
  if (!parsed) throw HttpError::invalid("status", "must be open or done");
  store::CorrectiveActionRepository repo(ctx.db().session());
  repo.setStatus(action.id, *parsed, ctx.actor());
  return *repo.findById(action.id);
}

}  // namespace beacon::http
