// Authenticator: password login. Checks the rate limiter first (an attempt
// that must wait is refused without looking at the password), then the
// password, and on success opens a session. With a LoginAudit, logins,
// failures and the start of a throttle are written to the audit log. A wrong password, an unknown
// username and a disabled account all give the same "bad credentials"
// answer, and an unknown username still costs one PBKDF2 run, so neither the
// answer nor its timing reveals which part was wrong. Usernames are matched
// lowercased. Holds references only: make one per thread with that
// thread's UserRepository; the limiter and session store are shared.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "auth/login_audit.h"
#include "auth/login_rate_limiter.h"
#include "auth/password_hasher.h"
#include "auth/session_store.h"
#include "auth/user_repository.h"

namespace beacon::auth {

enum class LoginError { None, BadCredentials, Throttled };

struct LoginResult {
  std::optional<Session> session;
  std::optional<User> user;
  LoginError error = LoginError::None;
  std::chrono::seconds retry_after{0};  // set when Throttled

  bool isOk() const { return session.has_value(); }
  // A message safe to show the person logging in.
  std::string message(bool english) const;
};

class Authenticator {
 public:
  Authenticator(auth::UserRepository& users, const PasswordHasher& hasher,
                LoginRateLimiter& limiter, SessionStore& sessions, LoginAudit* audit = nullptr)
      : users_(users), hasher_(hasher), limiter_(limiter), sessions_(sessions), audit_(audit) {}

  LoginResult login(const std::string& username, const std::string& password, const std::string& ip);

 private:
  auth::UserRepository& users_;
  const PasswordHasher& hasher_;
  LoginRateLimiter& limiter_;
  SessionStore& sessions_;
  LoginAudit* audit_;
};

}  // namespace beacon::auth
