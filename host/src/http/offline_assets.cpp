// What makes the drill form work offline as a progressive web app (issue #14
// §4), all public: GET /sw.js, the service worker (templates/web/static/sw.js:
// at the root so that its scope is the whole site; never cached by the
// browser's HTTP cache, so a new version is picked up at once); GET
// /static/offline.js, the page script that queues drills saved offline; GET
// /manifest.webmanifest, the web app manifest (name in the request's language,
// opens at the drill form). Site folders may override the two scripts like any
// template.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "http/page_text.h"
#include "http/request_context.h"
#include "http/routes.h"

namespace beacon::http {

namespace {

std::string script(RequestContext& ctx, const std::string& name) {
  auto text = ctx.state.app.templates().renderText(name, kainjow::mustache::data());
  if (!text.isOk()) throw std::runtime_error("template " + name + ": " + text.status().message());
  return text.value();
}

void serviceWorker(RequestContext& ctx) {
  const std::string text = script(ctx, "web/static/sw.js");
  ctx.response.set("Cache-Control", "no-cache");
  ctx.response.set("Service-Worker-Allowed", "/");
  ctx.send(200, "text/javascript; charset=utf-8", text);
}

void offlineScript(RequestContext& ctx) {
  const std::string text = script(ctx, "web/static/offline.js");
  ctx.response.set("Cache-Control", "no-cache");
  ctx.send(200, "text/javascript; charset=utf-8", text);
}

void manifest(RequestContext& ctx) {
  Poco::JSON::Object::Ptr m = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  const std::string app = pageWord("app", ctx.english());
  m->set("name", "Beacon · " + app);
  m->set("short_name", pageWord("log_drill", ctx.english()));
  m->set("lang", pageWord("lang_tag", ctx.english()));

  m->set("start_url", "/drills/new");
  m->set("scope", "/");
  m->set("display", "standalone");
  m->set("background_color", "#f4f6f8");
  m->set("theme_color", "#b3261e");
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(m, out, 0, -1, Poco::JSON_PRESERVE_KEY_ORDER);
  ctx.response.set("Cache-Control", "no-cache");
  ctx.send(200, "application/manifest+json; charset=utf-8", out.str());
}

}  // namespace

void addOfflineAssets(Router& router) {
  router.add("GET", "/sw.js", serviceWorker, Access::Public);
  router.add("GET", "/static/offline.js", offlineScript, Access::Public);
  router.add("GET", "/manifest.webmanifest", manifest, Access::Public);
}

}  // namespace beacon::http
