#include "http/page_marks.h"

#include <algorithm>

#include "auth/secure_random.h"

namespace beacon::http::page_marks {

const std::string& csrf() {
  static const std::string kMark = "csrf" + auth::randomHex(16);
  return kMark;
}

const std::string& submit() {
  static const std::string kMark = "submit" + auth::randomHex(16);
  return kMark;
}

std::string fill(const std::string& body, const std::string& csrf_token) {
  std::string out;
  out.reserve(body.size());
  appendFilled(out, body, csrf_token);
  return out;
}

void appendFilled(std::string& out, const std::string& body, const std::string& csrf_token) {
  const std::string& c = csrf();
  const std::string& s = submit();
  std::size_t at = 0;
  std::size_t next_c = body.find(c);
  std::size_t next_s = body.find(s);
  while (true) {
    const std::size_t next = std::min(next_c, next_s);
    if (next == std::string::npos) break;
    out.append(body, at, next - at);
    if (next == next_c) {
      out += csrf_token;
      at = next + c.size();
      next_c = body.find(c, at);
    } else {
      out += auth::randomHex(16);
      at = next + s.size();
      next_s = body.find(s, at);
    }
  }
  out.append(body, at, std::string::npos);
}

}  // namespace beacon::http::page_marks
