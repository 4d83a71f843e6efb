#include "auth/authenticator.h"

#include <gtest/gtest.h>

#include "auth_fixture.h"

namespace beacon::auth {
namespace {

using namespace std::chrono_literals;

class AuthenticatorTest : public testing::AuthFixture {
 protected:
  WallClock clock() {
    return [this] { return now_; };
  }
  WallTime now_{std::chrono::hours(1000)};
  LoginRateLimiter limiter_{db_.session(), RateLimits{}, clock()};
  SessionStore sessions_{db_.session(), SessionLimits{}, clock()};
  auth::UserRepository users_{db_.session()};
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

TEST_F(AuthenticatorTest, ThrottledAfterFiveFailuresEvenWithTheRightPassword) {
  user("wang.fang", Role::VillageStaff, ql1_);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(auth_.login("wang.fang", "guess" + std::to_string(i), "ip").error,
                                        LoginError::BadCredentials);
  LoginResult waiting = auth_.login("wang.fang", "correct horse", "ip");
  EXPECT_EQ(waiting.error, LoginError::Throttled);
  EXPECT_EQ(waiting.retry_after, 5s);
  EXPECT_EQ(waiting.message(true), "too many failed logins; try again in 5 s");
  EXPECT_NE(waiting.message(false).find("5 秒"), std::string::npos);
  EXPECT_TRUE(auth_.login("wang.fang", "correct horse", "other-ip").isOk());  // the owner elsewhere
  now_ += 5s;
  EXPECT_TRUE(auth_.login("wang.fang", "correct horse", "ip").isOk());
}

}  // namespace
}  // namespace beacon::auth
