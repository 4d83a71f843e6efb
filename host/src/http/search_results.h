// SearchResults: one search as GET /search and GET /api/v1/search answer it: the text asked
// for (`q`, trimmed, at most 100 characters), which kinds of record (`kind`: plan, drill or
// organisation; empty: all three), and each kind's page of matches in the user's read scope
// with the total of every match (store::SearchQueries), as JSON items labelled in the
// request's language. Per request; not shared.
#pragma once

#include <string>
#include <vector>

#include <Poco/JSON/Array.h>

#include "http/request_context.h"
#include "store/search_queries.h"

namespace beacon::http {

enum class SearchKind { Plan, Drill, Organisation };

const char* toId(SearchKind kind);

struct SearchSection {
  SearchKind kind = SearchKind::Plan;
  int total = 0;
  int limit = 0;
  int offset = 0;
  Poco::JSON::Array::Ptr items;
};

// `q` trimmed; 400 naming `q` beyond 100 characters.
std::string searchText(RequestContext& ctx);
// The kinds `kind` asks for (all three when empty); 400 naming `kind` for another value.
std::vector<SearchKind> searchKinds(RequestContext& ctx);
// One page of `kind`'s matches of `q` among the records the user may read.
SearchSection searchSection(RequestContext& ctx, SearchKind kind, const std::string& q,
                            const store::SearchPage& page);

}  // namespace beacon::http
