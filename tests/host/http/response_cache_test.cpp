// ResponseCache: hits and misses, generations (a stale answer is refused,
// invalidate drops everything), the entry and byte bounds with least recently
// used eviction, and concurrent use staying within the bounds.
#include "http/response_cache.h"

#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace beacon::http {
namespace {

CachedResponse answer(const std::string& body) { return CachedResponse{"application/json", body}; }

std::size_t entryBytes(const std::string& key, const std::string& body) {
  return 2 * key.size() + body.size() + std::string("application/json").size() +
         ResponseCache::kEntryOverhead;
}

TEST(ResponseCacheTest, FindsWhatWasPutInTheSameGeneration) {
  ResponseCache cache(10, 1 << 20);
  EXPECT_EQ(cache.find("k"), nullptr);
  cache.put("k", cache.generation(), answer("body"));
  auto hit = cache.find("k");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->body, "body");
  EXPECT_EQ(hit->content_type, "application/json");
  EXPECT_EQ(cache.find("other"), nullptr);
  EXPECT_EQ(cache.stats().hits, 1u);
  EXPECT_EQ(cache.stats().misses, 2u);
}

TEST(ResponseCacheTest, InvalidateDropsEverythingAndRefusesAnswersComputedBefore) {
  ResponseCache cache(10, 1 << 20);
  const auto before = cache.generation();
  cache.put("a", before, answer("old"));
  cache.invalidate();
  EXPECT_EQ(cache.find("a"), nullptr);
  EXPECT_EQ(cache.stats().entries, 0u);
  EXPECT_EQ(cache.stats().bytes, 0u);
  // An answer whose data was read before the invalidation must not be kept.
  cache.put("b", before, answer("stale"));
  EXPECT_EQ(cache.find("b"), nullptr);
  cache.put("b", cache.generation(), answer("fresh"));
  ASSERT_NE(cache.find("b"), nullptr);
  EXPECT_EQ(cache.find("b")->body, "fresh");
}

TEST(ResponseCacheTest, AnAnswerHeldByAReaderSurvivesInvalidation) {
  ResponseCache cache(10, 1 << 20);
  cache.put("a", cache.generation(), answer("kept"));
  auto held = cache.find("a");
  cache.invalidate();
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->body, "kept");
}

TEST(ResponseCacheTest, EntryBoundEvictsTheLeastRecentlyUsed) {
  ResponseCache cache(3, 1 << 20);
  const auto g = cache.generation();
  cache.put("a", g, answer("1"));
  cache.put("b", g, answer("2"));
  cache.put("c", g, answer("3"));
  ASSERT_NE(cache.find("a"), nullptr);  // a is now the most recently used; b the least
  cache.put("d", g, answer("4"));
  EXPECT_EQ(cache.stats().entries, 3u);
  EXPECT_EQ(cache.stats().evictions, 1u);
  EXPECT_EQ(cache.find("b"), nullptr);
  EXPECT_NE(cache.find("a"), nullptr);
  EXPECT_NE(cache.find("c"), nullptr);
  EXPECT_NE(cache.find("d"), nullptr);
}

TEST(ResponseCacheTest, ByteBoundEvictsUntilTheNewAnswerFits) {
  const std::string body(1000, 'x');
  const std::size_t one = entryBytes("k0", body);
  ResponseCache cache(100, 4 * one + one / 2);  // room for four answers, not five
  const auto g = cache.generation();
  for (int i = 0; i < 6; ++i) cache.put("k" + std::to_string(i), g, answer(body));
  const auto stats = cache.stats();
  EXPECT_EQ(stats.entries, 4u);
  EXPECT_EQ(stats.bytes, 4 * one);
  EXPECT_LE(stats.bytes, 4 * one + one / 2);
  EXPECT_EQ(stats.evictions, 2u);
  EXPECT_EQ(cache.find("k0"), nullptr);
  EXPECT_EQ(cache.find("k1"), nullptr);
  EXPECT_NE(cache.find("k5"), nullptr);
}

TEST(ResponseCacheTest, ReplacingAKeyKeepsTheByteCountExact) {
  ResponseCache cache(10, 1 << 20);
  const auto g = cache.generation();
  cache.put("k", g, answer(std::string(100, 'a')));
  cache.put("k", g, answer(std::string(10, 'b')));
  EXPECT_EQ(cache.stats().entries, 1u);
  EXPECT_EQ(cache.stats().bytes, entryBytes("k", std::string(10, 'b')));
  EXPECT_EQ(cache.find("k")->body, std::string(10, 'b'));
}

TEST(ResponseCacheTest, AnswerLargerThanAQuarterOfTheBoundIsNotKept) {
  ResponseCache cache(10, 4000);
  cache.put("big", cache.generation(), answer(std::string(1000, 'x')));
  EXPECT_EQ(cache.find("big"), nullptr);
  cache.put("small", cache.generation(), answer(std::string(100, 'x')));
  EXPECT_NE(cache.find("small"), nullptr);
}

TEST(ResponseCacheTest, ZeroBoundKeepsNothing) {
  for (auto [entries, bytes] : {std::pair<std::size_t, std::size_t>{0, 1 << 20}, {10, 0}}) {
    ResponseCache cache(entries, bytes);
    EXPECT_FALSE(cache.enabled());
    cache.put("k", cache.generation(), answer("x"));
    EXPECT_EQ(cache.find("k"), nullptr);
  }
}

TEST(ResponseCacheTest, ConcurrentUseStaysWithinTheBounds) {
  const std::string body(500, 'z');
  ResponseCache cache(16, 16 * entryBytes("key-00", body));
  std::atomic<bool> wrong{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5000; ++i) {
        const std::string key = "key-" + std::to_string((i * 7 + t) % 40 + 10);
        if (auto hit = cache.find(key)) {
          if (hit->body != body + key) wrong = true;
        } else {
          cache.put(key, cache.generation(), answer(body + key));
        }
        if (t == 0 && i % 500 == 0) cache.invalidate();
        const auto s = cache.stats();
        if (s.entries > 16 || s.bytes > 16 * entryBytes("key-00", body)) wrong = true;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_FALSE(wrong);
}

}  // namespace
}  // namespace beacon::http
