// Summaries for the web: reads a SummaryRequest from query parameters (kind,
// year, as_of, org, domain, drill, format), checks the user may see its scope
// (city-wide kinds need a city-wide read scope; township and drill-plan with an org the
// organisation's, drill-sheet the drill's) and renders it through SummaryService on the
// HostContext's Database under WebState::app_mutex; archives it on request.
// Per request; not shared.
#pragma once

#include <string>
#include <vector>

#include "http/download_name.h"
#include "http/request_context.h"
#include "summary/summary_archive.h"
#include "summary/summary_service.h"

namespace beacon::http {

struct RenderedSummary {
  std::string body;
  std::string content_type;
  // 新密市-预案状态-2023-12-31.html: scope, kind and day (as_of, else the year, else today).
  DownloadName download;
  bool attachment = false;  // always downloaded (docx), not only with download=1
};

summary::SummaryRequest summaryRequestFromQuery(RequestContext& ctx);
// 403 unless the user may see the summary's scope (see above).
void requireSummaryScope(RequestContext& ctx, const summary::SummaryRequest& request);
// The summary rendered and archived (summary::SummaryArchive) by the user; 403
// for a viewer or out of scope, 400 naming the query parameter for a bad request.
summary::ArchivedSummary archiveSummary(RequestContext& ctx, const summary::SummaryRequest& request);
// The archives the user may see, newest first.
std::vector<summary::ArchivedSummary> visibleArchives(RequestContext& ctx);
// 400 naming the query parameter for a bad request, 403 out of scope.
RenderedSummary renderSummary(RequestContext& ctx, const summary::SummaryRequest& request);

}  // namespace beacon::http
