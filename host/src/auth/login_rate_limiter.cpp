#include "auth/login_rate_limiter.h"

#include <algorithm>

#include <Poco/String.h>

namespace beacon::auth {

namespace {
constexpr std::size_t kPurgeEvery = 1024;
std::string userKey(const std::string& username) { return "u:" + Poco::toLower(username); }
std::string ipKey(const std::string& ip) { return "ip:" + ip; }
}  // namespace

LoginRateLimiter::LoginRateLimiter(RateLimits limits, Clock clock)
    : limits_(limits), clock_(std::move(clock)) {}

std::chrono::seconds LoginRateLimiter::remaining(const std::string& key, ClockTime now) const {
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.locked_until <= now) return std::chrono::seconds(0);
  // Round up so a caller told "0" is never still locked.
  return std::chrono::ceil<std::chrono::seconds>(it->second.locked_until - now);
}

std::chrono::seconds LoginRateLimiter::retryAfter(const std::string& username, const std::string& ip) {
  std::lock_guard<std::mutex> lock(mutex_);
  const ClockTime now = clock_();
  return std::max(remaining(userKey(username), now), remaining(ipKey(ip), now));
}

void LoginRateLimiter::fail(const std::string& key, int limit, ClockTime now) {
  Entry& e = entries_[key];
  if (e.locked_until > now) return;
  while (!e.failures.empty() && now - e.failures.front() >= limits_.window) e.failures.pop_front();
  e.failures.push_back(now);
  if (static_cast<int>(e.failures.size()) >= limit) {
    e.locked_until = now + limits_.lockout;
    e.failures.clear();
  }
}

void LoginRateLimiter::recordFailure(const std::string& username, const std::string& ip) {
  std::lock_guard<std::mutex> lock(mutex_);
  const ClockTime now = clock_();
  fail(userKey(username), limits_.failures_per_username, now);
  fail(ipKey(ip), limits_.failures_per_ip, now);
  if (++ops_since_purge_ >= kPurgeEvery) purge(now);
}

void LoginRateLimiter::recordSuccess(const std::string& username, const std::string&) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.erase(userKey(username));
}

void LoginRateLimiter::purge(ClockTime now) {
  ops_since_purge_ = 0;
  for (auto it = entries_.begin(); it != entries_.end();) {
    Entry& e = it->second;
    while (!e.failures.empty() && now - e.failures.front() >= limits_.window) e.failures.pop_front();
    if (e.failures.empty() && e.locked_until <= now) {
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
