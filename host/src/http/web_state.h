// WebState: what every request handler shares: the application context
// (plugin registry, templates, rules configuration and calendar, read-only
// after start-up), the web settings, the limits and clock of the login
// sessions and login throttling (their state is in the database, shared by
// every server process: sessions() and limiter() work over the caller's
// connection), the per-thread database pool, the response cache of
// read-only API GETs and the watch that invalidates it (each thread-safe),
// the write versions that tell which cached answers a commit made stale and
// keep the organisation tree (WriteVersions, thread-safe), the routes and
// the counters GET /metrics reports (ServerMetrics, thread-safe).
//
// Threading: each worker uses its own Database from `pool`. The compliance
// engine holds the HostContext's single Database and is not thread-safe, so
// every use of app.engine() or app.db() happens under `app_mutex`. A plugin
// call that may read records (drill validation) reads the worker's Database
// (rules::ReaderConnection) and needs no lock.
#pragma once

#include <mutex>

#include <Poco/Logger.h>

#include "auth/login_rate_limiter.h"
#include "auth/password_hasher.h"
#include "auth/session_store.h"
#include "auth/wall_clock.h"
#include "http/database_pool.h"
#include "http/host_context.h"
#include "http/response_cache.h"
#include "http/router.h"
#include "http/server_metrics.h"
#include "http/web_config.h"
#include "http/write_versions.h"
#include "store/change_watch.h"

namespace beacon::http {

struct WebState {
  WebState(HostContext& app_context, const WebConfig& web_config, auth::WallClock wall_clock)
      : app(app_context),
        config(web_config),
        hasher(web_config.password_iterations),
        session_limits{std::chrono::minutes(web_config.session_idle_minutes),
                       std::chrono::hours(web_config.session_absolute_hours)},
        rate_limits{web_config.login_free_failures_per_account_address,
                    web_config.login_free_failures_per_account,
                    web_config.login_free_failures_per_address,
                    std::chrono::minutes(web_config.login_window_minutes),
                    std::chrono::seconds(web_config.login_max_delay_seconds)},
        clock(std::move(wall_clock)),
        pool(app_context.databasePath()),
        cache(static_cast<std::size_t>(web_config.response_cache_entries),
              static_cast<std::size_t>(web_config.response_cache_bytes)),
        changes(store::makeChangeWatch(app_context.db())),
        versions(*changes),
        access_log(Poco::Logger::get("beacon.http.access")),
        error_log(Poco::Logger::get("beacon.http")) {}

  HostContext& app;
  const WebConfig config;
  const auth::PasswordHasher hasher;
  const auth::SessionLimits session_limits;
  const auth::RateLimits rate_limits;
  const auth::WallClock clock;
  DatabasePool pool;
  ResponseCache cache;
  std::unique_ptr<store::ChangeWatch> changes;  // declared after pool: destroyed first
  WriteVersions versions;                       // declared after changes: destroyed first
  std::mutex app_mutex;
  Router router;
  ServerMetrics metrics;
  Poco::Logger& access_log;
  Poco::Logger& error_log;

  // The login sessions and the login throttle, over `connection` (the calling worker's).
  auth::SessionStore sessions(Poco::Data::Session& connection) const {
    return auth::SessionStore(connection, session_limits, clock);
  }
  auth::LoginRateLimiter limiter(Poco::Data::Session& connection) const {
    return auth::LoginRateLimiter(connection, rate_limits, clock);
  }
};

}  // namespace beacon::http
