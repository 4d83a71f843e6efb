// GET /static/app.js: the pages' script (templates/web/static/app.js, which a
// site folder may override like any template), public, cacheable by the
// browser for an hour. The pages' Content-Security-Policy allows scripts from
// this site only, so every page behaviour lives here, none inline.
#include "http/http_error.h"
#include "http/request_context.h"
#include "http/routes.h"

namespace beacon::http {

namespace {

void pageScript(RequestContext& ctx) {
  auto script =
      ctx.state.app.templates().renderText("web/static/app.js", kainjow::mustache::data());
  if (!script.isOk())
    throw std::runtime_error("template web/static/app.js: " + script.status().message());
  ctx.response.set("Cache-Control", "public, max-age=3600");
  ctx.send(200, "text/javascript; charset=utf-8", script.value());
}

}  // namespace

void addStaticAssets(Router& router) {
  router.add("GET", "/static/app.js", pageScript, Access::Public);
}

}  // namespace beacon::http
