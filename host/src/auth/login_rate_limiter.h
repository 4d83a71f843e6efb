// LoginRateLimiter: slows password guessing. Failed logins are counted per
// username and per client IP over a sliding window; reaching the limit locks
// that username (or IP) out for `lockout`. A success clears the username's
// count (not the IP's, so one known account cannot launder an IP's guesses).
// Attempts made while locked out are refused without checking the password
// and do not extend the lockout. Usernames are compared case-insensitively.
// Entries that no longer matter are purged as it goes. Thread-safe (one mutex).
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <string>

#include "auth/clock.h"

namespace beacon::auth {

struct RateLimits {
  int failures_per_username = 5;
  int failures_per_ip = 20;  // several staff may share one township office's address
  std::chrono::seconds window{15 * 60};
  std::chrono::seconds lockout{15 * 60};
};

class LoginRateLimiter {
 public:
  explicit LoginRateLimiter(RateLimits limits = {}, Clock clock = steadyClock());
  LoginRateLimiter(const LoginRateLimiter&) = delete;
  LoginRateLimiter& operator=(const LoginRateLimiter&) = delete;

  // How long until `username` from `ip` may try again; zero = may try now.
  std::chrono::seconds retryAfter(const std::string& username, const std::string& ip);
  void recordFailure(const std::string& username, const std::string& ip);
  void recordSuccess(const std::string& username, const std::string& ip);
  std::size_t trackedKeys() const;

 private:
  struct Entry {
    std::deque<ClockTime> failures;
    ClockTime locked_until{};
  };
  void fail(const std::string& key, int limit, ClockTime now);
  std::chrono::seconds remaining(const std::string& key, ClockTime now) const;
  void purge(ClockTime now);

  const RateLimits limits_;
  const Clock clock_;
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
  std::size_t ops_since_purge_ = 0;
};

}  // namespace beacon::auth
