// Corrective-action forms on the drill page: POST
// /drills/{id}/corrective-actions (登记整改措施) and POST
// /corrective-actions/{id}/status (标记为已整改). Both check the form's CSRF
// token first and go through CorrectiveActionIntake, the API's own path
// (same field reading, validation, scope checks and audit actor). Success
// redirects (303) to the drill page; invalid input re-renders it with a 422
// naming the field and nothing stored; out of scope is 403.
#include <Poco/JSON/Object.h>

#include "http/corrective_action_intake.h"
#include "http/drill_detail_page.h"
#include "http/http_error.h"
#include "http/json_fields.h"
#include "http/record_detail.h"
#include "http/routes.h"
#include "service/text_limits.h"
#include "store/corrective_action.h"

namespace beacon::http {

namespace {

void addFromForm(RequestContext& ctx) {
  ctx.form();  // the CSRF check comes before anything else
  const sdk::Drill drill = readableDrill(ctx, ctx.idParam("id"));
  ctx.requireWrite(drill.org_id);
  CorrectiveActionForm form;
  form.description = ctx.formValue("description");
  form.responsible_org_id = ctx.formValue("responsible_org_id");
  form.due = ctx.formValue("due");
  // The form as the API's JSON body; an empty input is an absent field.
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object();
  body->set("source_kind", "drill");
  body->set("source_id", drill.id);
  if (!form.description.empty()) body->set("description", form.description);
  if (!form.responsible_org_id.empty()) body->set("responsible_org_id", form.responsible_org_id);
  if (!form.due.empty()) body->set("due", form.due);
  try {
    createCorrectiveAction(ctx, JsonFields(body));
  } catch (const HttpError& e) {
    if (e.status() != 422) throw;
    form.error_field = e.field();
    form.error_message = service::localisedMessage(e.what(), ctx.english());
    sendDrillPage(ctx, drill, 422, form);
    return;
  }
  ctx.redirect("/drills/" + std::to_string(drill.id) + "?action=added");
}

void statusFromForm(RequestContext& ctx) {
  ctx.form();
  const store::CorrectiveAction action = changeableCorrectiveAction(ctx, ctx.idParam("id"));
  setCorrectiveActionStatus(ctx, action, ctx.formValue("status"));
  if (action.source_kind == store::SourceKind::Drill && action.source_id != 0) {
    ctx.redirect("/drills/" + std::to_string(action.source_id) + "?action=updated");
  } else if (action.plan_id != 0) {
    ctx.redirect("/plans/" + std::to_string(action.plan_id));
  } else {
    ctx.redirect("/");
  }
}

}  // namespace

void addCorrectiveActionPages(Router& router) {
  router.add("POST", "/drills/{id}/corrective-actions", addFromForm);
  router.add("POST", "/corrective-actions/{id}/status", statusFromForm);
}

}  // namespace beacon::http
