// The 搜索 page: GET /search?q=&kind=&offset=, reached from the search box in every page's
// header. Without `kind` it shows the first 10 plans, drills and organisations matching `q`
// (search_results.h), each section with its total and, when there are more, a link to all of
// them (`kind=`), which pages through one kind 50 at a time. Only records the user may read.
#include "http/http_error.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "http/routes.h"
#include "http/search_results.h"
#include "render/json_data.h"

#include <Poco/JSON/Object.h>
#include <Poco/URI.h>

namespace beacon::http {

namespace {

using kainjow::mustache::data;

constexpr int kSectionRows = 10;
constexpr int kKindPageRows = 50;

void searchPage(RequestContext& ctx) {
  const bool en = ctx.english();
  const std::string q = searchText(ctx);
  const auto kinds = searchKinds(ctx);
  const bool one_kind = kinds.size() == 1;
  data d;
  d.set("q", q);
  data sections{data::type::list};
  if (!q.empty()) {
    store::SearchPage page;
    page.limit = one_kind ? kKindPageRows : kSectionRows;
    page.offset = one_kind ? ctx.queryInt("offset", 0, 0, 100000000) : 0;
    for (auto kind : kinds) {
      const SearchSection s = searchSection(ctx, kind, q, page);
      const std::string id = toId(kind);
      // The page shows a mailto: link only for an address (a mustache section is true for "").
      for (std::size_t i = 0; i < s.items->size(); ++i) {
        auto item = s.items->getObject(static_cast<unsigned>(i));
        if (item->optValue<std::string>("contact_email", "x").empty())
          item->remove("contact_email");
      }
      data section = render::toMustacheData(s.items);

      data sd;
      sd.set("kind", id);
      sd.set("heading", pageWord("search_" + id, en));
      sd.set("total", std::to_string(s.total));
      sd.set("items", section);
      sd.set("is_" + id, true);
      if (one_kind) {
        setPager(ctx, sd, s.offset, s.limit, s.total);
      } else {
        const int shown = static_cast<int>(s.items->size());
        sd.set("range", s.total == 0 ? "0" : "1–" + std::to_string(shown));
        if (s.total > shown) {
          Poco::URI more("/search");
          for (const auto& [k, v] : ctx.queryParameters()) {
            if (k != "kind" && k != "offset") more.addQueryParameter(k, v);
          }
          more.addQueryParameter("kind", id);
          sd.set("more_href", more.toString());
        }
      }
      sections.push_back(sd);
    }
  }
  d.set("sections", sections);
  d.set("searched", !q.empty());
  ctx.sendPage(200, "search.html", d, pageWord("search", en));
}

}  // namespace

void addSearchPage(Router& router) { router.add("GET", "/search", searchPage); }

}  // namespace beacon::http
