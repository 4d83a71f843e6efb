#include "auth/authenticator.h"

#include <Poco/String.h>

namespace beacon::auth {

std::string LoginResult::message(bool english) const {
  switch (error) {
    case LoginError::None:
      return english ? "logged in" : "登录成功";
    case LoginError::BadCredentials:
      return english ? "wrong username or password" : "用户名或密码错误";
    case LoginError::Throttled: {
      if (retry_after.count() < 60) {
        const auto seconds = std::to_string(retry_after.count());
        return english ? "too many failed logins; try again in " + seconds + " s"
                       : "登录失败次数过多，请 " + seconds + " 秒后再试";
      }
      const auto minutes = std::to_string((retry_after.count() + 59) / 60);
      return english ? "too many failed logins; try again in " + minutes + " min"
                     : "登录失败次数过多，请 " + minutes + " 分钟后再试";
    }
  }
  return {};
}

LoginResult Authenticator::login(const std::string& username_in, const std::string& password,
                                 const std::string& ip) {
  LoginResult result;
  const std::string username = Poco::toLower(Poco::trim(username_in));
  const Throttle waiting = limiter_.check(username, ip);
  if (waiting.throttled()) {
    result.error = LoginError::Throttled;
    result.retry_after = waiting.retry_after;
    return result;
  }
  auto user = isValidUsername(username) ? users_.findByUsername(username) : std::nullopt;
  bool ok = false;
  if (user) {
    ok = hasher_.verify(password, user->password) && !user->disabled;
  } else {
    // Same cost as a real check, so timing does not reveal unknown usernames.
    static const std::string kDummySalt(PasswordHasher::kSaltBytes, '\x5a');
    (void)PasswordHasher::derive(password, kDummySalt, hasher_.iterations());
  }
  if (!ok) {
    Throttle started;
    limiter_.recordFailure(username, ip, &started);
    if (audit_) {
      const sdk::RecordId user_id = user ? user->id : 0;
      audit_->failed(user_id, username, ip);
      if (started.throttled()) audit_->throttled(user_id, username, ip, started);
    }
    result.error = LoginError::BadCredentials;
    return result;
  }
  limiter_.recordSuccess(username, ip);
  if (audit_) audit_->loggedIn(user->id, user->username, ip);
  result.session = sessions_.create(*user, ip);
  result.user = std::move(user);
  return result;
}

}  // namespace beacon::auth
