#include "auth/login_rate_limiter.h"

#include <gtest/gtest.h>

namespace beacon::auth {
namespace {

using namespace std::chrono_literals;

class LoginRateLimiterTest : public ::testing::Test {
 protected:
  Clock clock() {
    return [this] { return now_; };
  }
  ClockTime now_{std::chrono::hours(1000)};
};

TEST_F(LoginRateLimiterTest, FiveFailuresLockTheUsernameThenItRecovers) {
  LoginRateLimiter limiter({5, 20, 15min, 15min}, clock());
  for (int i = 0; i < 4; ++i) {
    limiter.recordFailure("li.ming", "10.0.0.1");
    EXPECT_EQ(limiter.retryAfter("li.ming", "10.0.0.1"), 0s) << i;
    now_ += 1min;
  }
  limiter.recordFailure("li.ming", "10.0.0.1");
  EXPECT_EQ(limiter.retryAfter("li.ming", "10.0.0.1"), 900s);
  EXPECT_EQ(limiter.retryAfter("LI.MING", "10.0.0.2"), 900s);  // per username, any address, any case
  EXPECT_EQ(limiter.retryAfter("wang.fang", "10.0.0.1"), 0s);  // the address itself is not locked
  now_ += 10min;
  limiter.recordFailure("li.ming", "10.0.0.1");  // does not extend the lockout
  EXPECT_EQ(limiter.retryAfter("li.ming", "10.0.0.1"), 300s);
  now_ += 5min;
  EXPECT_EQ(limiter.retryAfter("li.ming", "10.0.0.1"), 0s);
  limiter.recordFailure("li.ming", "10.0.0.1");  // a fresh count after recovery
  EXPECT_EQ(limiter.retryAfter("li.ming", "10.0.0.1"), 0s);
}

TEST_F(LoginRateLimiterTest, WindowSlides) {
  LoginRateLimiter limiter({5, 20, 15min, 15min}, clock());
  for (int i = 0; i < 10; ++i) {
    limiter.recordFailure("li.ming", "ip");
    now_ += 4min;  // never five within 15 minutes
  }
  EXPECT_EQ(limiter.retryAfter("li.ming", "ip"), 0s);
  for (int i = 0; i < 4; ++i) limiter.recordFailure("li.ming", "ip");
  EXPECT_GT(limiter.retryAfter("li.ming", "ip"), 0s);
}

TEST_F(LoginRateLimiterTest, SuccessClearsTheUsernameCountOnly) {
  LoginRateLimiter limiter({5, 6, 15min, 15min}, clock());
  for (int i = 0; i < 4; ++i) limiter.recordFailure("li.ming", "ip");
  limiter.recordSuccess("li.ming", "ip");
  for (int i = 0; i < 1; ++i) limiter.recordFailure("li.ming", "ip");
  EXPECT_EQ(limiter.retryAfter("li.ming", "ip"), 0s);  // username count restarted
  limiter.recordFailure("zhang.wei", "ip");            // sixth failure from this address
  EXPECT_EQ(limiter.retryAfter("anyone", "ip"), 900s);
  EXPECT_EQ(limiter.retryAfter("anyone", "other-ip"), 0s);
}

TEST_F(LoginRateLimiterTest, ManyUsernamesFromOneAddressLockTheAddress) {
  LoginRateLimiter limiter({5, 20, 15min, 15min}, clock());
  for (int i = 0; i < 20; ++i) limiter.recordFailure("guess" + std::to_string(i), "203.0.113.9");
  EXPECT_EQ(limiter.retryAfter("li.ming", "203.0.113.9"), 900s);
  EXPECT_EQ(limiter.retryAfter("li.ming", "10.0.0.1"), 0s);
}

TEST_F(LoginRateLimiterTest, ForgetsStaleEntries) {
  LoginRateLimiter limiter({5, 20, 15min, 15min}, clock());
  for (int i = 0; i < 1023; ++i) limiter.recordFailure("u" + std::to_string(i), "ip" + std::to_string(i));
  EXPECT_EQ(limiter.trackedKeys(), 2046u);
  now_ += 16min;
  limiter.recordFailure("late", "late-ip");  // the 1024th operation purges
  EXPECT_EQ(limiter.trackedKeys(), 2u);
}

}  // namespace
}  // namespace beacon::auth
