#include "auth/secure_random.h"

#include <sys/random.h>

#include <cerrno>

#include <Poco/Exception.h>

namespace beacon::auth {

std::string randomBytes(std::size_t count) {
  std::string out(count, '\0');
  std::size_t filled = 0;
  while (filled < count) {
    const ssize_t n = getrandom(&out[filled], count - filled, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Poco::SystemException("getrandom failed", errno);
    }
    filled += static_cast<std::size_t>(n);
  }
  return out;
}

std::string randomHex(std::size_t count) { return toHex(randomBytes(count)); }

std::string toHex(const std::string& bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 0x0f];
  }
  return out;
}

namespace {
int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

bool fromHex(const std::string& hex, std::string& bytes) {
  if (hex.size() % 2 != 0) return false;
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = hexValue(hex[i]);
    const int lo = hexValue(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>((hi << 4) | lo);
  }
  bytes = std::move(out);
  return true;
}

}  // namespace beacon::auth
