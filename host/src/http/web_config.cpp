#include "http/web_config.h"

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>

#include "auth/correction_policy.h"
#include "http/tls_context.h"

namespace beacon::http {

namespace {

// The value of `key` with its ${...} references expanded; a reference that
// loops or cannot be expanded fails naming the key.
sdk::Status readString(const Poco::Util::AbstractConfiguration& config, const std::string& key,
                       std::string& out) {
  try {
    out = config.getString(key);
  } catch (const Poco::Exception& e) {
    return sdk::Status::invalid(key, "cannot expand the value: " + e.displayText());
  }
  return sdk::Status::ok();
}

sdk::Status readInt(const Poco::Util::AbstractConfiguration& config, const std::string& key, int min,
                    int max, int& out) {
  if (!config.hasProperty(key)) return sdk::Status::ok();
  int value = 0;
  std::string text;
  if (sdk::Status s = readString(config, key, text); !s.isOk()) return s;
  if (!Poco::NumberParser::tryParse(text, value) || value < min || value > max) {
    return sdk::Status::invalid(key, "\"" + text + "\" is not a whole number from " + std::to_string(min) +
                                         " to " + std::to_string(max));
  }
  out = value;
  return sdk::Status::ok();
}

sdk::Status readBool(const Poco::Util::AbstractConfiguration& config, const std::string& key, bool& out) {
  if (!config.hasProperty(key)) return sdk::Status::ok();
  std::string text;
  if (sdk::Status s = readString(config, key, text); !s.isOk()) return s;
  if (text == "true" || text == "1" || text == "yes") {
    out = true;
  } else if (text == "false" || text == "0" || text == "no") {
    out = false;
  } else {
    return sdk::Status::invalid(key, "\"" + text + "\" is not true or false");
  }
  return sdk::Status::ok();
}

}  // namespace

sdk::Status WebConfig::setListen(const std::string& listen, const std::string& key) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return sdk::Status::invalid(key, "\"" + listen + "\" is not host:port (e.g. 127.0.0.1:8080)");
  }
  int p = 0;
  if (!Poco::NumberParser::tryParse(listen.substr(colon + 1), p) || p < 0 || p > 65535) {
    return sdk::Status::invalid(key, "\"" + listen + "\": the port must be 0..65535");
  }
  host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  port = p;
  return sdk::Status::ok();
}

sdk::Result<WebConfig> WebConfig::load(const Poco::Util::AbstractConfiguration& config) {
  WebConfig c;
  // The lockout settings were replaced by throttling; say so rather than ignore them.
  for (const char* old : {"web.login_failures_per_username", "web.login_failures_per_ip",
                          "web.login_lockout_minutes"}) {
    if (config.hasProperty(old)) {
      return sdk::Status::invalid(
          old,
          "is no longer used: login failures are throttled (web.login_free_failures_*,"
          " web.login_window_minutes, web.login_max_delay_seconds; docs/api.md)");
    }
  }
  if (config.hasProperty("web.trusted_proxies")) {
    std::string list;
    if (sdk::Status s = readString(config, "web.trusted_proxies", list); !s.isOk()) return s;
    auto proxies = TrustedProxies::parse(list, "web.trusted_proxies");
    if (!proxies.isOk()) return proxies.status();
    c.trusted_proxies = proxies.value();
  }
  if (config.hasProperty("web.metrics_allow")) {
    std::string list;
    if (sdk::Status s = readString(config, "web.metrics_allow", list); !s.isOk()) return s;
    auto allowed = TrustedProxies::parse(list, "web.metrics_allow");
    if (!allowed.isOk()) return allowed.status();
    c.metrics_allow = allowed.value();
  }
  if (config.hasProperty("web.listen")) {
    std::string listen;
    sdk::Status s = readString(config, "web.listen", listen);
    if (s.isOk()) s = c.setListen(listen, "web.listen");
    if (!s.isOk()) return s;
  }
  int max_body = static_cast<int>(c.max_body_bytes);
  int max_upload = static_cast<int>(c.max_upload_bytes);
  for (sdk::Status s : {readInt(config, "web.threads", 1, 256, c.threads),
                        readInt(config, "web.queue", 1, 100000, c.queue),
                        readInt(config, "web.header_timeout_s", 1, 3600, c.header_timeout_s),
                        readInt(config, "web.keepalive_timeout_s", 1, 3600, c.keepalive_timeout_s),
                        readInt(config, "web.max_body_bytes", 1024, 64 * 1024 * 1024, max_body),
                        readInt(config, "web.max_upload_bytes", 1024, 1024 * 1024 * 1024, max_upload),
                        readInt(config, "web.session_idle_minutes", 1, 7 * 24 * 60, c.session_idle_minutes),
                        readInt(config, "web.session_absolute_hours", 1, 30 * 24, c.session_absolute_hours),
                        readInt(config, "web.login_free_failures_per_account_address", 1, 1000,
                                c.login_free_failures_per_account_address),
                        readInt(config, "web.login_free_failures_per_account", 1, 100000,
                                c.login_free_failures_per_account),
                        readInt(config, "web.login_free_failures_per_address", 1, 1000000,
                                c.login_free_failures_per_address),
                        readInt(config, "web.login_window_minutes", 1, 7 * 24 * 60, c.login_window_minutes),
                        readInt(config, "web.login_max_delay_seconds", 5, 24 * 60 * 60, c.login_max_delay_seconds),
                        readInt(config, "web.password_iterations", 1, 10000000, c.password_iterations),
                        readInt(config, "web.response_cache_entries", 0, 1000000, c.response_cache_entries),
                        readInt(config, "web.response_cache_bytes", 0, 1024 * 1024 * 1024,
                                c.response_cache_bytes),
                        readBool(config, "web.secure_cookies", c.secure_cookies),
                        readBool(config, "web.demo_accounts", c.demo_accounts)}) {
    if (!s.isOk()) return s;
  }
  auto days = auth::CorrectionPolicy::configuredDays(config);
  if (!days.isOk()) return days.status();
  c.correction_days = days.value();
  c.max_body_bytes = static_cast<std::size_t>(max_body);
  c.max_upload_bytes = static_cast<std::size_t>(max_upload);
  if (config.hasProperty("web.attachments_dir")) {
    sdk::Status s = readString(config, "web.attachments_dir", c.attachments_dir);
    if (!s.isOk()) return s;
  }
  if (c.attachments_dir.empty()) return sdk::Status::invalid("web.attachments_dir", "must not be empty");
  for (auto [key, value] : {std::pair{"web.tls_certificate", &c.tls_certificate}, std::pair{"web.tls_key", &c.tls_key}}) {
    if (!config.hasProperty(key)) continue;
    if (sdk::Status s = readString(config, key, *value); !s.isOk()) return s;
  }
  if (c.tls_certificate.empty() != c.tls_key.empty()) {
    return sdk::Status::invalid(c.tls_key.empty() ? "web.tls_key" : "web.tls_certificate",
                                "is needed with " +
                                    std::string(c.tls_key.empty() ? "web.tls_certificate" : "web.tls_key") +
                                    " (set both for HTTPS, or neither)");
  }
  if (c.tlsEnabled()) {
    auto tls = makeTlsContext(c.tls_certificate, c.tls_key);
    if (!tls.isOk()) return tls.status();
    c.secure_cookies = true;
  }
  return c;
}

}  // namespace beacon::http
