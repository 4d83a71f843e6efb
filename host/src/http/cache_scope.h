// CacheScope: what a cacheable route's answer shows of the drills, for the response cache to tell
// which write stamps (store/write_stamp.h) make it stale. Every answer is stale after a stamp
// "*" (a write that may have changed anything). A stamp "drills" (drills added for one
// organisation) makes it stale as `drills` says: Whole (the default: any added drill), Scoped
// (only a drill of an organisation in the request's scope: the caller's read scope, narrowed to
// the subtree of the organisation named by the query parameter `org_param`, id or code, as
// readableOrgs does) or Ignored (the answer shows nothing of drills: no row, count, title or
// link). Scoped is right only when every drill the answer shows lies in that scope. A Scoped
// answer confined to one domain by the query parameter `domain_param` is stale only for drills of
// that domain (the stamp "drills:<domain>", store/drill_write_subject.h) or of any domain (a
// plain "drills").
// cacheScopeOf says it for each cacheable route, in one table (cache_scope.cpp). Plain data;
// thread-safe.
#pragma once

#include <string>

namespace beacon::http {

struct Route;

struct CacheScope {
  enum class Drills { Whole, Scoped, Ignored };
  Drills drills = Drills::Whole;
  std::string org_param;  // with Scoped: the query parameter that narrows the scope ("" for none)
  std::string domain_param;  // with Scoped: the query parameter naming the one domain listed ("")
};

// The scope of a cacheable route's answers (Whole for a route the table does not name).
CacheScope cacheScopeOf(const Route& route);

}  // namespace beacon::http
