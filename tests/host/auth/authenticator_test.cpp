#include "auth/authenticator.h"

#include <gtest/gtest.h>

#include "auth_fixture.h"

namespace beacon::auth {
namespace {

using namespace std::chrono_literals;

class AuthenticatorTest : public testing::AuthFixture {
 protected:
  Clock clock() {
    return [this] { return now_; };
  }
  ClockTime now_{std::chrono::hours(1000)};
  LoginRateLimiter limiter_{RateLimits{}, clock()};
  SessionStore sessions_{SessionLimits{}, clock()};
  store::UserRepository users_{db_.session()};
  Authenticator auth_{users_, hasher_, limiter_, sessions_};
};

TEST_F(AuthenticatorTest, GoodPasswordOpensASession) {
  User u = user("wang.fang", Role::VillageStaff, ql1_);
  LoginResult r = auth_.login(" Wang.Fang ", "correct horse", "10.0.0.1");
  ASSERT_TRUE(r.isOk()) << r.message(true);
  EXPECT_EQ(r.error, LoginError::None);
  EXPECT_EQ(r.session->user_id, u.id);
  EXPECT_EQ(r.user->org_id, ql1_);
  EXPECT_TRUE(sessions_.find(r.session->id));
}

TEST_F(AuthenticatorTest, WrongPasswordUnknownUserAndDisabledLookAlike) {
  User u = user("wang.fang", Role::VillageStaff, ql1_);
  user("old.hand", Role::Viewer, 0);
  users_.setDisabled(users_.findByUsername("old.hand")->id, true, actor_);
  const LoginResult wrong = auth_.login("wang.fang", "incorrect horse", "ip1");
  const LoginResult unknown = auth_.login("nobody", "correct horse", "ip2");
  const LoginResult disabled = auth_.login("old.hand", "correct horse", "ip3");
  const LoginResult malformed = auth_.login("Robert'); DROP TABLE users;--", "x", "ip4");
  for (const LoginResult* r : {&wrong, &unknown, &disabled, &malformed}) {
    EXPECT_FALSE(r->isOk());
    EXPECT_EQ(r->error, LoginError::BadCredentials);
    EXPECT_EQ(r->message(true), "wrong username or password");
    EXPECT_FALSE(r->user);
  }
  EXPECT_EQ(sessions_.size(), 0u);
  EXPECT_EQ(users_.count(), 2);
}

TEST_F(AuthenticatorTest, LockedOutAfterFiveFailuresEvenWithTheRightPassword) {
  user("wang.fang", Role::VillageStaff, ql1_);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(auth_.login("wang.fang", "guess" + std::to_string(i), "ip").error,
                                        LoginError::BadCredentials);
  LoginResult locked = auth_.login("wang.fang", "correct horse", "ip");
  EXPECT_EQ(locked.error, LoginError::LockedOut);
  EXPECT_EQ(locked.retry_after, 900s);
  EXPECT_EQ(locked.message(true), "too many failed logins; try again in 15 min");
  EXPECT_NE(locked.message(false).find("15 分钟"), std::string::npos);
  now_ += 15min;
  EXPECT_TRUE(auth_.login("wang.fang", "correct horse", "ip").isOk());
}

}  // namespace
}  // namespace beacon::auth
