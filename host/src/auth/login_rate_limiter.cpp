#include "auth/login_rate_limiter.h"

#include <algorithm>

#include <Poco/String.h>

#include "store/login_throttle_repository.h"
#include "store/transaction.h"
#include "store/write_stamp.h"

namespace beacon::auth {

namespace {
constexpr int kMaxDoublings = 20;
std::string userKey(const std::string& username) { return "u:" + Poco::toLower(username); }
std::string ipKey(const std::string& ip) { return "ip:" + ip; }
std::string pairKey(const std::string& username, const std::string& ip) {
  return "p:" + Poco::toLower(username) + '\n' + ip;
}
Poco::Int64 ms(std::chrono::seconds s) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(s).count();
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

LoginRateLimiter::LoginRateLimiter(Poco::Data::Session& connection, RateLimits limits,
                                   WallClock clock)
    : connection_(connection), limits_(limits), clock_(std::move(clock)) {}

std::chrono::seconds LoginRateLimiter::delayOf(int failures, int free_failures) const {
  if (failures < free_failures) return std::chrono::seconds(0);
  const int doublings = std::min(failures - free_failures, kMaxDoublings);
  return std::min<std::chrono::seconds>(limits_.first_delay * (1LL << doublings),
                                        limits_.max_delay);
}

std::chrono::seconds LoginRateLimiter::remaining(const std::string& key, int free_failures,
                                                 WallTime now) {
  auto count = store::LoginThrottleRepository(connection_).findFailures(key);
  const Poco::Int64 now_ms = toEpochMs(now);
  if (!count || now_ms - count->last_failure_ms >= ms(limits_.window))
    return std::chrono::seconds(0);
  const Poco::Int64 until_ms = count->last_failure_ms + ms(delayOf(count->failures, free_failures));
  if (until_ms <= now_ms) return std::chrono::seconds(0);
  // Round up so a caller told "0" is never still waiting.
  return std::chrono::seconds((until_ms - now_ms + 999) / 1000);
}

Throttle LoginRateLimiter::checkAt(const std::string& username, const std::string& ip,
                                   WallTime now) {
  Throttle t;
  auto consider = [&](std::chrono::seconds wait, ThrottleLimit limit) {
    if (wait > t.retry_after) t = Throttle{wait, limit};
  };
  const std::string pair = pairKey(username, ip);
  consider(remaining(pair, limits_.free_failures_per_account_address, now),
           ThrottleLimit::AccountAddress);
  if (!store::LoginThrottleRepository(connection_).isKnownPair(pair)) {
    consider(remaining(userKey(username), limits_.free_failures_per_account, now),
             ThrottleLimit::Account);
    consider(remaining(ipKey(ip), limits_.free_failures_per_address, now), ThrottleLimit::Address);
  }
  return t;
}

Throttle LoginRateLimiter::check(const std::string& username, const std::string& ip) {
  return checkAt(username, ip, clock_());
}

Throttle LoginRateLimiter::recordFailure(const std::string& username, const std::string& ip,
                                         Throttle* started) {
  const WallTime now = clock_();
  const Poco::Int64 now_ms = toEpochMs(now);
  store::Transaction tx(connection_);
  tx.stampAs(store::kBookkeepingSubject, 0);  // no cached answer shows it
  store::LoginThrottleRepository counts(connection_);
  counts.removeFailuresBefore(now_ms - ms(limits_.window));
  auto fail = [&](const std::string& key, int free_failures, ThrottleLimit limit) {
    const int failures = counts.addFailure(key, now_ms, ms(limits_.window));
    if (failures == free_failures && started)
      *started = Throttle{delayOf(failures, free_failures), limit};
  };
  fail(pairKey(username, ip), limits_.free_failures_per_account_address,
       ThrottleLimit::AccountAddress);
  fail(userKey(username), limits_.free_failures_per_account, ThrottleLimit::Account);
  fail(ipKey(ip), limits_.free_failures_per_address, ThrottleLimit::Address);
  const Throttle t = checkAt(username, ip, now);
  tx.commit();
  return t;
}

void LoginRateLimiter::recordSuccess(const std::string& username, const std::string& ip) {
  const std::string pair = pairKey(username, ip);
  store::Transaction tx(connection_);
  tx.stampAs(store::kBookkeepingSubject, 0);  // no cached answer shows it
  store::LoginThrottleRepository counts(connection_);
  counts.clearFailures(pair);
  counts.rememberPair(pair, toEpochMs(clock_()), kMaxKnownPairs);
  tx.commit();
}

std::size_t LoginRateLimiter::trackedKeys() {
  return store::LoginThrottleRepository(connection_).countFailureKeys();
}

}  // namespace beacon::auth
