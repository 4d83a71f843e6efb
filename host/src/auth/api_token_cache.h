// ApiTokenCache: the grants (user and scope) of recently verified API tokens, so a script that
// sends many requests does not pay two database lookups per request. An entry
// lives for a short TTL (kTtl) and only successful verifications are kept.
// ApiTokenStore::revoke and revokeAll clear the cache of their process when
// they commit, so a revocation takes effect at once in the process that made
// it; another process (e.g. the CLI
// revoking while `beacon serve` runs) and a change to the user (disabled, new
// role or organisation) are seen within kTtl. Keys are the database's URI and
// the token's SHA-256, never the secret. Thread-safe (one mutex).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/clock.h"
#include "auth/token_grant.h"

namespace beacon::auth {

class ApiTokenCache {
 public:
  static constexpr std::chrono::seconds kTtl{2};
  static constexpr std::size_t kMaxEntries = 4096;

  explicit ApiTokenCache(Clock clock = steadyClock(), std::chrono::steady_clock::duration ttl = kTtl)
      : clock_(std::move(clock)), ttl_(ttl) {}
  // The one cache ApiTokenStore uses.
  static ApiTokenCache& process();

  std::optional<TokenGrant> find(const std::string& key);
  // Read before looking the token up; put() ignores a lookup that a clear()
  // overtook, so a revocation racing with a verification is not undone.
  std::uint64_t generation();
  void put(const std::string& key, const TokenGrant& grant, std::uint64_t generation);
  void clear();

 private:
  struct Entry {
    TokenGrant grant;
    ClockTime expires;
  };
  Clock clock_;
  std::chrono::steady_clock::duration ttl_;
  std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace beacon::auth
