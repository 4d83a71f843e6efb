// ResponseCache: answers of read-only API GETs kept in memory, so a repeated
// list or detail request is served without touching the database. Keys are
// built by responseCacheKey (the caller's read scope, path, query, language).
// Every entry belongs to the current generation: invalidate() starts a new
// one and drops all entries, and put() refuses an answer computed under an
// older generation (read generation() before reading the data). The server
// invalidates whenever a commit by any thread or process is seen
// (store::ChangeWatch).
// Bounded by entry count and by bytes (the key twice, as the list and the
// map each hold it, the body and a fixed overhead per entry); the least
// recently used entries are evicted first. An answer larger than a quarter of
// the byte bound is not kept. A cache with either bound 0 keeps nothing. Thread-safe (one mutex;
// bodies are shared, immutable).
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <unordered_map>

namespace beacon::http {

struct CachedResponse {
  CachedResponse() = default;
  CachedResponse(std::string type, std::string text, std::string page_title = "")
      : content_type(std::move(type)), body(std::move(text)), title(std::move(page_title)) {}

  std::string content_type;
  std::string body;
  // A kept page's title: `body` is then the page's content with PageMarks stand-ins, filled and
  // wrapped in the layout per request (RequestContext::sendKeptPage). Empty for other answers.
  std::string title;
};

class ResponseCache {
 public:
  // Bytes counted for an entry besides its key and body (node, map slot, type).
  static constexpr std::size_t kEntryOverhead = 128;

  struct Stats {
    std::size_t entries = 0;
    std::size_t bytes = 0;
    std::uint64_t generation = 0;
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::uint64_t evictions = 0;
  };

  ResponseCache(std::size_t max_entries, std::size_t max_bytes);
  ResponseCache(const ResponseCache&) = delete;
  ResponseCache& operator=(const ResponseCache&) = delete;

  bool enabled() const { return max_entries_ > 0 && max_bytes_ > 0; }
  std::uint64_t generation() const;
  // The answer stored under `key` in the current generation, or null.
  std::shared_ptr<const CachedResponse> find(const std::string& key);
  // Stores an answer computed from data read after generation() returned
  // `generation`; ignored when the cache has been invalidated since, or the
  // answer is too large. Evicts least recently used entries to stay bounded.
  void put(const std::string& key, std::uint64_t generation, CachedResponse response);
  // Starts a new generation: every stored answer is dropped.
  void invalidate();
  Stats stats() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const CachedResponse> response;
    std::size_t bytes;
  };
  using Lru = std::list<Entry>;  // most recently used first

  void evictOne();

  const std::size_t max_entries_;
  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::uint64_t generation_ = 0;
  Lru lru_;
  std::unordered_map<std::string, Lru::iterator> index_;
  std::size_t bytes_ = 0;
  std::uint64_t hits_ = 0;
  std::uint64_t misses_ = 0;
  std::uint64_t evictions_ = 0;
};

}  // namespace beacon::http
