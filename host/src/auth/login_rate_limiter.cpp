#include "auth/login_rate_limiter.h"

#include <algorithm>

#include <Poco/String.h>

namespace beacon::auth {

namespace {
constexpr std::size_t kPurgeEvery = 1024;
constexpr int kMaxDoublings = 20;
std::string userKey(const std::string& username) { return "u:" + Poco::toLower(username); }
std::string ipKey(const std::string& ip) { return "ip:" + ip; }
std::string pairKey(const std::string& username, const std::string& ip) {
  return "p:" + Poco::toLower(username) + '\n' + ip;
}
}  // namespace

const char* toId(ThrottleLimit limit) {
  switch (limit) {
    case ThrottleLimit::None:
      return "";
    case ThrottleLimit::AccountAddress:
      return "account_address";
    case ThrottleLimit::Account:
      return "account";
    case ThrottleLimit::Address:
      return "address";
  }
  return "";
}

LoginRateLimiter::LoginRateLimiter(RateLimits limits, Clock clock)
    : limits_(limits), clock_(std::move(clock)) {}

std::chrono::seconds LoginRateLimiter::delayOf(const Entry& e, int free_failures) const {
  if (e.failures < free_failures) return std::chrono::seconds(0);
  const int doublings = std::min(e.failures - free_failures, kMaxDoublings);
  return std::min<std::chrono::seconds>(limits_.first_delay * (1LL << doublings),
                                        limits_.max_delay);
}

std::chrono::seconds LoginRateLimiter::remaining(const std::string& key, int free_failures,
                                                 ClockTime now) const {
  auto it = entries_.find(key);
  if (it == entries_.end() || now - it->second.last_failure >= limits_.window)
    return std::chrono::seconds(0);
  const ClockTime until = it->second.last_failure + delayOf(it->second, free_failures);
  if (until <= now) return std::chrono::seconds(0);
  // Round up so a caller told "0" is never still waiting.
  return std::chrono::ceil<std::chrono::seconds>(until - now);
}

Throttle LoginRateLimiter::checkLocked(const std::string& username, const std::string& ip,
                                       ClockTime now) const {
  Throttle t;
  auto consider = [&](std::chrono::seconds wait, ThrottleLimit limit) {
    if (wait > t.retry_after) t = Throttle{wait, limit};
  };
  const std::string pair = pairKey(username, ip);
  consider(remaining(pair, limits_.free_failures_per_account_address, now),
           ThrottleLimit::AccountAddress);
  if (!known_pairs_.count(pair)) {
    consider(remaining(userKey(username), limits_.free_failures_per_account, now),
             ThrottleLimit::Account);
    consider(remaining(ipKey(ip), limits_.free_failures_per_address, now), ThrottleLimit::Address);
  }
  return t;
}

Throttle LoginRateLimiter::check(const std::string& username, const std::string& ip) {
  std::lock_guard<std::mutex> lock(mutex_);
  return checkLocked(username, ip, clock_());
}

Throttle LoginRateLimiter::recordFailure(const std::string& username, const std::string& ip,
                                         Throttle* started) {
  std::lock_guard<std::mutex> lock(mutex_);
  const ClockTime now = clock_();
  auto fail = [&](const std::string& key, int free_failures, ThrottleLimit limit) {
    Entry& e = entries_[key];
    if (now - e.last_failure >= limits_.window) e.failures = 0;
    ++e.failures;
    e.last_failure = now;
    if (e.failures == free_failures && started)
      *started = Throttle{delayOf(e, free_failures), limit};
  };
  fail(pairKey(username, ip), limits_.free_failures_per_account_address,
       ThrottleLimit::AccountAddress);
  fail(userKey(username), limits_.free_failures_per_account, ThrottleLimit::Account);
  fail(ipKey(ip), limits_.free_failures_per_address, ThrottleLimit::Address);
  if (++ops_since_purge_ >= kPurgeEvery) purge(now);
  return checkLocked(username, ip, now);
}

void LoginRateLimiter::recordSuccess(const std::string& username, const std::string& ip) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string pair = pairKey(username, ip);
  entries_.erase(pair);
  if (known_pairs_.size() >= kMaxKnownPairs && !known_pairs_.count(pair)) {
    // Forget the pair that logged in longest ago.
    auto oldest =
        std::min_element(known_pairs_.begin(), known_pairs_.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    known_pairs_.erase(oldest);
  }
  known_pairs_[pair] = clock_();
}

void LoginRateLimiter::purge(ClockTime now) {
  ops_since_purge_ = 0;
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (now - it->second.last_failure >= limits_.window) {
      it = entries_.erase(it);
    } else {
      ++it;
    }
  }
}

std::size_t LoginRateLimiter::trackedKeys() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

}  // namespace beacon::auth
