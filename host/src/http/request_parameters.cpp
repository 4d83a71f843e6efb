#include "http/request_parameters.h"

#include <limits>

#include <Poco/Exception.h>

#include "http/http_error.h"
#include "http/strict_number.h"

namespace beacon::http {

RequestParameters::RequestParameters(const std::string& uri) {
  try {
    Poco::URI parsed(uri);
    path_ = parsed.getPath();
    query_ = parsed.getQueryParameters();
  } catch (const Poco::Exception&) {
    path_ = "/";
  }
  is_api_ = path_ == "/api" || path_.rfind("/api/", 0) == 0;
}

std::string RequestParameters::param(const std::string& name) const {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

sdk::RecordId RequestParameters::idParam(const std::string& name) const {
  const auto id = parseWholeNumber(param(name), 1, std::numeric_limits<sdk::RecordId>::max());
  if (!id) throw HttpError::notFound("\"" + param(name) + "\" is not a record id");
  return *id;
}

bool RequestParameters::hasQuery(const std::string& name) const {
  for (const auto& [k, v] : query_) {
    if (k == name) return true;
  }
  return false;
}

std::string RequestParameters::query(const std::string& name, const std::string& fallback) const {
  for (const auto& [k, v] : query_) {
    if (k == name) return v;
  }
  return fallback;
}

sdk::Date RequestParameters::queryDate(const std::string& name) const {
  const std::string text = query(name);
  if (text.empty()) return {};
  auto d = sdk::Date::parse(text);
  if (!d) throw HttpError::badRequest("\"" + text + "\" is not a date (YYYY-MM-DD)", name);
  return *d;
}

int RequestParameters::queryInt(const std::string& name, int fallback, int min, int max) const {
  const std::string text = query(name);
  if (text.empty()) return fallback;
  const auto v = parseWholeNumber(text, min, max);
  if (!v) {
    throw HttpError::badRequest("\"" + text + "\" must be a whole number from " +
                                    std::to_string(min) + " to " + std::to_string(max),
                                name);
  }
  return static_cast<int>(*v);
}

}  // namespace beacon::http
