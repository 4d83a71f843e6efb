// CacheScope: what a cacheable route's answer may show, for the response cache to tell which
// writes make it stale (CacheVersions::stamp). By default an answer depends on every watched
// table (store/cache_version_triggers.h) as a whole. A route narrows that: `scoped` tables are
// read only for the organisations in the request's scope (the caller's read scope, narrowed to
// the subtree of the organisation named by the query parameter `org_param`, id or code, as
// readableOrgs does), so a write to such a table counts only when it touched a row of one of
// them; `ignored` tables are never read by the answer. A table belongs in `scoped` only when
// every row of it that the answer shows lies in that scope, and in `ignored` only when no part
// of the answer (titles, counts, links) comes from it. Plain data; thread-safe.
#pragma once

#include <set>
#include <string>

namespace beacon::http {

struct CacheScope {
  std::set<std::string> scoped;
  std::set<std::string> ignored;
  std::string org_param;  // "" when no query parameter narrows the scope
};

}  // namespace beacon::http
