#include "auth/user_repository.h"

#include <gtest/gtest.h>

#include "auth/account_service.h"
#include "auth_fixture.h"

namespace beacon::auth {
namespace {

class UserRepositoryTest : public testing::AuthFixture {};

TEST_F(UserRepositoryTest, RoundTrip) {
  auth::UserRepository users(db_.session());
  User u;
  u.username = "wang.fang";
  u.display_name = "王芳";
  u.role = Role::VillageStaff;
  u.org_id = ql1_;
  u.password = hasher_.hash("correct horse");
  const sdk::RecordId id = users.add(u, actor_);
  EXPECT_GT(id, 0);
  EXPECT_EQ(u.id, id);
  auto back = users.findByUsername("wang.fang");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->id, id);
  EXPECT_EQ(back->display_name, "王芳");
  EXPECT_EQ(back->role, Role::VillageStaff);
  EXPECT_EQ(back->org_id, ql1_);
  EXPECT_EQ(back->password.hash_hex, u.password.hash_hex);
  EXPECT_EQ(back->password.salt_hex, u.password.salt_hex);
  EXPECT_EQ(back->password.iterations, 10);
  EXPECT_FALSE(back->disabled);
  EXPECT_FALSE(back->created_at.empty());
  EXPECT_TRUE(hasher_.verify("correct horse", back->password));
  EXPECT_EQ(users.findById(id)->username, "wang.fang");
  EXPECT_FALSE(users.findByUsername("nobody"));
  EXPECT_FALSE(users.findById(id + 100));

  user("admin", Role::Admin, 0);
  auto all = users.list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].username, "admin");
  EXPECT_EQ(all[0].org_id, 0);
  EXPECT_EQ(users.count(), 2);
}

TEST_F(UserRepositoryTest, AuditNeverCarriesTheHash) {
  auth::UserRepository users(db_.session());
  User u = user("wang.fang", Role::VillageStaff, ql1_);
  ASSERT_TRUE(users.setPassword(u.id, hasher_.hash("another secret"), actor_));
  ASSERT_TRUE(users.setDisabled(u.id, true, actor_));
  const User stored = *users.findById(u.id);
  EXPECT_TRUE(stored.disabled);
  EXPECT_TRUE(hasher_.verify("another secret", stored.password));
  auto entries = store::AuditLog(db_.session()).list("user", u.id, 10);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].action, "disable");
  EXPECT_EQ(entries[1].action, "set_password");
  EXPECT_EQ(entries[2].action, "create");
  for (const auto& e : entries) {
    EXPECT_EQ(e.username, "tester");
    for (const std::string& secret : {u.password.hash_hex, u.password.salt_hex, stored.password.hash_hex,
                                      stored.password.salt_hex}) {
      EXPECT_EQ(e.before_json.find(secret), std::string::npos);
      EXPECT_EQ(e.after_json.find(secret), std::string::npos);
    }
  }
  EXPECT_NE(entries[0].after_json.find("\"disabled\":true"), std::string::npos) << entries[0].after_json;
  EXPECT_FALSE(users.setDisabled(9999, true, actor_));
  EXPECT_FALSE(users.setPassword(9999, hasher_.hash("whatever1"), actor_));
}

TEST_F(UserRepositoryTest, AccountServiceValidatesByFieldAndWritesNothing) {
  AccountService accounts(db_, hasher_);
  auto ok = accounts.create({"li.ming", "李明", "org_staff", "QL", "correct horse"}, actor_);
  ASSERT_TRUE(ok.isOk()) << ok.status().describe();
  EXPECT_EQ(ok.value().org_id, ql_);
  EXPECT_EQ(ok.value().role, Role::OrgStaff);

  struct Bad {
    NewAccount account;
    const char* field;
  };
  const Bad bad[] = {
      {{"li.ming", "", "viewer", "", "correct horse"}, "username"},       // duplicate
      {{"Li Ming", "", "viewer", "", "correct horse"}, "username"},       // format
      {{"x", "", "viewer", "", "correct horse"}, "username"},             // too short
      {{"zhang.wei", "", "mayor", "", "correct horse"}, "role"},          // unknown role
      {{"zhang.wei", "", "", "", "correct horse"}, "role"},               // missing role
      {{"zhang.wei", "", "village_staff", "", "correct horse"}, "org"},   // org required
      {{"zhang.wei", "", "org_staff", "NOPE", "correct horse"}, "org"},   // unknown org
      {{"zhang.wei", "", "viewer", "", "short"}, "password"},             // weak
      {{"zhang.wei", std::string(201, 'x'), "viewer", "", "correct horse"}, "display_name"},
  };
  for (const Bad& b : bad) {
    auto r = accounts.create(b.account, actor_);
    ASSERT_FALSE(r.isOk()) << b.field;
    EXPECT_EQ(r.status().field(), b.field) << r.status().describe();
  }
  EXPECT_EQ(auth::UserRepository(db_.session()).count(), 1);
  EXPECT_EQ(store::AuditLog(db_.session()).list("user", 0, 10).size(), 1u);

  EXPECT_EQ(accounts.changePassword("li.ming", "short", actor_).status().field(), "password");
  EXPECT_EQ(accounts.changePassword("nobody", "long enough", actor_).status().field(), "username");
  ASSERT_TRUE(accounts.changePassword("li.ming", "brand new secret", actor_).isOk());
  EXPECT_TRUE(hasher_.verify("brand new secret", accounts.find("li.ming").value().password));
  // A Chinese label is accepted for the role.
  EXPECT_TRUE(accounts.create({"viewer1", "", "只读用户", "", "correct horse"}, actor_).isOk());
}

}  // namespace
}  // namespace beacon::auth
