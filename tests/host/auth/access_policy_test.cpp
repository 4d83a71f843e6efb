#include "auth/access_policy.h"

#include <gtest/gtest.h>

#include "auth_fixture.h"

namespace beacon::auth {
namespace {

class AccessPolicyTest : public testing::AuthFixture {
 protected:
  User make(Role role, sdk::RecordId org_id) {
    User u;
    u.id = 1;
    u.username = "u";
    u.role = role;
    u.org_id = org_id;
    return u;
  }
};

struct Case {
  const char* who;
  Role role;
  const char* org;        // the user's organisation code, "" for none
  const char* target;     // the record's owning organisation
  bool read;
  bool write;
};

TEST_F(AccessPolicyTest, RoleScopingTable) {
  const std::map<std::string, sdk::RecordId> ids = {
      {"", 0},       {"XM", city_}, {"QL", ql_}, {"QL1", ql1_}, {"QL1E", ql1e_},
      {"QL2", ql2_}, {"CG", cg_},   {"CG1", cg1_}, {"YJJ", yjj_}};
  const Case cases[] = {
      {"admin sees a village", Role::Admin, "", "QL1", true, true},
      {"admin sees the city", Role::Admin, "", "XM", true, true},
      {"village staff: own village", Role::VillageStaff, "QL1", "QL1", true, true},
      {"village staff: another village", Role::VillageStaff, "QL1", "QL2", false, false},
      {"village staff: another township's village", Role::VillageStaff, "QL1", "CG1", false, false},
      {"village staff: its own township", Role::VillageStaff, "QL1", "QL", false, false},
      {"village staff: not even an enterprise under it", Role::VillageStaff, "QL1", "QL1E", false, false},
      {"township staff: an enterprise under its village", Role::OrgStaff, "QL", "QL1E", true, true},
      {"township staff: itself", Role::OrgStaff, "QL", "QL", true, true},
      {"township staff: its village", Role::OrgStaff, "QL", "QL1", true, true},
      {"township staff: its other village", Role::OrgStaff, "QL", "QL2", true, true},
      {"township staff: another township", Role::OrgStaff, "QL", "CG", false, false},
      {"township staff: another township's community", Role::OrgStaff, "QL", "CG1", false, false},
      {"township staff: the city above it", Role::OrgStaff, "QL", "XM", false, false},
      {"department staff: not the townships", Role::OrgStaff, "YJJ", "QL1", false, false},
      {"city-wide viewer reads anything", Role::Viewer, "", "CG1", true, false},
      {"city-wide viewer writes nothing", Role::Viewer, "", "XM", true, false},
      {"township viewer reads its village", Role::Viewer, "QL", "QL2", true, false},
      {"township viewer not another township", Role::Viewer, "QL", "CG1", false, false},
  };
  store::OrganisationRepository orgs(db_.session());
  AccessPolicy policy(orgs);
  for (const Case& c : cases) {
    const User u = make(c.role, ids.at(c.org));
    EXPECT_EQ(policy.canRead(u, ids.at(c.target)), c.read) << c.who;
    EXPECT_EQ(policy.canWrite(u, ids.at(c.target)), c.write) << c.who;
  }
}

TEST_F(AccessPolicyTest, ScopeListsTheOrganisations) {
  store::OrganisationRepository orgs(db_.session());
  AccessPolicy policy(orgs);
  Scope township = policy.scope(make(Role::OrgStaff, ql_));
  EXPECT_FALSE(township.all);
  EXPECT_EQ(township.org_ids, (std::set<sdk::RecordId>{ql_, ql1_, ql1e_, ql2_}));
  EXPECT_EQ(township.list().size(), 4u);
  Scope village = policy.scope(make(Role::VillageStaff, ql1_));
  EXPECT_EQ(village.org_ids, (std::set<sdk::RecordId>{ql1_}));
  EXPECT_TRUE(policy.scope(make(Role::Admin, 0)).all);
  EXPECT_TRUE(policy.scope(make(Role::Viewer, 0)).all);
  EXPECT_FALSE(policy.writeScope(make(Role::Viewer, 0)).all);
  EXPECT_TRUE(policy.writeScope(make(Role::Viewer, 0)).org_ids.empty());
}

TEST_F(AccessPolicyTest, DisabledOrHomelessAccountsGetNothing) {
  store::OrganisationRepository orgs(db_.session());
  AccessPolicy policy(orgs);
  User admin = make(Role::Admin, 0);
  admin.disabled = true;
  EXPECT_FALSE(policy.canRead(admin, ql1_));
  EXPECT_FALSE(AccessPolicy::canAdminister(admin));
  EXPECT_TRUE(AccessPolicy::canAdminister(make(Role::Admin, 0)));
  EXPECT_FALSE(AccessPolicy::canAdminister(make(Role::OrgStaff, ql_)));
  const Scope none = policy.scope(make(Role::OrgStaff, 0));
  EXPECT_FALSE(none.all);
  EXPECT_TRUE(none.org_ids.empty());
  const Scope gone = policy.scope(make(Role::VillageStaff, 9999));
  EXPECT_FALSE(gone.all);
  EXPECT_TRUE(gone.org_ids.empty());
}

}  // namespace
}  // namespace beacon::auth
