// GET /summaries: choose kind, year or date, scope, domain and format; a
// preview of the chosen summary and links to open or download it (through
// /api/v1/summaries, which the session cookie also authorises), a 存档 button
// (POST /summaries/archive with the same query) and the list of archived
// summaries the user may see, each downloadable and checkable against today's data.
#include <string>
#include <vector>

#include <Poco/URI.h>

#include "http/http_error.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "http/refusal_text.h"
#include "http/routes.h"
#include "http/summary_request.h"

namespace beacon::http {

namespace {

// The kinds of summary, in the order the page offers them (labels: page_text.h, "summary_<kind>").
const std::vector<std::string>& summaryKinds() {
  static const std::vector<std::string> kKinds = {"city-annual", "plan-status",  "township",
                                                  "domain",      "drill-sheet", "drill-plan"};
  return kKinds;
}

using kainjow::mustache::data;

void summariesPage(RequestContext& ctx) {
  data d;
  const summary::SummaryRequest request = summaryRequestFromQuery(ctx);
  data kinds{data::type::list};
  for (const std::string& id : summaryKinds()) {
    data k;
    k.set("value", id);
    k.set("label", pageWord("summary_" + id, ctx.english()));
    k.set("selected", id == request.kind);
    kinds.push_back(k);
  }
  d.set("kinds", kinds);
  data formats{data::type::list};
  for (const std::string f : {"html", "text", "markdown", "json", "docx"}) {
    data o;
    o.set("value", f);
    o.set("label", pageWord("format_" + f, ctx.english()));
    o.set("selected", f == request.format);
    formats.push_back(o);
  }
  d.set("formats", formats);
  d.set("domains", domainOptions(ctx, request.domain, false));
  d.set("year", request.year ? std::to_string(request.year) : "");
  d.set("as_of", request.as_of.toString());
  d.set("org", request.org_code);
  d.set("drill", request.drill_id ? std::to_string(request.drill_id) : "");
  if (ctx.hasQuery("kind")) {
    try {
      // The printable HTML and the Word document open on their own (the links below); the preview
      // shows their text form, rendered once. A Word document is rendered as well, as only that
      // tells whether the kind has one.
      summary::SummaryRequest shown = request;
      if (request.format == "html" || request.format == "docx") shown.format = "text";
      if (request.format == "docx") renderSummary(ctx, request);
      d.set("preview", renderSummary(ctx, shown).body);
      std::string query = Poco::URI(ctx.request.getURI()).getRawQuery();
      d.set("open_href", "/api/v1/summaries?" + query);
      d.set("download_href", "/api/v1/summaries?" + query + "&download=1");
      d.set("archive_action", "/summaries/archive?" + query);
    } catch (const HttpError& e) {
      if (e.status() != 400 && e.status() != 403) throw;
      d.set("error", refusalSentence(ctx.state.app.plugins(), e.field(), e.what(), ctx.english()));
    }
  }
  data archives{data::type::list};
  for (const auto& a : visibleArchives(ctx)) {
    data item;
    item.set("id", std::to_string(a.id));
    item.set("created_at", a.created_at);
    item.set("created_by", a.created_by);
    item.set("kind", pageWord("summary_" + a.request.kind, ctx.english()));
    item.set("as_of", a.request.as_of.isSet() ? a.request.as_of.toString() : std::to_string(a.request.year));
    item.set("format", pageWord("format_" + a.request.format, ctx.english()));
    item.set("sha256", a.body_sha256.substr(0, 16));
    item.set("href", "/api/v1/summaries/archive/" + std::to_string(a.id));
    item.set("check_href", "/api/v1/summaries/archive/" + std::to_string(a.id) + "/check");
    item.set("new", ctx.query("archived") == std::to_string(a.id));
    archives.push_back(item);
  }
  d.set("archives", archives);
  d.set("has_archives", !archives.is_empty_list());
  ctx.sendPage(200, "summaries.html", d, pageWord("summaries", ctx.english()));
}

// POST /summaries/archive?<the summary's query>: archive it, back to the page.
void archivePage(RequestContext& ctx) {
  ctx.form();  // the form's CSRF token
  const summary::ArchivedSummary a = archiveSummary(ctx, summaryRequestFromQuery(ctx));
  std::string query = Poco::URI(ctx.request.getURI()).getRawQuery();
  ctx.redirect("/summaries?" + query + (query.empty() ? "" : "&") + "archived=" + std::to_string(a.id));
}

}  // namespace

void addSummaryPages(Router& router) {
  router.add("GET", "/summaries", summariesPage);
  router.add("POST", "/summaries/archive", archivePage);
}

}  // namespace beacon::http
