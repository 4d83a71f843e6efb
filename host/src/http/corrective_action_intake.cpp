#include "http/corrective_action_intake.h"

#include "http/http_error.h"
#include "http/record_detail.h"
#include "service/plan_service.h"
#include "store/corrective_action_repository.h"

namespace beacon::http {

sdk::RecordId createCorrectiveAction(RequestContext& ctx, const JsonFields& f) {
  sdk::CorrectiveAction a;
  const std::string source = f.text("source_kind", "drill");
  if (source == "drill") {
    a.source_kind = sdk::SourceKind::Drill;
  } else if (source == "review") {
    a.source_kind = sdk::SourceKind::Review;
  } else {
    throw HttpError::invalid("source_kind", "must be drill or review");
  }
  a.source_id = f.id("source_id");
  a.plan_id = f.id("plan_id");
  a.description = f.text("description");
  a.responsible_org_id = f.id("responsible_org_id");
  a.due = f.date("due");
  a.plan_defect = f.boolean("plan_defect", false);
  if (a.source_kind == sdk::SourceKind::Drill && a.source_id != 0) {
    const sdk::Drill drill = readableDrill(ctx, a.source_id);
    ctx.requireWrite(drill.org_id);
    if (a.plan_id == 0) a.plan_id = drill.plan_id;
  }
  if (a.responsible_org_id != 0 && ctx.organisations().findById(a.responsible_org_id)) {
    ctx.requireWrite(a.responsible_org_id);
  }
  auto id = service::PlanService(ctx.db(), ctx.state.app.plugins()).addCorrectiveAction(a, ctx.actor());
  if (!id.isOk()) throw HttpError::invalid(id.status());
  return id.value();
}

sdk::CorrectiveAction changeableCorrectiveAction(RequestContext& ctx, sdk::RecordId id) {
  auto action = store::CorrectiveActionRepository(ctx.db().session()).findById(id);
  if (!action) throw HttpError::notFound("no corrective action " + std::to_string(id));
  ctx.requireRead(action->responsible_org_id);
  ctx.requireWrite(action->responsible_org_id);
  return *action;
}

sdk::CorrectiveAction setCorrectiveActionStatus(RequestContext& ctx, const sdk::CorrectiveAction& action,
                                                const std::string& status) {
  auto parsed = sdk::parseActionStatus(status);
  if (!parsed) throw HttpError::invalid("status", "must be open or done");
  store::CorrectiveActionRepository repo(ctx.db().session());
  repo.setStatus(action.id, *parsed, ctx.actor());
  return *repo.findById(action.id);
}

}  // namespace beacon::http
