// AuthFixture: a migrated in-memory database with a small organisation tree
// (city XM; township QL with villages QL1, QL2 and enterprise QL1E under
// QL1; township CG with community CG1; department YJJ) for the auth tests, plus a helper to add accounts
// with a cheap hash.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "auth/password_hasher.h"
#include "auth/user.h"
#include "auth/user_repository.h"
#include "store/database.h"
#include "store/organisation_repository.h"

namespace beacon::testing {

class AuthFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.migrate();
    city_ = org("XM", "新密市", sdk::OrgKind::City, 0);
    ql_ = org("QL", "曲梁镇", sdk::OrgKind::Township, city_);
    ql1_ = org("QL1", "五虎庙村", sdk::OrgKind::Village, ql_);
    ql1e_ = org("QL1E", "五虎庙砖厂", sdk::OrgKind::Enterprise, ql1_);
    ql2_ = org("QL2", "大樊庄村", sdk::OrgKind::Village, ql_);
    cg_ = org("CG", "城关镇", sdk::OrgKind::Township, city_);
    cg1_ = org("CG1", "东街社区", sdk::OrgKind::Community, cg_);
    yjj_ = org("YJJ", "市应急管理局", sdk::OrgKind::Department, city_);
  }

  sdk::RecordId org(const std::string& code, const std::string& name, sdk::OrgKind kind, sdk::RecordId parent) {
    sdk::Organisation o;
    o.code = code;
    o.name = name;
    o.kind = kind;
    o.parent_id = parent;
    return store::OrganisationRepository(db_.session()).add(o, actor_);
  }

  auth::User user(const std::string& username, auth::Role role, sdk::RecordId org_id,
                  const std::string& password = "correct horse") {
    auth::User u;
    u.username = username;
    u.role = role;
    u.org_id = org_id;
    u.password = hasher_.hash(password);
    auth::UserRepository(db_.session()).add(u, actor_);
    return u;
  }

  store::Database db_{":memory:"};
  store::Actor actor_{"tester"};
  auth::PasswordHasher hasher_{10};
  sdk::RecordId city_ = 0, ql_ = 0, ql1_ = 0, ql1e_ = 0, ql2_ = 0, cg_ = 0, cg1_ = 0, yjj_ = 0;
};

}  // namespace beacon::testing
