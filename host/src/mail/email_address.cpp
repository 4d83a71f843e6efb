#include "mail/email_address.h"

#include <cctype>

namespace beacon::mail {

namespace {

bool localChar(unsigned char c) {
  return std::isalnum(c) ||
         std::string("!#$%&'*+-/=?^_`{|}~.").find(static_cast<char>(c)) != std::string::npos;
}

bool domainChar(unsigned char c) { return std::isalnum(c) || c == '-' || c == '.'; }

}  // namespace

bool isEmailAddress(const std::string& text) {
  if (text.empty() || text.size() > 254) return false;
  const auto at = text.find('@');
  if (at == std::string::npos || at == 0 || at > 64 || text.find('@', at + 1) != std::string::npos)
    return false;
  const std::string local = text.substr(0, at);
  const std::string domain = text.substr(at + 1);
  for (unsigned char c : local) {
    if (!localChar(c)) return false;
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string::npos)
    return false;
  if (domain.empty() || domain.find('.') == std::string::npos || domain.front() == '.' ||
      domain.back() == '.' || domain.find("..") != std::string::npos || domain.front() == '-')
    return false;
  for (unsigned char c : domain) {
    if (!domainChar(c)) return false;
  }
  return true;
}

}  // namespace beacon::mail
