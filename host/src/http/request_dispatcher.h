// RequestDispatcher: the Poco request handler every request goes through:
// refuses oversized bodies (413) before reading them, authenticates (session
// cookie or "Authorization: Bearer" API token), checks the CSRF header of a
// cookie-authenticated API write, routes (404 unknown path, 405 wrong
// method), runs the handler inside a catch-all that maps every failure to
// the JSON error shape or an HTML error page (never a dropped connection),
// and writes one access-log line (its fields also as message parameters, for
// JSON logs) and counts the request in ServerMetrics by route pattern. A storage failure (store::StorageError, or
// a Poco::Data one store::isStorageFailure names) is a 503 storage_unavailable
// with Retry-After, never a 4xx. A cacheable route's GET is answered from
// the ResponseCache when it holds the answer for the caller's key, after
// authentication and the login check, and after asking whether anything was
// committed since the last look (store::ChangeWatch), which invalidates
// the cache; a miss runs the handler and keeps its 200 answer. The answer carries
// "X-Beacon-Cache: hit" or "miss". DispatcherFactory never returns null.
// Both are stateless apart from the shared WebState; thread-safe.
#pragma once

#include <string>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "http/cache_scope.h"
#include "http/web_state.h"
#include "http/write_versions.h"

namespace beacon::http {

class RequestContext;

class RequestDispatcher : public Poco::Net::HTTPRequestHandler {
 public:
  explicit RequestDispatcher(WebState& state) : state_(state), versions_(state.versions) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

 private:
  // `matched`: the route the request matched, or null (for the metrics).
  void dispatch(RequestContext& ctx, const Route*& matched);
  void authenticate(RequestContext& ctx);
  void serveThroughCache(RequestContext& ctx, const Route& route);
  // 503 storage_unavailable with Retry-After, and an error-log line with `detail`.
  void sendStorageUnavailable(RequestContext& ctx, const std::string& detail);
  WebState& state_;
  WriteVersions& versions_;
};

// Makes the dispatchers of one server.
class DispatcherFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit DispatcherFactory(WebState& state) : state_(state) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new RequestDispatcher(state_);
  }

 private:
  WebState& state_;
};

inline constexpr const char* kSessionCookie = "beacon_session";

}  // namespace beacon::http
