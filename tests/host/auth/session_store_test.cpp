#include "auth/session_store.h"

#include <set>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace beacon::auth {
namespace {

using namespace std::chrono_literals;

class SessionStoreTest : public ::testing::Test {
 protected:
  Clock clock() {
    return [this] { return now_; };
  }
  User user(sdk::RecordId id) {
    User u;
    u.id = id;
    u.username = "user" + std::to_string(id);
    return u;
  }
  ClockTime now_{std::chrono::hours(1000)};
};

TEST_F(SessionStoreTest, CreatesRandomIdsAndCsrfTokens) {
  SessionStore store({}, clock());
  Session a = store.create(user(1), "10.0.0.1");
  Session b = store.create(user(1), "10.0.0.1");
  EXPECT_EQ(a.id.size(), 64u);
  EXPECT_EQ(a.csrf_token.size(), 64u);
  EXPECT_NE(a.id, b.id);
  EXPECT_NE(a.csrf_token, b.csrf_token);
  EXPECT_NE(a.id, a.csrf_token);
  auto found = store.find(a.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user_id, 1);
  EXPECT_EQ(found->username, "user1");
  EXPECT_EQ(found->csrf_token, a.csrf_token);
  EXPECT_FALSE(store.find(std::string(64, '0')));
  EXPECT_FALSE(store.find("short"));
}

TEST_F(SessionStoreTest, IdleExpiryIsResetByUse) {
  SessionStore store({30min, 12h}, clock());
  Session s = store.create(user(1), "ip");
  now_ += 29min;
  ASSERT_TRUE(store.find(s.id));  // used: idle timer restarts
  now_ += 29min;
  ASSERT_TRUE(store.find(s.id));
  now_ += 30min;
  EXPECT_FALSE(store.find(s.id));
  EXPECT_EQ(store.size(), 0u);  // forgotten once found expired
}

TEST_F(SessionStoreTest, AbsoluteExpiryEndsEvenAnActiveSession) {
  SessionStore store({30min, 2h}, clock());
  Session s = store.create(user(1), "ip");
  for (int i = 0; i < 7; ++i) {
    now_ += 17min;
    ASSERT_TRUE(store.find(s.id)) << i;
  }
  now_ += 17min;  // 2 h 16 min after login
  EXPECT_FALSE(store.find(s.id));
}

TEST_F(SessionStoreTest, CsrfMustMatchExactly) {
  SessionStore store({}, clock());
  Session s = store.create(user(1), "ip");
  Session other = store.create(user(2), "ip");
  EXPECT_TRUE(SessionStore::verifyCsrf(s, s.csrf_token));
  EXPECT_FALSE(SessionStore::verifyCsrf(s, other.csrf_token));
  EXPECT_FALSE(SessionStore::verifyCsrf(s, ""));
  std::string flipped = s.csrf_token;
  flipped.back() = flipped.back() == 'a' ? 'b' : 'a';
  EXPECT_FALSE(SessionStore::verifyCsrf(s, flipped));
  EXPECT_FALSE(SessionStore::verifyCsrf(s, s.csrf_token.substr(0, 63)));
  EXPECT_FALSE(SessionStore::verifyCsrf(s, s.id));
}

TEST_F(SessionStoreTest, DestroyAndDestroyForUser) {
  SessionStore store({}, clock());
  Session a = store.create(user(1), "ip");
  Session b = store.create(user(1), "ip");
  Session c = store.create(user(2), "ip");
  store.destroy(a.id);
  EXPECT_FALSE(store.find(a.id));
  EXPECT_TRUE(store.find(b.id));
  EXPECT_EQ(store.destroyForUser(1), 1u);
  EXPECT_FALSE(store.find(b.id));
  EXPECT_TRUE(store.find(c.id));
}

TEST_F(SessionStoreTest, PurgeDropsOnlyExpired) {
  SessionStore store({30min, 12h}, clock());
  store.create(user(1), "ip");
  now_ += 20min;
  Session fresh = store.create(user(2), "ip");
  now_ += 15min;
  EXPECT_EQ(store.purgeExpired(), 1u);
  EXPECT_EQ(store.size(), 1u);
  EXPECT_TRUE(store.find(fresh.id));
}

TEST(SessionStoreThreads, ConcurrentCreateAndFind) {
  SessionStore store;
  std::vector<std::thread> threads;
  std::vector<std::vector<std::string>> ids(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      User u;
      u.id = t + 1;
      for (int i = 0; i < 200; ++i) {
        ids[t].push_back(store.create(u, "ip").id);
        EXPECT_TRUE(store.find(ids[t].back()));
      }
    });
  }
  for (auto& th : threads) th.join();
  std::set<std::string> all;
  for (const auto& v : ids) all.insert(v.begin(), v.end());
  EXPECT_EQ(all.size(), 800u);
  EXPECT_EQ(store.size(), 800u);
}

}  // namespace
}  // namespace beacon::auth
