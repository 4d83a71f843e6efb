#include "auth/session_store.h"

#include <set>
#include <thread>
#include <vector>

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include "auth_fixture.h"

namespace beacon::auth {
namespace {

using namespace std::chrono_literals;

class SessionStoreTest : public testing::AuthFixture {
 protected:
  void SetUp() override {
    AuthFixture::SetUp();
    for (int i = 1; i <= 2; ++i)
      users_.push_back(AuthFixture::user("user" + std::to_string(i), Role::Viewer, 0));
  }
  WallClock clock() {
    return [this] { return now_; };
  }
  const User& user(sdk::RecordId id) { return users_.at(static_cast<std::size_t>(id - 1)); }
  SessionStore sessions(SessionLimits limits = {}) {
    return SessionStore(db_.session(), limits, clock());
  }
  WallTime now_{std::chrono::hours(1000)};
  std::vector<User> users_;
};

TEST_F(SessionStoreTest, CreatesRandomIdsAndCsrfTokens) {
  SessionStore store = sessions();
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
  SessionStore store = sessions({30min, 12h});
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
  SessionStore store = sessions({30min, 2h});
  Session s = store.create(user(1), "ip");
  for (int i = 0; i < 7; ++i) {
    now_ += 17min;
    ASSERT_TRUE(store.find(s.id)) << i;
  }
  now_ += 17min;  // 2 h 16 min after login
  EXPECT_FALSE(store.find(s.id));
}

TEST_F(SessionStoreTest, CsrfMustMatchExactly) {
  SessionStore store = sessions();
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
  SessionStore store = sessions();
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
  SessionStore store = sessions({30min, 12h});
  store.create(user(1), "ip");
  now_ += 20min;
  Session fresh = store.create(user(2), "ip");
  now_ += 15min;
  EXPECT_EQ(store.purgeExpired(), 1u);
  EXPECT_EQ(store.size(), 1u);
  EXPECT_TRUE(store.find(fresh.id));
}

// Each thread over its own connection to one database file, as the server's workers are.
TEST(SessionStoreThreads, ConcurrentCreateAndFind) {
  Poco::TemporaryFile dir;
  Poco::File(dir.path()).createDirectories();
  const std::string path = Poco::Path(dir.path()).append("sessions.db").toString();
  store::Database setup(path);
  setup.migrate();
  PasswordHasher hasher(10);
  std::vector<User> users(4);
  for (int t = 0; t < 4; ++t) {
    users[t].username = "user" + std::to_string(t + 1);
    users[t].password = hasher.hash("correct horse");
    auth::UserRepository(setup.session()).add(users[t], store::Actor{"tester"});
  }
  std::vector<std::thread> threads;
  std::vector<std::vector<std::string>> ids(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      store::Database mine(path);
      SessionStore store(mine.session());
      for (int i = 0; i < 50; ++i) {
        ids[t].push_back(store.create(users[t], "ip").id);
        EXPECT_TRUE(store.find(ids[t].back()));
      }
    });
  }
  for (auto& th : threads) th.join();
  std::set<std::string> all;
  for (const auto& v : ids) all.insert(v.begin(), v.end());
  EXPECT_EQ(all.size(), 200u);
  EXPECT_EQ(SessionStore(setup.session()).size(), 200u);
}

}  // namespace
}  // namespace beacon::auth
