// The users table's rows (store::UserRows): what is stored comes back as written, no
// organisation is NULL and reads back as 0, and a password or role change raises the credentials
// generation while enabling or disabling does not (issue 15: the SQL under auth::UserRepository).
#include "store/user_rows.h"

#include <gtest/gtest.h>

#include "store/database.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

class UserRowsTest : public ::testing::Test {
 protected:
  void SetUp() override { db_->migrate(); }

  static UserRow row(const std::string& username) {
    UserRow r;
    r.username = username;
    r.display_name = "王芳";
    r.role = "village_staff";
    r.password_hash = "aa";
    r.salt = "bb";
    r.iterations = 10;
    r.created_at = "2026-01-02T03:04:05Z";
    return r;
  }

  testing::TestDatabase test_db_;
  std::unique_ptr<Database> db_ = test_db_.open();
};

TEST_F(UserRowsTest, RoundTripWithNoOrganisationAsNull) {
  UserRows users(db_->session());
  const sdk::RecordId id = users.insert(row("wang.fang"));
  ASSERT_GT(id, 0);
  auto back = users.findByUsername("wang.fang");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->id, id);
  EXPECT_EQ(back->display_name, "王芳");
  EXPECT_EQ(back->role, "village_staff");
  EXPECT_EQ(back->org_id, 0);
  EXPECT_EQ(back->password_hash, "aa");
  EXPECT_EQ(back->salt, "bb");
  EXPECT_EQ(back->iterations, 10);
  EXPECT_FALSE(back->disabled);
  EXPECT_EQ(back->created_at, "2026-01-02T03:04:05Z");
  EXPECT_EQ(back->credentials_generation, 0);
  int null_orgs = 0;
  db_->session() << "SELECT COUNT(*) FROM users WHERE org_id IS NULL", into(null_orgs), now;
  EXPECT_EQ(null_orgs, 1);
  EXPECT_EQ(users.findById(id)->username, "wang.fang");
  EXPECT_FALSE(users.findByUsername(""));
  EXPECT_FALSE(users.findById(id + 100));
}

TEST_F(UserRowsTest, CredentialChangesRaiseTheGeneration) {
  UserRows users(db_->session());
  const sdk::RecordId id = users.insert(row("li.lei"));
  users.setPassword(id, "cc", "dd", 20);
  auto after_password = users.findById(id);
  EXPECT_EQ(after_password->password_hash, "cc");
  EXPECT_EQ(after_password->salt, "dd");
  EXPECT_EQ(after_password->iterations, 20);
  EXPECT_EQ(after_password->credentials_generation, 1);
  users.setDisabled(id, true);
  EXPECT_TRUE(users.findById(id)->disabled);
  EXPECT_EQ(users.findById(id)->credentials_generation, 1);
  users.setRole(id, "admin", 0);
  EXPECT_EQ(users.findById(id)->role, "admin");
  EXPECT_EQ(users.findById(id)->credentials_generation, 2);
}

TEST_F(UserRowsTest, ListIsByUsername) {
  UserRows users(db_->session());
  users.insert(row("zhao"));
  users.insert(row("an"));
  const auto all = users.list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].username, "an");
  EXPECT_EQ(all[1].username, "zhao");
  EXPECT_EQ(users.count(), 2);
}

}  // namespace
}  // namespace beacon::store
