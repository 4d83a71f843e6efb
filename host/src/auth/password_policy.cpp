#include "auth/password_policy.h"

#include <Poco/UTF8String.h>

namespace beacon::auth {

namespace {
std::size_t codePoints(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}
}  // namespace

sdk::Status checkPassword(const std::string& password, const std::string& username) {
  if (codePoints(password) < kMinPasswordChars) {
    return sdk::Status::invalid("password", "is too weak: use at least " + std::to_string(kMinPasswordChars) +
                                                " characters");
  }
  if (password.size() > kMaxPasswordBytes) {
    return sdk::Status::invalid("password", "is longer than " + std::to_string(kMaxPasswordBytes) + " bytes");
  }
  if (Poco::UTF8::icompare(password, username) == 0) {
    return sdk::Status::invalid("password", "must not be the username");
  }
  return sdk::Status::ok();
}

}  // namespace beacon::auth
