#include "auth/login_rate_limiter.h"

#include <gtest/gtest.h>

#include "store/database.h"

namespace beacon::auth {
namespace {

using namespace std::chrono_literals;

class LoginRateLimiterTest : public ::testing::Test {
 protected:
  void SetUp() override { db_.migrate(); }
  WallClock clock() {
    return [this] { return now_; };
  }
  LoginRateLimiter limiter() { return LoginRateLimiter(db_.session(), limits_, clock()); }
  // Fails `n` times for `username` from `ip`, waiting out each wait first (as a patient attacker
  // would).
  void failPatiently(LoginRateLimiter& limiter, const std::string& username, const std::string& ip,
                     int n) {
    for (int i = 0; i < n; ++i) {
      now_ += limiter.check(username, ip).retry_after;
      limiter.recordFailure(username, ip);
    }
  }
  store::Database db_{":memory:"};
  WallTime now_{std::chrono::hours(1000)};
  // pair 5, account 20, address 100 free failures; window 60 min; waits 5 s doubling up to 900 s.
  RateLimits limits_{5, 20, 100, 60min, 900s, 5s};
};

TEST_F(LoginRateLimiterTest, PairWaitGrowsFromTheSixthAttemptUpToTheCeiling) {
  LoginRateLimiter limiter = this->limiter();
  for (int i = 0; i < 4; ++i) {
    limiter.recordFailure("li.ming", "10.0.0.1");
    EXPECT_FALSE(limiter.check("li.ming", "10.0.0.1").throttled()) << i;
  }
  std::vector<long> waits;
  for (int i = 0; i < 10; ++i) {
    const Throttle t = limiter.recordFailure("li.ming", "10.0.0.1");
    EXPECT_EQ(t.limit, ThrottleLimit::AccountAddress);
    EXPECT_EQ(limiter.check("LI.MING", "10.0.0.1").retry_after, t.retry_after);  // any case
    waits.push_back(static_cast<long>(t.retry_after.count()));
    now_ += t.retry_after;
    EXPECT_FALSE(limiter.check("li.ming", "10.0.0.1").throttled());
  }
  EXPECT_EQ(waits, (std::vector<long>{5, 10, 20, 40, 80, 160, 320, 640, 900, 900}));
}

TEST_F(LoginRateLimiterTest, OwnerFromAnotherAddressIsNotHeldBackByAnAttackersPair) {
  LoginRateLimiter limiter = this->limiter();
  for (int i = 0; i < 8; ++i) limiter.recordFailure("admin", "203.0.113.9");
  EXPECT_TRUE(limiter.check("admin", "203.0.113.9").throttled());
  EXPECT_FALSE(limiter.check("admin", "10.0.0.1").throttled());
  EXPECT_FALSE(limiter.check("li.ming", "203.0.113.9").throttled());  // the address itself is fine
}

TEST_F(LoginRateLimiterTest, AccountCeilingSlowsStrangersButNotAKnownAddress) {
  LoginRateLimiter limiter = this->limiter();
  limiter.recordSuccess("admin", "10.0.0.1");  // the owner's usual address
  for (int a = 0; a < 5; ++a) failPatiently(limiter, "admin", "198.51.100." + std::to_string(a), 4);
  const Throttle stranger = limiter.check("admin", "192.0.2.1");
  EXPECT_EQ(stranger.limit, ThrottleLimit::Account);
  EXPECT_EQ(stranger.retry_after, 5s);
  EXPECT_FALSE(limiter.check("admin", "10.0.0.1").throttled());
  // More failures from more addresses: the account's wait grows.
  for (int a = 5; a < 8; ++a) failPatiently(limiter, "admin", "198.51.100." + std::to_string(a), 1);
  EXPECT_EQ(limiter.check("admin", "192.0.2.1").retry_after, 40s);
  EXPECT_FALSE(limiter.check("admin", "10.0.0.1").throttled());
}

TEST_F(LoginRateLimiterTest, ManyUsernamesFromOneAddressSlowTheAddressExceptKnownPairs) {
  LoginRateLimiter limiter = this->limiter();
  limiter.recordSuccess("li.ming", "203.0.113.9");  // a colleague behind the same NAT
  for (int i = 0; i < 100; ++i) limiter.recordFailure("guess" + std::to_string(i), "203.0.113.9");
  const Throttle t = limiter.check("wang.fang", "203.0.113.9");
  EXPECT_EQ(t.limit, ThrottleLimit::Address);
  EXPECT_EQ(t.retry_after, 5s);
  EXPECT_FALSE(limiter.check("li.ming", "203.0.113.9").throttled());
  EXPECT_FALSE(limiter.check("wang.fang", "10.0.0.1").throttled());
}

TEST_F(LoginRateLimiterTest, StartedIsReportedOncePerCount) {
  LoginRateLimiter limiter = this->limiter();
  int started = 0;
  for (int i = 0; i < 7; ++i) {
    Throttle s;
    now_ += limiter.check("li.ming", "ip").retry_after;
    limiter.recordFailure("li.ming", "ip", &s);
    if (s.throttled()) {
      ++started;
      EXPECT_EQ(i, 4);
      EXPECT_EQ(s.limit, ThrottleLimit::AccountAddress);
    }
  }
  EXPECT_EQ(started, 1);
}

TEST_F(LoginRateLimiterTest, SuccessClearsThePairOnlyAndCountsAreForgottenAfterTheWindow) {
  LoginRateLimiter limiter = this->limiter();
  for (int i = 0; i < 5; ++i) limiter.recordFailure("li.ming", "ip");
  EXPECT_TRUE(limiter.check("li.ming", "ip").throttled());
  limiter.recordSuccess("li.ming", "ip");
  EXPECT_FALSE(limiter.check("li.ming", "ip").throttled());
  limiter.recordFailure("li.ming", "ip");
  EXPECT_FALSE(limiter.check("li.ming", "ip").throttled());  // the pair count restarted
  for (int i = 0; i < 4; ++i) limiter.recordFailure("zhang.wei", "ip");
  now_ += 60min;
  limiter.recordFailure("zhang.wei", "ip");  // the old four are forgotten
  EXPECT_FALSE(limiter.check("zhang.wei", "ip").throttled());
}

TEST_F(LoginRateLimiterTest, ForgetsStaleEntries) {
  LoginRateLimiter limiter = this->limiter();
  for (int i = 0; i < 1023; ++i) limiter.recordFailure("u" + std::to_string(i), "ip" + std::to_string(i));
  EXPECT_EQ(limiter.trackedKeys(), 3069u);
  now_ += 61min;
  limiter.recordFailure("late", "late-ip");  // the 1024th operation purges
  EXPECT_EQ(limiter.trackedKeys(), 3u);
}

}  // namespace
}  // namespace beacon::auth
