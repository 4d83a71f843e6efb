// GET /api/v1/search?q=&kind=&limit=&offset=: plans, drills and organisations matching `q` by
// code or name (drills by place or scenario) among those the user may read, as search_page.cpp
// shows them: {"q", "plan"|"drill"|"organisation": {"total", "limit", "offset", "items"}} for
// the kinds asked (`kind`, all three by default), `limit` 1–200 (20) per kind. An empty `q` is
// 400 naming it. Not cached (the response cache keeps lists only).
#include <Poco/JSON/Object.h>

#include "http/http_error.h"
#include "http/page_text.h"

#include "http/routes.h"
#include "http/search_results.h"

namespace beacon::http {

namespace {

void searchApi(RequestContext& ctx) {
  const std::string q = searchText(ctx);
  if (q.empty())
    throw HttpError::badRequest(pageWord("refuse_search_text_required", ctx.english()), "q");
  const auto kinds = searchKinds(ctx);
  store::SearchPage page;
  page.limit = ctx.queryInt("limit", 20, 1, 200);
  page.offset = ctx.queryInt("offset", 0, 0, 100000000);
  Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  out->set("q", q);
  for (auto kind : kinds) {
    const SearchSection s = searchSection(ctx, kind, q, page);
    Poco::JSON::Object::Ptr section = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    section->set("total", s.total);
    section->set("limit", s.limit);
    section->set("offset", s.offset);
    section->set("items", s.items);
    out->set(toId(kind), section);
  }
  ctx.sendJson(200, out);
}

}  // namespace

void addSearchApi(Router& router) { router.add("GET", "/api/v1/search", searchApi); }

}  // namespace beacon::http
