// Router: the table of routes, "METHOD /pattern/{param}" to a handler,
// filled once at start-up and read concurrently afterwards. Matching
// tells a wrong method (405, with the allowed methods) from an unknown path
// (404). Segments are matched literally or captured by {name}; a capture
// may carry a suffix ("{code}.ics"). A cacheable route (addCacheable) is a
// logged-in GET whose answer the dispatcher may keep in the ResponseCache; a
// cached page (addCachedPage) one whose page content it may keep.
// Thread-safe for lookups after set-up.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace beacon::http {

class RequestContext;
using Handler = std::function<void(RequestContext&)>;

enum class Access {
  Public,   // no login needed (login page, calendar feed with its token)
  User,     // any logged-in user (API: 401; pages: redirect to the login page)
};

struct Route {
  std::string method;
  std::vector<std::string> segments;
  Handler handler;
  Access access = Access::User;
  bool upload = false;  // multipart body: web.max_upload_bytes instead of web.max_body_bytes
  // The answer depends only on the stored data, the caller's read scope
  // (role and organisation), the language, the path and the query, and is
  // sent with RequestContext::send/sendJson and no other header.
  bool cacheable = false;
  // A cacheable page: its handler answers with RequestContext::sendPage, whose content (not
  // the layout, which names the user and carries the session's CSRF token) is kept.
  bool page = false;
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  std::vector<std::string> allowed;  // methods of the path when the method did not match
};

class Router {
 public:
  void add(const std::string& method, const std::string& pattern, Handler handler,
           Access access = Access::User, bool upload = false);
  // A GET for logged-in users whose 200 answers the ResponseCache may keep
  // (see Route::cacheable for what the handler must promise).
  void addCacheable(const std::string& pattern, Handler handler);
  // A page for logged-in users whose content the ResponseCache may keep (see Route::page); its
  // cache scope is named in cache_scope.cpp.
  void addCachedPage(const std::string& pattern, Handler handler);
  RouteMatch match(const std::string& method, const std::string& path) const;
  std::size_t size() const { return routes_.size(); }

 private:
  std::vector<Route> routes_;
};

std::vector<std::string> splitPath(const std::string& path);

}  // namespace beacon::http
