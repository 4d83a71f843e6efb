#include "store/login_throttle_repository.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

std::optional<LoginFailureCount> LoginThrottleRepository::findFailures(const std::string& key) {
  LoginFailureCount c;
  Poco::Data::Statement select(session_);
  select << "SELECT failures, last_failure_ms FROM login_failures WHERE throttle_key = $1",
      bind(key), into(c.failures), into(c.last_failure_ms);
  if (select.execute() == 0) return std::nullopt;
  return c;
}

int LoginThrottleRepository::addFailure(const std::string& key, Poco::Int64 now_ms,
                                        Poco::Int64 window_ms) {
  int failures = 0;
  session_
      << "INSERT INTO login_failures(throttle_key, failures, last_failure_ms) VALUES($1, 1, $2)"
         " ON CONFLICT(throttle_key) DO UPDATE SET failures = CASE"
         " WHEN excluded.last_failure_ms - login_failures.last_failure_ms >= $3 THEN 1"
         " ELSE login_failures.failures + 1 END,"
         " last_failure_ms = excluded.last_failure_ms"
         " RETURNING failures",
      bind(key), bind(now_ms), bind(window_ms), into(failures), now;
  return failures;
}

void LoginThrottleRepository::clearFailures(const std::string& key) {
  session_ << "DELETE FROM login_failures WHERE throttle_key = $1", bind(key), now;
}

std::size_t LoginThrottleRepository::removeFailuresBefore(Poco::Int64 cutoff_ms) {
  Poco::Data::Statement st(session_);
  st << "DELETE FROM login_failures WHERE last_failure_ms <= $1", bind(cutoff_ms);
  return st.execute();
}

std::size_t LoginThrottleRepository::countFailureKeys() {
  Poco::Int64 n = 0;
  session_ << "SELECT COUNT(*) FROM login_failures", into(n), now;
  return static_cast<std::size_t>(n);
}

bool LoginThrottleRepository::isKnownPair(const std::string& pair_key) {
  Poco::Int64 n = 0;
  session_ << "SELECT COUNT(*) FROM login_known_pairs WHERE pair_key = $1", bind(pair_key), into(n),
      now;
  return n > 0;
}

void LoginThrottleRepository::rememberPair(const std::string& pair_key, Poco::Int64 now_ms,
                                           std::size_t max_pairs) {
  session_ << "INSERT INTO login_known_pairs(pair_key, last_success_ms) VALUES($1, $2)"
              " ON CONFLICT(pair_key) DO UPDATE SET last_success_ms = excluded.last_success_ms",
      bind(pair_key), bind(now_ms), now;
  Poco::Int64 n = 0;
  session_ << "SELECT COUNT(*) FROM login_known_pairs", into(n), now;
  if (n <= static_cast<Poco::Int64>(max_pairs)) return;
  session_ << "DELETE FROM login_known_pairs WHERE pair_key IN (SELECT pair_key FROM"
              " login_known_pairs ORDER BY last_success_ms, pair_key LIMIT $1)",
      bind(n - static_cast<Poco::Int64>(max_pairs)), now;
}

}  // namespace beacon::store
