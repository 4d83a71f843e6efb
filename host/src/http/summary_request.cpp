#include "http/summary_request.h"

#include "http/http_error.h"
#include "store/drill_repository.h"

namespace beacon::http {

namespace {

std::string paramFor(const std::string& field) {
  if (field == "org_code") return "org";
  if (field == "drill_id") return "drill";
  return field;
}

}  // namespace

summary::SummaryRequest summaryRequestFromQuery(RequestContext& ctx) {
  summary::SummaryRequest r;
  r.kind = ctx.query("kind", "city-annual");
  r.year = ctx.queryInt("year", 0, 1990, 2200);
  r.as_of = ctx.queryDate("as_of");
  r.org_code = ctx.query("org");
  r.domain = ctx.query("domain");
  r.drill_id = ctx.queryInt("drill", 0, 0, 2000000000);
  r.format = ctx.query("format", "html");
  r.english = ctx.english();
  return r;
}

RenderedSummary renderSummary(RequestContext& ctx, const summary::SummaryRequest& request) {
  const auth::User& user = ctx.requireUser();
  const auth::Scope scope = ctx.policy().scope(user);
  if (request.kind == "township") {
    if (!request.org_code.empty()) {
      auto org = ctx.organisations().findByCode(request.org_code);
      if (org && !scope.contains(org->id)) throw HttpError::forbidden("organisation " + request.org_code + " is outside your scope");
    }
  } else if (request.kind == "drill-sheet") {
    if (request.drill_id != 0) {
      auto drill = store::DrillRepository(ctx.db().session()).findById(request.drill_id);
      if (drill && !scope.contains(drill->org_id)) throw HttpError::forbidden("drill outside your scope");
    }
  } else if (!scope.all) {
    throw HttpError::forbidden(ctx.english() ? "city-wide summaries need a city-wide account; choose township"
                                             : "全市汇总仅限市级账户查看；请选择乡镇(街道)汇总");
  }
  RenderedSummary out;
  {
    std::lock_guard<std::mutex> lock(ctx.state.app_mutex);
    summary::SummaryService service(ctx.state.app.db(), ctx.state.app.plugins(), ctx.state.app.templates(),
                                    &ctx.state.app.engine());
    auto body = service.render(request);
    if (!body.isOk()) throw HttpError::badRequest(body.status().message(), paramFor(body.status().field()));
    out.body = body.value();
  }
  std::string ext = "txt";
  out.content_type = "text/plain; charset=utf-8";
  if (request.format == "html") {
    out.content_type = "text/html; charset=utf-8";
    ext = "html";
  } else if (request.format == "markdown") {
    out.content_type = "text/markdown; charset=utf-8";
    ext = "md";
  } else if (request.format == "json") {
    out.content_type = "application/json; charset=utf-8";
    ext = "json";
  } else if (request.format == "docx") {
    out.content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    ext = "docx";
    out.attachment = true;
  }
  out.filename = "beacon-" + request.kind + "." + ext;
  return out;
}

}  // namespace beacon::http
