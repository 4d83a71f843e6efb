// responseCacheKey: different read scopes, languages, paths or queries never
// share a key; the same scope does whatever the user; query order does not
// matter except between repeats of one parameter.
#include "http/response_cache_key.h"

#include <vector>

#include <gtest/gtest.h>

namespace beacon::http {
namespace {

auth::User user(auth::Role role, sdk::RecordId org, sdk::RecordId id = 1) {
  auth::User u;
  u.id = id;
  u.username = "u" + std::to_string(id);
  u.role = role;
  u.org_id = org;
  return u;
}

std::string key(const auth::User& u, const std::string& path = "/api/v1/drills",
                Poco::URI::QueryParameters query = {{"limit", "50"}}, bool english = false) {
  return responseCacheKey(u, english, path, query);
}

TEST(ResponseCacheKeyTest, ScopesNeverShareAKey) {
  const auth::User admin = user(auth::Role::Admin, 0);
  const auth::User town = user(auth::Role::OrgStaff, 7);
  const auth::User village =
      user(auth::Role::VillageStaff, 7);  // same organisation, narrower scope
  const auth::User other_village = user(auth::Role::VillageStaff, 8);
  const auth::User viewer = user(auth::Role::Viewer, 0);
  const std::vector<std::string> keys = {key(admin), key(town), key(village), key(other_village),
                                         key(viewer)};
  for (std::size_t i = 0; i < keys.size(); ++i) {
    for (std::size_t j = i + 1; j < keys.size(); ++j)
      EXPECT_NE(keys[i], keys[j]) << i << " vs " << j;
  }
  auth::User disabled = admin;
  disabled.disabled = true;
  EXPECT_NE(key(disabled), key(admin));
}

TEST(ResponseCacheKeyTest, TheSameScopeSharesAKeyWhateverTheUser) {
  EXPECT_EQ(key(user(auth::Role::OrgStaff, 7, 1)), key(user(auth::Role::OrgStaff, 7, 2)));
  // An administrator's organisation does not narrow its scope.
  EXPECT_EQ(key(user(auth::Role::Admin, 0, 1)), key(user(auth::Role::Admin, 3, 2)));
}

TEST(ResponseCacheKeyTest, LanguagePathAndQueryAreInTheKey) {
  const auth::User admin = user(auth::Role::Admin, 0);
  EXPECT_NE(key(admin, "/api/v1/drills", {}, false), key(admin, "/api/v1/drills", {}, true));
  EXPECT_NE(key(admin, "/api/v1/drills"), key(admin, "/api/v1/plans"));
  EXPECT_NE(key(admin, "/api/v1/drills", {{"limit", "50"}}),
            key(admin, "/api/v1/drills", {{"limit", "5"}}));
  EXPECT_NE(key(admin, "/api/v1/drills", {{"limit", "50"}}), key(admin, "/api/v1/drills", {}));
  // Length prefixes: moving text between a name and a value changes the key.
  EXPECT_NE(key(admin, "/p", {{"ab", "c"}}), key(admin, "/p", {{"a", "bc"}}));
  EXPECT_NE(key(admin, "/p", {{"a", "b&c=d"}}), key(admin, "/p", {{"a", "b"}, {"c", "d"}}));
}

TEST(ResponseCacheKeyTest, QueryOrderIsNormalisedButRepeatsKeepTheirOrder) {
  const auth::User admin = user(auth::Role::Admin, 0);
  EXPECT_EQ(key(admin, "/p", {{"limit", "5"}, {"domain", "fire"}}),
            key(admin, "/p", {{"domain", "fire"}, {"limit", "5"}}));
  // Handlers read the first of repeated parameters, so their order matters.
  EXPECT_NE(key(admin, "/p", {{"org", "a"}, {"org", "b"}}),
            key(admin, "/p", {{"org", "b"}, {"org", "a"}}));
}

}  // namespace
}  // namespace beacon::http
