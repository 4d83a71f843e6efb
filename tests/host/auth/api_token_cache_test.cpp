#include "auth/api_token_cache.h"

#include <gtest/gtest.h>

namespace beacon::auth {
namespace {

class ApiTokenCacheTest : public ::testing::Test {
 protected:
  ClockTime now_ = ClockTime{} + std::chrono::hours(1);
  ApiTokenCache cache_{[this] { return now_; }, std::chrono::seconds(2)};
  User user_{7, "ql.staff", "", Role::OrgStaff, 3, {}, false, ""};
};

TEST_F(ApiTokenCacheTest, KeepsAUserForTheTtlOnly) {
  EXPECT_FALSE(cache_.find("k"));
  cache_.put("k", TokenGrant{user_, TokenScope::Read}, cache_.generation());
  auto hit = cache_.find("k");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->user.username, "ql.staff");
  EXPECT_EQ(hit->user.org_id, 3);
  EXPECT_FALSE(cache_.find("other"));
  now_ += std::chrono::milliseconds(1999);
  EXPECT_TRUE(cache_.find("k"));
  now_ += std::chrono::milliseconds(1);
  EXPECT_FALSE(cache_.find("k"));
}

TEST_F(ApiTokenCacheTest, ClearDropsEntriesAndLookupsItOvertook) {
  cache_.put("k", TokenGrant{user_, TokenScope::Read}, cache_.generation());
  const auto before = cache_.generation();
  cache_.clear();
  EXPECT_FALSE(cache_.find("k"));
  cache_.put("k", TokenGrant{user_, TokenScope::Read},
             before);  // looked up before the clear (a revocation)
  EXPECT_FALSE(cache_.find("k"));
  cache_.put("k", TokenGrant{user_, TokenScope::Read}, cache_.generation());
  EXPECT_TRUE(cache_.find("k"));
}

}  // namespace
}  // namespace beacon::auth
