// ResponseCache: hits and misses, stamps (an entry kept under another stamp is
// stale: refused and dropped; the newer of two racing answers stays), the
// entry and byte bounds with least recently used eviction, and concurrent use
// staying within the bounds.
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

TEST(ResponseCacheTest, FindsWhatWasPutUnderTheSameStamp) {
  ResponseCache cache(10, 1 << 20);
  EXPECT_EQ(cache.find("k", 0), nullptr);
  cache.put("k", 0, answer("body"));
  auto hit = cache.find("k", 0);
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->body, "body");
  EXPECT_EQ(hit->content_type, "application/json");
  EXPECT_EQ(cache.find("other", 0), nullptr);
  EXPECT_EQ(cache.stats().hits, 1u);
  EXPECT_EQ(cache.stats().misses, 2u);
}

TEST(ResponseCacheTest, AnEntryUnderAnotherStampIsStaleAndDropped) {
  ResponseCache cache(10, 1 << 20);
  cache.put("a", 4, answer("old"));
  cache.put("b", 4, answer("other"));
  EXPECT_EQ(cache.find("a", 5), nullptr);
  EXPECT_EQ(cache.stats().entries, 1u);
  EXPECT_EQ(cache.stats().bytes, entryBytes("b", "other"));
  EXPECT_EQ(cache.find("a", 4), nullptr);  // dropped, not kept for an older reader
  ASSERT_NE(cache.find("b", 4), nullptr);  // the other key is untouched
  cache.put("a", 5, answer("fresh"));
  ASSERT_NE(cache.find("a", 5), nullptr);
  EXPECT_EQ(cache.find("a", 5)->body, "fresh");
}

TEST(ResponseCacheTest, OfTwoRacingAnswersTheNewerStampStays) {
  ResponseCache cache(10, 1 << 20);
  cache.put("a", 7, answer("newer"));
  cache.put("a", 6, answer("older"));  // read before a write the first one saw
  ASSERT_NE(cache.find("a", 7), nullptr);
  EXPECT_EQ(cache.find("a", 7)->body, "newer");
}

TEST(ResponseCacheTest, AnAnswerHeldByAReaderSurvivesItsEntryGoingStale) {
  ResponseCache cache(10, 1 << 20);
  cache.put("a", 1, answer("kept"));
  auto held = cache.find("a", 1);
  EXPECT_EQ(cache.find("a", 2), nullptr);
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->body, "kept");
}

TEST(ResponseCacheTest, EntryBoundEvictsTheLeastRecentlyUsed) {
  ResponseCache cache(3, 1 << 20);
  const std::uint64_t g = 3;
  cache.put("a", g, answer("1"));
  cache.put("b", g, answer("2"));
  cache.put("c", g, answer("3"));
  ASSERT_NE(cache.find("a", g), nullptr);  // a is now the most recently used; b the least
  cache.put("d", g, answer("4"));
  EXPECT_EQ(cache.stats().entries, 3u);
  EXPECT_EQ(cache.stats().evictions, 1u);
  EXPECT_EQ(cache.find("b", g), nullptr);
  EXPECT_NE(cache.find("a", g), nullptr);
  EXPECT_NE(cache.find("c", g), nullptr);
  EXPECT_NE(cache.find("d", g), nullptr);
}

TEST(ResponseCacheTest, ByteBoundEvictsUntilTheNewAnswerFits) {
  const std::string body(1000, 'x');
  const std::size_t one = entryBytes("k0", body);
  ResponseCache cache(100, 4 * one + one / 2);  // room for four answers, not five
  const std::uint64_t g = 3;
  for (int i = 0; i < 6; ++i) cache.put("k" + std::to_string(i), g, answer(body));
  const auto stats = cache.stats();
  EXPECT_EQ(stats.entries, 4u);
  EXPECT_EQ(stats.bytes, 4 * one);
  EXPECT_LE(stats.bytes, 4 * one + one / 2);
  EXPECT_EQ(stats.evictions, 2u);
  EXPECT_EQ(cache.find("k0", g), nullptr);
  EXPECT_EQ(cache.find("k1", g), nullptr);
  EXPECT_NE(cache.find("k5", g), nullptr);
}

TEST(ResponseCacheTest, ReplacingAKeyKeepsTheByteCountExact) {
  ResponseCache cache(10, 1 << 20);
  const std::uint64_t g = 3;
  cache.put("k", g, answer(std::string(100, 'a')));
  cache.put("k", g, answer(std::string(10, 'b')));
  EXPECT_EQ(cache.stats().entries, 1u);
  EXPECT_EQ(cache.stats().bytes, entryBytes("k", std::string(10, 'b')));
  EXPECT_EQ(cache.find("k", g)->body, std::string(10, 'b'));
}

TEST(ResponseCacheTest, AnswerLargerThanAQuarterOfTheBoundIsNotKept) {
  ResponseCache cache(10, 4000);
  const std::uint64_t g = 0;
  cache.put("big", g, answer(std::string(1000, 'x')));
  EXPECT_EQ(cache.find("big", g), nullptr);
  cache.put("small", g, answer(std::string(100, 'x')));
  EXPECT_NE(cache.find("small", g), nullptr);
}

TEST(ResponseCacheTest, ZeroBoundKeepsNothing) {
  for (auto [entries, bytes] : {std::pair<std::size_t, std::size_t>{0, 1 << 20}, {10, 0}}) {
    ResponseCache cache(entries, bytes);
    const std::uint64_t g = 0;
    EXPECT_FALSE(cache.enabled());
    cache.put("k", g, answer("x"));
    EXPECT_EQ(cache.find("k", g), nullptr);
  }
}

TEST(ResponseCacheTest, ConcurrentUseStaysWithinTheBounds) {
  const std::string body(500, 'z');
  ResponseCache cache(16, 16 * entryBytes("key-00", body));
  std::atomic<bool> wrong{false};
  std::atomic<std::uint64_t> stamp{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5000; ++i) {
        const std::string key = "key-" + std::to_string((i * 7 + t) % 40 + 10);
        if (auto hit = cache.find(key, stamp.load())) {
          if (hit->body != body + key) wrong = true;
        } else {
          cache.put(key, stamp.load(), answer(body + key));
        }
        if (t == 0 && i % 500 == 0) ++stamp;
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
