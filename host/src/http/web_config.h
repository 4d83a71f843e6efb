// WebConfig: the web server's settings from the properties file (keys
// web.*, see etc/beacon.properties), checked at start-up so a bad value
// fails naming its key. Plain value; thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include <Poco/Util/AbstractConfiguration.h>

#include "beacon/sdk/status.h"
#include "http/trusted_proxies.h"

namespace beacon::http {

struct WebConfig {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: an ephemeral port (the bound one is printed)
  int threads = 8;
  int queue = 256;
  // Seconds for a connection's request head to arrive (also each body read),
  // and for the next head on a kept-alive connection.
  int header_timeout_s = 10;
  int keepalive_timeout_s = 15;
  std::size_t max_body_bytes = 64 * 1024;           // JSON and form bodies
  std::size_t max_upload_bytes = 20 * 1024 * 1024;  // multipart attachments
  std::string attachments_dir = "var/attachments";
  int session_idle_minutes = 30;
  int session_absolute_hours = 12;
  // Login throttling (auth::LoginRateLimiter): failures allowed before waits begin.
  int login_free_failures_per_account_address = 5;
  int login_free_failures_per_account = 20;
  int login_free_failures_per_address = 100;
  int login_window_minutes = 60;      // a count is forgotten this long after its last failure
  int login_max_delay_seconds = 900;  // the longest wait
  TrustedProxies trusted_proxies;     // whose X-Forwarded-For gives the client address
  // Client addresses that may read GET /metrics (the same list syntax); default loopback.
  TrustedProxies metrics_allow = TrustedProxies::parse("127.0.0.1, ::1", "web.metrics_allow").value();
  int password_iterations = 100000;
  bool secure_cookies = false;  // set behind HTTPS (always on when beacon serves TLS itself)
  // HTTPS served by beacon itself: PEM certificate chain and unencrypted PEM
  // key (both, or neither: plain HTTP). See http/tls_context.h.
  std::string tls_certificate;
  std::string tls_key;
  bool tlsEnabled() const { return !tls_certificate.empty(); }
  bool demo_accounts = true;    // create demo logins on a demo database without accounts
  // ResponseCache bounds (0 in either: no caching).
  int response_cache_entries = 2048;
  int response_cache_bytes = 64 * 1024 * 1024;
  // records.correction_days: how long a recorder may correct or void its own records.
  int correction_days = 30;

  // Reads web.listen (host:port), web.threads, web.queue, web.header_timeout_s,
  // web.keepalive_timeout_s, web.max_body_bytes,
  // web.max_upload_bytes, web.attachments_dir, web.session_idle_minutes,
  // web.session_absolute_hours, web.login_free_failures_per_account_address,
  // web.login_free_failures_per_account, web.login_free_failures_per_address,
  // web.login_window_minutes, web.login_max_delay_seconds, web.trusted_proxies, web.metrics_allow,
  // web.password_iterations, web.secure_cookies, web.demo_accounts,
  // web.response_cache_entries, web.response_cache_bytes, web.tls_certificate,
  // web.tls_key (both or neither; the files are loaded to check them) and records.correction_days
  // (auth::CorrectionPolicy::configuredDays).
  static sdk::Result<WebConfig> load(const Poco::Util::AbstractConfiguration& config);
  // Parses "host:port" (port 0..65535); fails naming `key`.
  sdk::Status setListen(const std::string& listen, const std::string& key);
};

}  // namespace beacon::http
