#include "http/response_cache.h"

namespace beacon::http {

ResponseCache::ResponseCache(std::size_t max_entries, std::size_t max_bytes)
    : max_entries_(max_entries), max_bytes_(max_bytes) {}

std::uint64_t ResponseCache::generation() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return generation_;
}

std::shared_ptr<const CachedResponse> ResponseCache::find(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->response;
}

void ResponseCache::put(const std::string& key, std::uint64_t generation, CachedResponse response) {
  if (!enabled()) return;
  const std::size_t bytes =
      2 * key.size() + response.body.size() + response.content_type.size() + response.title.size() +
      kEntryOverhead;
  if (bytes > max_bytes_ / 4) return;
  auto shared = std::make_shared<const CachedResponse>(std::move(response));
  std::lock_guard<std::mutex> lock(mutex_);
  if (generation != generation_) return;
  auto it = index_.find(key);
  if (it != index_.end()) {
    bytes_ -= it->second->bytes;
    lru_.erase(it->second);
    index_.erase(it);
  }
  while (!lru_.empty() && (lru_.size() + 1 > max_entries_ || bytes_ + bytes > max_bytes_))
    evictOne();
  lru_.push_front(Entry{key, std::move(shared), bytes});
  index_.emplace(key, lru_.begin());
  bytes_ += bytes;
}

void ResponseCache::evictOne() {
  Entry& last = lru_.back();
  bytes_ -= last.bytes;
  index_.erase(last.key);
  lru_.pop_back();
  ++evictions_;
}

void ResponseCache::invalidate() {
  Lru dropped;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++generation_;
    dropped.swap(lru_);
    index_.clear();
    bytes_ = 0;
  }
  // The answers are freed here, outside the lock (a reader may still hold one).
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return Stats{lru_.size(), bytes_, generation_, hits_, misses_, evictions_};
}

}  // namespace beacon::http
