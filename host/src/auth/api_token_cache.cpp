#include "auth/api_token_cache.h"

namespace beacon::auth {

ApiTokenCache& ApiTokenCache::process() {
  static ApiTokenCache cache;
  return cache;
}

std::optional<TokenGrant> ApiTokenCache::find(const std::string& key) {
  const ClockTime now = clock_();
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  if (now >= it->second.expires) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.grant;
}

std::uint64_t ApiTokenCache::generation() {
  std::lock_guard<std::mutex> lock(mutex_);
  return generation_;
}

void ApiTokenCache::put(const std::string& key, const TokenGrant& grant, std::uint64_t generation) {
  const ClockTime expires = clock_() + ttl_;
  std::lock_guard<std::mutex> lock(mutex_);
  if (generation != generation_) return;
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_[key] = Entry{grant, expires};
}

void ApiTokenCache::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++generation_;
  entries_.clear();
}

}  // namespace beacon::auth
