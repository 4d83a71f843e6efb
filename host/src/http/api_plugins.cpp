// GET /api/v1/plugins, /api/v1/plugins/{id}, /api/v1/me
#include <Poco/JSON/Array.h>

#include "http/http_error.h"
#include "http/request_context.h"
#include "http/routes.h"
#include "http/plugin_json.h"

namespace beacon::http {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

void listPlugins(RequestContext& ctx) {
  ctx.requireUser();
  Array::Ptr items = new Array();
  for (const auto& p : ctx.state.app.plugins().all()) items->add(pluginJson(p));
  Object::Ptr out = new Object();
  out->set("items", items);
  ctx.sendJson(200, out);
}

void showPlugin(RequestContext& ctx) {
  ctx.requireUser();
  for (const auto& p : ctx.state.app.plugins().all()) {
    if (p.id == ctx.param("id")) {
      ctx.sendJson(200, pluginJson(p));
      return;
    }
  }
  throw HttpError::notFound("no plugin \"" + ctx.param("id") + "\"");
}

void me(RequestContext& ctx) {
  Object::Ptr out = auth::toJson(ctx.requireUser());
  out->set("csrf_token", ctx.csrfToken());
  out->set("via_token", ctx.via_token);
  ctx.sendJson(200, out);
}

}  // namespace

void addPluginApi(Router& router) {
  router.add("GET", "/api/v1/plugins", listPlugins);
  router.add("GET", "/api/v1/plugins/{id}", showPlugin);
  router.add("GET", "/api/v1/me", me);
}

}  // namespace beacon::http
