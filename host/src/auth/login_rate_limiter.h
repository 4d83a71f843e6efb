// LoginRateLimiter: slows password guessing without locking the owner out.
// Failed logins are counted under three keys, each with its own free
// allowance after which every further failure doubles the wait before the
// next attempt (`first_delay`, twice that, four times ... up to `max_delay`):
//   - the (username, client address) pair: small allowance; always applies;
//   - the username from any address: a higher ceiling, so guesses spread
//     over many addresses still slow down;
//   - the client address over all usernames: the highest (a township office
//     behind one NAT address shares it).
// The account and address waits do not apply to a pair that has logged in
// successfully before (while this process runs), so an attacker elsewhere,
// or a colleague's typos behind the same NAT, never keeps a known owner
// out; a stranger's attempts for that account wait. A success clears its
// pair's count only (not the account's or the address's, so one known
// account cannot launder guesses). A count is forgotten `window` after its
// last failure. Attempts made while waiting are refused without checking
// the password and do not count. Usernames are compared case-insensitively.
// Entries that no longer matter are purged as it goes; the known pairs are
// bounded (kMaxKnownPairs). Thread-safe (one mutex).
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

#include "auth/clock.h"

namespace beacon::auth {

struct RateLimits {
  int free_failures_per_account_address = 5;
  int free_failures_per_account = 20;
  int free_failures_per_address = 100;  // several staff may share one township office's address
  std::chrono::seconds window{60 * 60};
  std::chrono::seconds max_delay{15 * 60};
  std::chrono::seconds first_delay{5};
};

// Which count makes an attempt wait.
enum class ThrottleLimit { None, AccountAddress, Account, Address };
const char* toId(ThrottleLimit);  // "", "account_address", "account", "address"

struct Throttle {
  std::chrono::seconds retry_after{0};  // zero: may try now
  ThrottleLimit limit = ThrottleLimit::None;
  bool throttled() const { return retry_after.count() > 0; }
};

class LoginRateLimiter {
 public:
  static constexpr std::size_t kMaxKnownPairs = 65536;

  explicit LoginRateLimiter(RateLimits limits = {}, Clock clock = steadyClock());
  LoginRateLimiter(const LoginRateLimiter&) = delete;
  LoginRateLimiter& operator=(const LoginRateLimiter&) = delete;

  // How long until `username` from `address` may try again, and why.
  Throttle check(const std::string& username, const std::string& address);
  // Counts a failure; returns the wait it puts on this pair's next attempt.
  // When this failure made one of the counts start waiting (the moment
  // worth an audit entry), `started` gets that count's limit and first wait
  // (the widest, if several); otherwise it is left as it was.
  Throttle recordFailure(const std::string& username, const std::string& address,
                         Throttle* started = nullptr);
  void recordSuccess(const std::string& username, const std::string& address);
  std::size_t trackedKeys() const;

 private:
  struct Entry {
    int failures = 0;
    ClockTime last_failure{};
  };
  std::chrono::seconds delayOf(const Entry& e, int free_failures) const;
  std::chrono::seconds remaining(const std::string& key, int free_failures, ClockTime now) const;
  Throttle checkLocked(const std::string& username, const std::string& address,
                       ClockTime now) const;
  void purge(ClockTime now);

  const RateLimits limits_;
  const Clock clock_;
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
  std::map<std::string, ClockTime> known_pairs_;  // pair key -> last success
  std::size_t ops_since_purge_ = 0;
};

}  // namespace beacon::auth
