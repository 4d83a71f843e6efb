// GET /api/v1/summaries?kind=&year=&as_of=&org=&domain=&drill=&format=&download=1
#include "http/content_policy.h"
// POST /api/v1/summaries/archive?<the same parameters>: render and archive (201)
// GET /api/v1/summaries/archive: the archives the user may see, newest first
// GET /api/v1/summaries/archive/{id}: the archived output, byte for byte
// GET /api/v1/summaries/archive/{id}/check: does today's data give the same text?
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "http/http_error.h"
#include "http/page_text.h"

#include "http/routes.h"
#include "http/summary_request.h"

namespace beacon::http {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

void getSummary(RequestContext& ctx) {
  const RenderedSummary s = renderSummary(ctx, summaryRequestFromQuery(ctx));
  if (s.attachment || ctx.query("download") == "1") {
    ctx.response.set("Content-Disposition", s.download.disposition());
  }
  // The HTML report opens in the browser from this site: it must run nothing.
  ctx.response.set("Content-Security-Policy", kDocumentPolicy);
  ctx.send(200, s.content_type, s.body);
}

Object::Ptr archiveJson(const summary::ArchivedSummary& a) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", static_cast<Poco::Int64>(a.id));
  o->set("kind", a.request.kind);
  o->set("year", a.request.year);
  o->set("as_of", a.request.as_of.isSet() ? a.request.as_of.toString() : std::string());
  o->set("org", a.request.org_code);
  o->set("domain", a.request.domain);
  o->set("drill", static_cast<Poco::Int64>(a.request.drill_id));
  o->set("format", a.request.format);
  o->set("language", pageWord("lang_tag", a.request.english));
  o->set("content_type", a.content_type);
  o->set("filename", a.filename);
  o->set("bytes", static_cast<Poco::UInt64>(a.size));
  o->set("sha256", a.body_sha256);
  o->set("inputs_sha256", a.inputs_sha256);
  o->set("created_by", a.created_by);
  o->set("created_at", a.created_at);
  o->set("href", "/api/v1/summaries/archive/" + std::to_string(a.id));
  return o;
}

summary::ArchivedSummary visibleArchive(RequestContext& ctx) {
  const sdk::RecordId id = ctx.idParam("id");
  std::optional<summary::ArchivedSummary> found;
  {
    std::lock_guard<std::mutex> lock(ctx.state.app_mutex);
    summary::SummaryService service(ctx.state.app.db(), ctx.state.app.plugins(),
                                    ctx.state.app.templates(), &ctx.state.app.engine());
    found = summary::SummaryArchive(ctx.state.app.db(), service).find(id);
  }
  if (!found) throw HttpError::notFound("no archived summary #" + std::to_string(id));
  requireSummaryScope(ctx, found->request);
  return *found;
}

void postArchive(RequestContext& ctx) {
  const summary::ArchivedSummary a = archiveSummary(ctx, summaryRequestFromQuery(ctx));
  ctx.response.set("Location", "/api/v1/summaries/archive/" + std::to_string(a.id));
  ctx.sendJson(201, archiveJson(a));
}

void listArchives(RequestContext& ctx) {
  Array::Ptr items = new Array();
  for (const auto& a : visibleArchives(ctx)) items->add(archiveJson(a));
  Object::Ptr out = new Object();
  out->set("items", items);
  ctx.sendJson(200, out);
}

void getArchive(RequestContext& ctx) {
  const summary::ArchivedSummary a = visibleArchive(ctx);
  ctx.response.set("Content-Disposition", "attachment; filename=\"" + a.filename + "\"");
  ctx.response.set("X-Beacon-Sha256", a.body_sha256);
  ctx.send(200, a.content_type, a.body);
}

void checkArchive(RequestContext& ctx) {
  const summary::ArchivedSummary a = visibleArchive(ctx);
  sdk::Result<summary::ArchiveCheck> checked = summary::ArchiveCheck{};
  {
    std::lock_guard<std::mutex> lock(ctx.state.app_mutex);
    summary::SummaryService service(ctx.state.app.db(), ctx.state.app.plugins(),
                                    ctx.state.app.templates(), &ctx.state.app.engine());
    checked = summary::SummaryArchive(ctx.state.app.db(), service).check(a.id);
  }
  if (!checked.isOk()) throw std::runtime_error(checked.status().describe());
  Object::Ptr out = archiveJson(a);
  out->set("same_text", checked.value().same_text);
  out->set("same_inputs", checked.value().same_inputs);
  out->set("sha256_today", checked.value().body_sha256);
  out->set("inputs_sha256_today", checked.value().inputs_sha256);
  ctx.sendJson(200, out);
}

}  // namespace

void addSummaryApi(Router& router) {
  router.add("GET", "/api/v1/summaries", getSummary);
  router.add("POST", "/api/v1/summaries/archive", postArchive);
  router.add("GET", "/api/v1/summaries/archive", listArchives);
  router.add("GET", "/api/v1/summaries/archive/{id}", getArchive);
  router.add("GET", "/api/v1/summaries/archive/{id}/check", checkArchive);
}

}  // namespace beacon::http
