// GET /attachments/{id}: an attachment's content, only for users who may
// read the record it belongs to (a drill's organisation, a plan version's
// plan owner); served with its sniffed media type, never rendered inline as HTML.
#include "http/attachment_store.h"
#include "http/http_error.h"
#include "http/record_detail.h"
#include "http/routes.h"
#include "store/plan_repository.h"

namespace beacon::http {

namespace {

void download(RequestContext& ctx) {
  AttachmentStore store(ctx.db().session(), ctx.state.config.attachments_dir);
  auto a = store.findById(ctx.idParam("id"));
  if (!a) throw HttpError::notFound("no attachment " + ctx.param("id"));
  if (a->owner_kind == "drill") {
    readableDrill(ctx, a->owner_id);
  } else {
    auto v = store::PlanRepository(ctx.db().session()).versionById(a->owner_id);
    if (!v) throw HttpError::notFound("no attachment " + ctx.param("id"));
    readablePlan(ctx, v->plan_id);
  }
  std::string safe;
  for (char c : a->filename) safe += (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) ? '_' : c;
  ctx.response.set("Content-Disposition",
                   std::string(a->media_type.rfind("image/", 0) == 0 ? "inline" : "attachment") +
                       "; filename=\"" + safe + "\"");
  ctx.response.set("Cache-Control", "private, max-age=3600");
  ctx.send(200, a->media_type, store.read(*a));
}

}  // namespace

void addAttachmentRoutes(Router& router) { router.add("GET", "/attachments/{id}", download); }

}  // namespace beacon::http
