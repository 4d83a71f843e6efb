// LoginThrottleRepository: the login rate limiter's state, shared by every
// server process on the database (migration 25): login_failures holds a
// failure count and the time of the last failure per throttle key (a
// username, a client address, or the pair), login_known_pairs the pairs that
// have logged in, with the time of the last success. Times are milliseconds
// since the Unix epoch. The named statements only: the waits are
// auth::LoginRateLimiter's. Not thread-safe (follows its Session).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include <Poco/Data/Session.h>
#include <Poco/Types.h>

namespace beacon::store {

struct LoginFailureCount {
  int failures = 0;
  Poco::Int64 last_failure_ms = 0;
};

class LoginThrottleRepository {
 public:
  explicit LoginThrottleRepository(Poco::Data::Session& session) : session_(session) {}
  std::optional<LoginFailureCount> findFailures(const std::string& key);
  // Counts one failure under `key` at `now_ms`, starting the count again when
  // its last failure is `window_ms` or longer ago; returns the count. One
  // statement, so concurrent failures from several processes all count.
  int addFailure(const std::string& key, Poco::Int64 now_ms, Poco::Int64 window_ms);
  void clearFailures(const std::string& key);
  // Removes the counts whose last failure is at or before `cutoff_ms`; returns how many.
  std::size_t removeFailuresBefore(Poco::Int64 cutoff_ms);
  std::size_t countFailureKeys();

  bool isKnownPair(const std::string& pair_key);
  // Records a success of `pair_key` at `now_ms`, then forgets the pairs that
  // succeeded longest ago beyond `max_pairs`.
  void rememberPair(const std::string& pair_key, Poco::Int64 now_ms, std::size_t max_pairs);

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
