#include "http/cache_scope.h"

#include "http/router.h"

namespace beacon::http {

CacheScope cacheScopeOf(const Route& route) {
  const std::vector<std::string> drills = {"api", "v1", "drills"};
  const std::vector<std::string> plans = {"api", "v1", "plans"};
  // A drill list shows drills of the request's organisation scope only (readableOrgs, "org"),
  // and of the one domain "domain" names when it is given.
  if (route.segments == drills) return CacheScope{CacheScope::Drills::Scoped, "org", "domain"};
  // A plan list shows nothing of drills (planItemJson: the plan, its owner, its category).
  if (route.segments == plans) return CacheScope{CacheScope::Drills::Ignored, "", ""};
  // The pages: /drills lists drills as the API does; /plans shows plans as the API does;
  // /drills/new offers the organisations and plans a drill may name, nothing of drills.
  if (route.segments == std::vector<std::string>{"drills"}) {
    return CacheScope{CacheScope::Drills::Scoped, "org", "domain"};
  }
  if (route.segments == std::vector<std::string>{"plans"})
    return CacheScope{CacheScope::Drills::Ignored, "", ""};
  if (route.segments == std::vector<std::string>{"drills", "new"}) {
    return CacheScope{CacheScope::Drills::Ignored, "", ""};
  }
  return CacheScope{};
}

}  // namespace beacon::http
