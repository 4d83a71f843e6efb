#include "http/summary_request.h"

#include "http/http_error.h"
#include "http/label_language.h"

#include "http/page_text.h"
#include "plugins/domain_services.h"
#include "store/data_version.h"
#include "store/drill_repository.h"

namespace beacon::http {

namespace {

// "summary\n<today>\n<data version>\n<request>", or "" when the store has no DataVersion (never
// kept).
std::string summaryCacheKey(store::Database& db, const summary::SummaryRequest& r) {
  const auto version = store::currentDataVersion(db.session());
  if (!version) return "";
  // Today as well: a request without a date reads today's year.
  return "summary\n" + plugins::DomainServices::systemToday().toString() + "\n" +
         std::to_string(version->first) + "." + std::to_string(version->second) + "\n" + r.kind +
         "\n" + std::to_string(r.year) + "\n" + r.as_of.toString() + "\n" + r.org_code + "\n" +
         r.domain + "\n" + std::to_string(r.drill_id) + "\n" + r.format + "\n" +
         languageCode(r.english);
}

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

void requireSummaryScope(RequestContext& ctx, const summary::SummaryRequest& request) {
  const auth::User& user = ctx.requireUser();
  const auth::Scope scope = ctx.policy().scope(user);
  if (request.kind == "township" || (request.kind == "drill-plan" && !request.org_code.empty())) {
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
    throw HttpError::forbidden(pageWord("refuse_city_summary_scope", ctx.english()));
  }
}

RenderedSummary renderSummary(RequestContext& ctx, const summary::SummaryRequest& request) {
  requireSummaryScope(ctx, request);
  RenderedSummary out;
  const summary::SummaryMedia media = summary::summaryMedia(request.format);
  {
    std::lock_guard<std::mutex> lock(ctx.state.app_mutex);
    // A summary is a function of the request and the data: while the store's DataVersion is
    // unchanged, the text rendered for the same request is served again (kept in the response
    // cache, which also drops it at the next commit it sees).
    ResponseCache& cache = ctx.state.cache;
    const std::uint64_t generation = cache.generation();
    const std::string key = cache.enabled() ? summaryCacheKey(ctx.state.app.db(), request) : "";
    if (auto kept = key.empty() ? nullptr : cache.find(key)) {
      out.body = kept->body;
    } else {
      summary::SummaryService service(ctx.state.app.db(), ctx.state.app.plugins(),
                                      ctx.state.app.templates(), &ctx.state.app.engine());
      auto body = service.render(request);
      if (!body.isOk()) {
        if (body.status().code() != sdk::StatusCode::InvalidArgument)
          throw HttpError::of(body.status());
        throw HttpError::badRequest(body.status().message(), paramFor(body.status().field()));
      }
      out.body = std::move(body.value());
      if (!key.empty()) cache.put(key, generation, CachedResponse{media.content_type, out.body});
    }
  }
  out.content_type = media.content_type;
  out.attachment = request.format == "docx";
  // The organisation a township or drill-plan summary names, else the user's or the city.
  const std::string day = request.as_of.isSet() ? request.as_of.toString()
                          : request.year != 0   ? std::to_string(request.year)
                                                : plugins::DomainServices::systemToday().toString();
  std::string label = pageWord("file_" + request.kind, request.english);
  if (label.empty()) label = request.kind;
  out.download = downloadName(downloadScope(ctx, request.kind == "drill-sheet" ? "" : request.org_code), label,
                              request.kind, day, media.extension);
  return out;
}

summary::ArchivedSummary archiveSummary(RequestContext& ctx, const summary::SummaryRequest& request) {
  if (ctx.requireUser().role == auth::Role::Viewer) {
    throw HttpError::forbidden(pageWord("refuse_viewer_archive", ctx.english()));
  }
  requireSummaryScope(ctx, request);
  std::lock_guard<std::mutex> lock(ctx.state.app_mutex);
  summary::SummaryService service(ctx.state.app.db(), ctx.state.app.plugins(), ctx.state.app.templates(),
                                  &ctx.state.app.engine());
  auto archived = summary::SummaryArchive(ctx.state.app.db(), service).archive(request, ctx.actor());
  if (!archived.isOk()) {
    if (archived.status().code() != sdk::StatusCode::InvalidArgument ||
        archived.status().field().empty())
      throw HttpError::of(archived.status());
    throw HttpError::badRequest(archived.status().message(), paramFor(archived.status().field()));
  }
  return archived.value();
}

std::vector<summary::ArchivedSummary> visibleArchives(RequestContext& ctx) {
  std::vector<summary::ArchivedSummary> all;
  {
    std::lock_guard<std::mutex> lock(ctx.state.app_mutex);
    summary::SummaryService service(ctx.state.app.db(), ctx.state.app.plugins(), ctx.state.app.templates(),
                                    &ctx.state.app.engine());
    all = summary::SummaryArchive(ctx.state.app.db(), service).list();
  }
  std::vector<summary::ArchivedSummary> out;
  for (auto& a : all) {
    try {
      requireSummaryScope(ctx, a.request);
      out.push_back(std::move(a));
    } catch (const HttpError&) {
    }
  }
  return out;
}

}  // namespace beacon::http
