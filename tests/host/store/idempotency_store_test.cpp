// IdempotencyStore on both backends: a reserved key (the first request still running, no body
// yet) and a completed one (with its answer) are both found again, so that a repeated POST can
// wait for or replay the first one's answer; a released key may be reserved again.
#include <gtest/gtest.h>

#include "store/database.h"
#include "store/idempotency_store.h"
#include "support/test_database.h"

namespace beacon::store {
namespace {

using namespace std::string_literals;

class IdempotencyStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { db_.migrate(); }

  testing::TestDatabase test_db_;  // SQLite :memory:, or a PostgreSQL schema (BEACON_TEST_DB_URI)
  Database db_{test_db_.uri()};
};

TEST_F(IdempotencyStoreTest, AReservedKeyIsFoundWithoutAnAnswerAndACompletedOneWithIt) {
  IdempotencyStore keys(db_.session());
  ASSERT_TRUE(keys.reserve(7, "api:k1", "digest-1"));
  EXPECT_FALSE(keys.reserve(7, "api:k1", "digest-1")) << "a key was reserved twice";

  auto running = keys.find(7, "api:k1");
  ASSERT_TRUE(running.has_value()) << "a reserved key was not found";
  EXPECT_EQ(running->status, 0);
  EXPECT_EQ(running->request_digest, "digest-1");
  EXPECT_EQ(running->body, "");

  IdempotentAnswer answer;
  answer.status = 422;
  answer.content_type = "application/json";
  answer.body = "{\"error\":\"\xE6\x9C\xAA\"}\0tail"s;  // any bytes, a NUL too
  keys.complete(7, "api:k1", answer);
  auto done = keys.find(7, "api:k1");
  ASSERT_TRUE(done.has_value());
  EXPECT_EQ(done->status, 422);
  EXPECT_EQ(done->content_type, "application/json");
  EXPECT_EQ(done->body, answer.body);

  EXPECT_FALSE(keys.find(8, "api:k1").has_value()) << "keys are per user";
  keys.release(7, "api:k1");
  EXPECT_FALSE(keys.find(7, "api:k1").has_value());
  EXPECT_TRUE(keys.reserve(7, "api:k1", "digest-2"));
}

}  // namespace
}  // namespace beacon::store
