#include "http/origin_check.h"

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include "http/http_error.h"
#include "http/page_text.h"

namespace beacon::http {

namespace {

// "host[:port]" lower-cased, without a port that is the scheme's default.
std::string authority(const std::string& host, unsigned short port, const std::string& scheme) {
  std::string out = Poco::toLower(host);
  if (out.find(':') != std::string::npos && out.front() != '[')
    out = "[" + out + "]";  // IPv6 literal
  const bool default_port =
      port == 0 || (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
  if (!default_port) out += ":" + std::to_string(port);
  return out;
}

}  // namespace

bool sameOrigin(const std::string& origin, const std::string& host) {
  if (host.empty() || origin.empty() || origin == "null") return false;
  try {
    const Poco::URI from(origin);
    const std::string scheme = Poco::toLower(from.getScheme());
    if ((scheme != "http" && scheme != "https") || from.getHost().empty()) return false;
    // The Host header parsed the same way, with the origin's scheme, so that
    // "example.org:443" and "https://example.org" agree.
    const Poco::URI to(scheme + "://" + host);
    if (to.getHost().empty() || !to.getPath().empty() || !to.getRawQuery().empty()) return false;
    return authority(from.getHost(), from.getPort(), scheme) ==
           authority(to.getHost(), to.getPort(), scheme);
  } catch (const Poco::Exception&) {
    return false;
  }
}

void requireSameOrigin(RequestContext& ctx) {
  const std::string& method = ctx.request.getMethod();
  if (method == "GET" || method == "HEAD" || method == "OPTIONS") return;
  std::string from = ctx.request.get("Origin", "");
  if (from.empty()) from = ctx.request.get("Referer", "");
  if (from.empty()) return;
  if (sameOrigin(from, ctx.request.get("Host", ""))) return;
  throw HttpError(403, "cross_origin", pageWord("refuse_cross_origin", ctx.english(), {from}));
}

}  // namespace beacon::http
