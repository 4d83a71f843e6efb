#include "http/redirect_target.h"

namespace beacon::http {

std::string sameSiteRedirect(const std::string& next) {
  if (next.empty() || next[0] != '/') return "/";
  if (next.size() > 1 && next[1] == '/') return "/";
  for (char c : next) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\\' || u < 0x20 || u == 0x7f) return "/";
  }
  return next;
}

}  // namespace beacon::http
