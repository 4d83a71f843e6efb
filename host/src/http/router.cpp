#include "http/router.h"

#include <Poco/URI.h>

namespace beacon::http {

std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> out;
  std::string current;
  for (char c : path) {
    if (c == '/') {
      if (!current.empty()) out.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

namespace {

bool matchSegment(const std::string& pattern, const std::string& segment,
                  std::map<std::string, std::string>& params) {
  if (pattern.empty() || pattern.front() != '{') return pattern == segment;
  const auto close = pattern.find('}');
  const std::string name = pattern.substr(1, close - 1);
  const std::string suffix = pattern.substr(close + 1);
  if (segment.size() <= suffix.size()) return false;
  if (segment.compare(segment.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
  std::string value;
  Poco::URI::decode(segment.substr(0, segment.size() - suffix.size()), value);
  params[name] = value;
  return true;
}

}  // namespace

void Router::add(const std::string& method, const std::string& pattern, Handler handler, Access access,
                 bool upload) {
  routes_.push_back(Route{method, splitPath(pattern), std::move(handler), access, upload, false});
}

void Router::addCacheable(const std::string& pattern, Handler handler) {
  routes_.push_back(Route{"GET", splitPath(pattern), std::move(handler), Access::User, false, true});
}

void Router::addCachedPage(const std::string& pattern, Handler handler) {
  routes_.push_back(Route{"GET", splitPath(pattern), std::move(handler), Access::User, false, true, true});
}

RouteMatch Router::match(const std::string& method, const std::string& path) const {
  RouteMatch result;
  const auto segments = splitPath(path);
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t i = 0; ok && i < segments.size(); ++i) {
      ok = matchSegment(route.segments[i], segments[i], params);
    }
    if (!ok) continue;
    if (route.method == method || (method == "HEAD" && route.method == "GET")) {
      result.route = &route;
      result.params = std::move(params);
      result.allowed.clear();
      return result;
    }
    result.allowed.push_back(route.method);
  }
  return result;
}

}  // namespace beacon::http
