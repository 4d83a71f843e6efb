#include "auth/api_token_store.h"

#include <gtest/gtest.h>

#include "auth/user_repository.h"
#include "auth_fixture.h"

namespace beacon::auth {
namespace {

class ApiTokenStoreTest : public testing::AuthFixture {};

TEST_F(ApiTokenStoreTest, CreateVerifyRevoke) {
  User u = user("ql.staff", Role::OrgStaff, ql_);
  ApiTokenStore tokens(db_.session());
  CreatedToken t = tokens.create(u, "nightly export", actor_);
  EXPECT_EQ(t.secret.rfind("bcn_", 0), 0u);
  EXPECT_EQ(t.secret.size(), 4u + 64u);
  EXPECT_EQ(t.token.hint, t.secret.substr(0, 12));
  auto who = tokens.verify(t.secret);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->username, "ql.staff");
  EXPECT_EQ(who->role, Role::OrgStaff);
  EXPECT_EQ(who->org_id, ql_);

  std::string other = t.secret;
  other.back() = other.back() == '0' ? '1' : '0';
  EXPECT_FALSE(tokens.verify(other));
  EXPECT_FALSE(tokens.verify(""));
  EXPECT_FALSE(tokens.verify("bcn_short"));
  EXPECT_FALSE(tokens.verify(t.secret.substr(4)));

  ASSERT_TRUE(tokens.revoke(t.token.id, actor_));
  EXPECT_FALSE(tokens.verify(t.secret));
  EXPECT_FALSE(tokens.revoke(t.token.id, actor_));
  auto listed = tokens.list(u.id);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_TRUE(listed[0].revoked());
  EXPECT_EQ(listed[0].label, "nightly export");
}

TEST_F(ApiTokenStoreTest, SecretIsNotStoredAndNotAudited) {
  User u = user("ql.staff", Role::OrgStaff, ql_);
  ApiTokenStore tokens(db_.session());
  CreatedToken t = tokens.create(u, "", actor_);
  std::vector<std::string> hashes;
  db_.session() << "SELECT token_hash FROM api_tokens", Poco::Data::Keywords::into(hashes),
      Poco::Data::Keywords::now;
  ASSERT_EQ(hashes.size(), 1u);
  EXPECT_EQ(hashes[0].size(), 64u);
  EXPECT_EQ(hashes[0].find(t.secret.substr(4)), std::string::npos);
  auto audit = store::AuditLog(db_.session()).list("api_token", t.token.id, 5);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].after_json.find(t.secret), std::string::npos);
  EXPECT_EQ(audit[0].after_json.find(hashes[0]), std::string::npos);
  EXPECT_NE(audit[0].after_json.find("ql.staff"), std::string::npos);
}

TEST_F(ApiTokenStoreTest, DisabledUsersTokensStopWorkingAndRevokeAll) {
  User u = user("v.staff", Role::VillageStaff, ql1_);
  ApiTokenStore tokens(db_.session());
  CreatedToken a = tokens.create(u, "a", actor_);
  CreatedToken b = tokens.create(u, "b", actor_);
  auth::UserRepository users(db_.session());
  users.setDisabled(u.id, true, actor_);
  EXPECT_FALSE(tokens.verify(a.secret));
  users.setDisabled(u.id, false, actor_);
  EXPECT_TRUE(tokens.verify(a.secret));
  EXPECT_EQ(tokens.revokeAll(u.id, actor_), 2);
  EXPECT_FALSE(tokens.verify(a.secret));
  EXPECT_FALSE(tokens.verify(b.secret));
}

}  // namespace
}  // namespace beacon::auth
