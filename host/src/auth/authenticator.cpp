#include "auth/authenticator.h"

#include <Poco/String.h>

namespace beacon::auth {

std::string LoginResult::message(bool english) const {
  switch (error) {
    case LoginError::None:
      return english ? "logged in" : "登录成功";
    case LoginError::BadCredentials:
      return english ? "wrong username or password" : "用户名或密码错误";
    case LoginError::LockedOut: {
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
  result.retry_after = limiter_.retryAfter(username, ip);
  if (result.retry_after.count() > 0) {
    result.error = LoginError::LockedOut;
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
    limiter_.recordFailure(username, ip);
    result.error = LoginError::BadCredentials;
    result.retry_after = std::chrono::seconds(0);
    return result;
  }
  limiter_.recordSuccess(username, ip);
  result.session = sessions_.create(*user, ip);
  result.user = std::move(user);
  return result;
}

}  // namespace beacon::auth
