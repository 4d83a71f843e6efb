// GET /api/v1/summaries?kind=&year=&as_of=&org=&domain=&drill=&format=&download=1
#include "http/content_policy.h"
#include "http/routes.h"
#include "http/summary_request.h"

namespace beacon::http {

namespace {

void getSummary(RequestContext& ctx) {
  const RenderedSummary s = renderSummary(ctx, summaryRequestFromQuery(ctx));
  if (s.attachment || ctx.query("download") == "1") {
    ctx.response.set("Content-Disposition", "attachment; filename=\"" + s.filename + "\"");
  }
  // The HTML report opens in the browser from this site: it must run nothing.
  ctx.response.set("Content-Security-Policy", kDocumentPolicy);
  ctx.send(200, s.content_type, s.body);
}

}  // namespace

void addSummaryApi(Router& router) { router.add("GET", "/api/v1/summaries", getSummary); }

}  // namespace beacon::http
