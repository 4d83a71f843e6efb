#include "http/request_framing.h"

#include <istream>
#include <limits>

#include <Poco/Exception.h>
#include <Poco/String.h>

#include "http/strict_number.h"

namespace beacon::http {

std::optional<FramingProblem> framingProblem(const Poco::Net::HTTPRequest& request) {
  std::optional<std::string> length;
  int codings = 0;
  std::string coding;
  for (const auto& [name, value] : request) {
    if (Poco::icompare(name, "Content-Length") == 0) {
      const std::string v = Poco::trim(value);
      if (!parseWholeNumber(v, 0, std::numeric_limits<std::int64_t>::max())) {
        return FramingProblem{400, "Content-Length \"" + value + "\" is not a whole number of bytes"};
      }
      if (length && *length != v) return FramingProblem{400, "two different Content-Length headers"};
      length = v;
    } else if (Poco::icompare(name, "Transfer-Encoding") == 0) {
      ++codings;
      coding = Poco::trim(value);
    }
  }
  if (codings > 0 && length) return FramingProblem{400, "Content-Length together with Transfer-Encoding"};
  if (codings > 1 || (codings == 1 && Poco::icompare(coding, "chunked") != 0)) {
    return FramingProblem{400, "the only transfer coding accepted is \"chunked\""};
  }
  const std::string& method = request.getMethod();
  if (!length && codings == 0 && (method == "POST" || method == "PUT" || method == "PATCH")) {
    return FramingProblem{411, method + " needs a Content-Length (or chunked transfer coding)"};
  }
  return std::nullopt;
}

bool drainBody(Poco::Net::HTTPServerRequest& request, std::size_t limit) {
  if (framingProblem(request)) return false;
  try {
    std::istream& in = request.stream();
    char buffer[8192];
    std::size_t drained = 0;
    while (in) {
      in.read(buffer, sizeof buffer);
      drained += static_cast<std::size_t>(in.gcount());
      if (drained > limit) return false;
    }
    return in.eof() && !in.bad();
  } catch (...) {
    return false;
  }
}

}  // namespace beacon::http
