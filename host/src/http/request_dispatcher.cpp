#include "http/request_dispatcher.h"

#include <chrono>

#include <Poco/Format.h>
#include <Poco/Message.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include "auth/api_token_store.h"
#include "auth/user_repository.h"
#include "http/http_error.h"
#include "http/idempotent_post.h"
#include "http/page_text.h"

#include "http/malloc_tuning.h"
#include "http/origin_check.h"
#include "http/request_context.h"
#include "http/request_framing.h"
#include "http/response_cache_key.h"
#include "store/storage_error.h"

namespace beacon::http {

namespace {

// After a 413 the connection is closed; closing with unread request bytes
// makes the kernel reset it, and the client may lose the response. So read
// and discard what arrives within a short time, at most 1 MB, then close.
void drainBriefly(Poco::Net::HTTPServerRequest& request) {
  try {
    auto& socket = static_cast<Poco::Net::HTTPServerRequestImpl&>(request).socket();
    socket.setReceiveTimeout(Poco::Timespan(0, 200000));
    std::istream& in = request.stream();
    char buffer[8192];
    std::size_t drained = 0;
    while (drained < (1u << 20) && in.read(buffer, sizeof buffer)) drained += static_cast<std::size_t>(in.gcount());
  } catch (...) {
  }
}

// An answer about to go out before the handler read the request body (404,
// 405, 401, 403, 303 to the login page, an error): the rest of the body is
// read now, up to web.max_body_bytes, so that the connection can carry the
// next request; when it cannot be, the answer says Connection: close. Either
// way the body is never parsed as a request.
void settleBody(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, std::size_t limit) {
  if (response.getKeepAlive() && !drainBody(request, limit)) response.setKeepAlive(false);
}

// Seconds a client is asked to wait after a storage failure (503): the writer
// that held the database for the whole busy timeout has usually finished by then.
constexpr int kStorageRetryAfterSeconds = 5;

// The organisation a cached answer of `scope` is confined to for this request
// (WriteVersions::narrow): the user's own (0 for a city-wide scope), narrowed
// by the route's organisation parameter. REQUIRES: ctx.user.
sdk::RecordId cacheScopeOrg(RequestContext& ctx, const WriteVersions& versions, const CacheScope& scope) {
  const auth::User& user = *ctx.user;
  // The read scope lies in the user's subtree, or is the city (auth::AccessPolicy::scope).
  const sdk::RecordId own = user.role == auth::Role::Admin || user.org_id == 0 ? 0 : user.org_id;
  if (scope.drills != CacheScope::Drills::Scoped || scope.org_param.empty()) return own;
  return versions.narrow(own, ctx.query(scope.org_param));
}

// The metrics label of a request: its route's pattern ("/api/v1/drills/{id}"), or "unmatched".
std::string routeLabel(const Route* route) {
  if (!route) return "unmatched";
  std::string pattern;
  for (const auto& segment : route->segments) pattern += "/" + segment;
  return pattern.empty() ? "/" : pattern;
}

}  // namespace

void RequestDispatcher::sendStorageUnavailable(RequestContext& ctx, const std::string& detail) {
  state_.error_log.error("%s %s: storage unavailable: %s", ctx.request.getMethod(), ctx.path(), detail);
  state_.metrics.recordDatabaseError();
  ctx.response.set("Retry-After", std::to_string(kStorageRetryAfterSeconds));
  ctx.sendError(503, "storage_unavailable", pageWord("refuse_storage_unavailable", ctx.english()),
                "");
}

void RequestDispatcher::authenticate(RequestContext& ctx) {
  const std::string authorization = ctx.request.get("Authorization", "");
  if (!authorization.empty()) {
    if (Poco::icompare(authorization.substr(0, 7), "Bearer ") != 0) {
      throw HttpError(401, "unauthenticated", "Authorization must be \"Bearer <api token>\"");
    }
    auth::ApiTokenStore tokens(ctx.db().session());
    auto grant = tokens.authenticate(Poco::trim(authorization.substr(7)));
    if (!grant)
      throw HttpError(401, "unauthenticated", "the API token is unknown, revoked or expired");
    if (!auth::scopeAllows(grant->scope, ctx.request.getMethod())) {
      throw HttpError(403, "insufficient_scope",
                      "this API token is read-only (scope read); " + ctx.request.getMethod() +
                          " needs scope write");
    }
    ctx.user = std::move(grant->user);
    ctx.via_token = true;
    return;
  }
  Poco::Net::NameValueCollection cookies;
  ctx.request.getCookies(cookies);
  const std::string id = cookies.get(kSessionCookie, "");
  if (id.empty()) return;
  auth::SessionStore sessions = state_.sessions(ctx.db().session());
  auto session = sessions.find(id);
  if (!session) return;
  auth::UserRepository users(ctx.db().session());
  auto user = users.findById(session->user_id);
  // The user row is read on every request anyway, so a password changed by
  // another process (the CLI) ends older sessions at their next request.
  if (!user || user->disabled || user->credentials_generation != session->credentials_generation) {
    sessions.destroy(id);
    return;
  }
  ctx.session = std::move(session);
  ctx.user = std::move(user);
}

void RequestDispatcher::dispatch(RequestContext& ctx, const Route*& matched) {
  const std::string method = ctx.request.getMethod();
  if (auto problem = framingProblem(ctx.request)) {
    ctx.response.setKeepAlive(false);
    throw HttpError(problem->status, problem->status == 411 ? "length_required" : "bad_request", problem->message);
  }
  RouteMatch match = state_.router.match(method, ctx.path());
  matched = match.route;
  if (!match.route) {
    if (!match.allowed.empty()) {
      std::string allow;
      for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
      ctx.response.set("Allow", allow);
      throw HttpError(405, "method_not_allowed", method + " is not allowed here (allowed: " + allow + ")");
    }
    throw HttpError::notFound("no such page or endpoint: " + ctx.path());
  }
  const std::size_t limit = match.route->upload ? state_.config.max_upload_bytes : state_.config.max_body_bytes;
  const auto length = ctx.request.getContentLength64();
  if (length != Poco::Net::HTTPMessage::UNKNOWN_CONTENT_LENGTH && static_cast<std::uint64_t>(length) > limit) {
    ctx.response.setKeepAlive(false);
    throw HttpError::tooLarge("the request body (" + std::to_string(length) + " bytes) is larger than " +
                              std::to_string(limit) + " bytes");
  }
  ctx.params = match.params;
  authenticate(ctx);
  if (!ctx.via_token) requireSameOrigin(ctx);
  if (match.route->access == Access::User && !ctx.user) {
    if (ctx.isApi()) throw HttpError::unauthenticated();
    settleBody(ctx.request, ctx.response, state_.config.max_body_bytes);
    ctx.redirect("/login?next=" + [&] {
      std::string encoded;
      Poco::URI::encode(ctx.request.getURI(), "&?=#+ ", encoded);
      return encoded;
    }());
    return;
  }
  if (ctx.isApi() && ctx.session && !ctx.via_token && method != "GET" && method != "HEAD") {
    if (!auth::SessionStore::verifyCsrf(*ctx.session, ctx.request.get("X-CSRF-Token", ""))) {
      throw HttpError(403, "csrf_failed", "X-CSRF-Token header missing or wrong for a session-authenticated write");
    }
  }
  if (method == "POST" && ctx.user) {
    runIdempotent(ctx, match.route->handler);
    return;
  }
  if (match.route->cacheable && method == "GET" && ctx.user && state_.cache.enabled()) {
    serveThroughCache(ctx, *match.route);
    return;
  }
  match.route->handler(ctx);
}

void RequestDispatcher::serveThroughCache(RequestContext& ctx, const Route& route) {
  ResponseCache& cache = state_.cache;
  // What was committed since the last look (by any worker, or another
  // process or node) is applied first (WriteVersions: the write stamps).
  // Generation and stamp are read before the handler reads the data, so an
  // answer that a commit overtakes is kept under a stamp that commit has
  // already raised (or a generation it ended), and is never served.
  versions_.refresh(ctx.db().session(), cache);
  const std::uint64_t generation = cache.generation();
  const CacheScope scope = cacheScopeOf(route);
  const std::string domain =
      scope.drills == CacheScope::Drills::Scoped && !scope.domain_param.empty()
          ? ctx.query(scope.domain_param)
          : "";
  const std::uint64_t stamp = versions_.stamp(scope, cacheScopeOrg(ctx, versions_, scope), domain);
  // The stamp is part of the key: an answer kept under an older one is never found again, and
  // the least recently used entries (those) are evicted first.
  std::string key = responseCacheKey(*ctx.user, ctx.english(), ctx.path(), ctx.queryParameters()) +
                    "\n#" + std::to_string(stamp);
  // A page's content may also preselect the user's own organisation (an administrator's too).
  if (route.page) key += "\npage of " + std::to_string(ctx.user->org_id);
  if (auto hit = cache.find(key)) {
    ctx.response.set("X-Beacon-Cache", "hit");
    if (route.page) {
      ctx.sendKeptPage(*hit);
    } else {
      ctx.send(200, hit->content_type, hit->body);
    }
    return;
  }
  ctx.response.set("X-Beacon-Cache", "miss");
  if (route.page) {
    ctx.keepPage();
  } else {
    ctx.keepResponse();
  }
  route.handler(ctx);
  auto answer = ctx.takeKept();
  if (ctx.status() == 200 && answer) cache.put(key, generation, std::move(*answer));
}

void RequestDispatcher::handleRequest(Poco::Net::HTTPServerRequest& request,
                                      Poco::Net::HTTPServerResponse& response) {
  const auto start = std::chrono::steady_clock::now();
  HeavyRequestTrim trim;
  RequestContext ctx(state_, request, response);
  // Served over TLS by beacon itself: browsers are told to use HTTPS only (a year).
  if (state_.config.tlsEnabled()) response.set("Strict-Transport-Security", "max-age=31536000");
  const Route* route = nullptr;
  try {
    try {
      dispatch(ctx, route);
      if (!ctx.sent()) throw std::runtime_error("handler for " + ctx.path() + " sent no response");
    } catch (const HttpError& e) {
      if (e.status() == 413) response.setKeepAlive(false);
      settleBody(request, response, state_.config.max_body_bytes);
      if (e.status() >= 500) {
        state_.error_log.error("%s %s: %d %s: %s", request.getMethod(), ctx.path(), e.status(),
                               e.code(), std::string(e.what()));
      }
      if (e.status() == 503) {
        state_.metrics.recordDatabaseError();
        response.set("Retry-After", std::to_string(kStorageRetryAfterSeconds));
      }
      ctx.sendError(e.status(), e.code(), e.what(), e.field());
      if (!response.getKeepAlive()) drainBriefly(request);
    } catch (const store::StorageError& e) {
      settleBody(request, response, state_.config.max_body_bytes);
      sendStorageUnavailable(ctx, e.what());
    } catch (const Poco::Exception& e) {
      settleBody(request, response, state_.config.max_body_bytes);
      if (store::isStorageFailure(e)) {
        sendStorageUnavailable(ctx, e.displayText());
      } else {
        state_.error_log.error("%s %s: %s", request.getMethod(), ctx.path(), e.displayText());
        ctx.sendError(500, "internal_error", "internal error; the server log has the details", "");
      }
    } catch (const std::exception& e) {
      state_.error_log.error("%s %s: %s", request.getMethod(), ctx.path(), std::string(e.what()));
      settleBody(request, response, state_.config.max_body_bytes);
      ctx.sendError(500, "internal_error", "internal error; the server log has the details", "");
    }
  } catch (...) {
    // The error page itself failed; answer with the bare minimum (unless
    // RequestContext::send already wrote the answer to the socket).
    if (!ctx.sent() && !response.sent()) {
      try {
        response.setKeepAlive(false);
        response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
        response.setContentType("application/json");
        response.send() << "{\"error\":{\"code\":\"internal_error\",\"message\":\"internal error\",\"field\":\"\"}}";
      } catch (...) {
      }
    }
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  state_.metrics.recordRequest(routeLabel(route), ctx.status(), ms / 1000);
  if (state_.access_log.information()) {
    const std::string user = ctx.user ? ctx.user->username : std::string("-");
    const std::string ip = state_.config.trusted_proxies.clientAddress(request);
    const std::string elapsed = Poco::format("%.1f", ms);
    Poco::Message line(state_.access_log.name(),
                       Poco::format("method=%s path=%s status=%d bytes=%z ms=%s user=%s ip=%s", request.getMethod(),
                                    ctx.path(), ctx.status(), ctx.bytesSent(), elapsed, user, ip),
                       Poco::Message::PRIO_INFORMATION);
    line.set("method", request.getMethod());
    line.set("path", ctx.path());
    line.set("status", std::to_string(ctx.status()));
    line.set("bytes", std::to_string(ctx.bytesSent()));
    line.set("ms", elapsed);
    line.set("user", user);
    line.set("ip", ip);
    state_.access_log.log(line);
  }
  trim.finish();
}

}  // namespace beacon::http
