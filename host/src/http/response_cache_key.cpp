#include "http/response_cache_key.h"

#include <algorithm>

#include "http/label_language.h"

namespace beacon::http {

void appendKeyField(std::string& key, const std::string& value) {
  key += std::to_string(value.size());
  key += ':';
  key += value;
}

std::string responseCacheKey(const auth::User& user, bool english, const std::string& path,
                             const Poco::URI::QueryParameters& query) {
  std::string key;
  key.reserve(64 + path.size());
  key += user.disabled ? "disabled" : auth::toId(user.role);
  key += '@';
  key += std::to_string(user.role == auth::Role::Admin ? 0 : user.org_id);
  key += '|';
  key += languageCode(english);
  key += '|';
  appendKeyField(key, path);
  auto params = query;
  std::stable_sort(params.begin(), params.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [name, value] : params) {
    key += '&';
    appendKeyField(key, name);
    appendKeyField(key, value);
  }
  return key;
}

}  // namespace beacon::http
