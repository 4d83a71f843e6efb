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
// successfully before, so an attacker elsewhere, or a colleague's typos
// behind the same NAT, never keeps a known owner out; a stranger's attempts
// for that account wait. A success clears its pair's count only (not the
// account's or the address's, so one known account cannot launder
// guesses). A count is forgotten `window` after its last failure. Attempts
// made while waiting are refused without checking the password and do not
// count. Usernames are compared case-insensitively.
// The counts and known pairs are kept in the database (login_failures,
// login_known_pairs; store::LoginThrottleRepository), so every server
// process on it applies the same waits: guesses spread over several nodes
// behind a load balancer add up. Each failure is counted by one statement
// (concurrent failures all count) and removes the counts that no longer
// matter; the known pairs are bounded (kMaxKnownPairs). Not thread-safe
// (follows its Session): make one per request over that thread's connection.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include <Poco/Data/Session.h>

#include "auth/wall_clock.h"

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

  LoginRateLimiter(Poco::Data::Session& connection, RateLimits limits = {},
                   WallClock clock = systemClock());

  // How long until `username` from `address` may try again, and why.
  Throttle check(const std::string& username, const std::string& address);
  // Counts a failure; returns the wait it puts on this pair's next attempt.
  // When this failure made one of the counts start waiting (the moment
  // worth an audit entry), `started` gets that count's limit and first wait
  // (the widest, if several); otherwise it is left as it was.
  Throttle recordFailure(const std::string& username, const std::string& address,
                         Throttle* started = nullptr);
  void recordSuccess(const std::string& username, const std::string& address);
  std::size_t trackedKeys();

 private:
  std::chrono::seconds delayOf(int failures, int free_failures) const;
  std::chrono::seconds remaining(const std::string& key, int free_failures, WallTime now);
  Throttle checkAt(const std::string& username, const std::string& address, WallTime now);

  Poco::Data::Session& connection_;
  const RateLimits limits_;
  const WallClock clock_;
};

}  // namespace beacon::auth
