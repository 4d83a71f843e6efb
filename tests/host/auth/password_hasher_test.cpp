#include "auth/password_hasher.h"

#include <Poco/Exception.h>
#include <gtest/gtest.h>

#include "auth/constant_time.h"
#include "auth/password_policy.h"
#include "auth/secure_random.h"

namespace beacon::auth {
namespace {

// PBKDF2-HMAC-SHA256 known answers (P = "password", S = "salt", dkLen = 32).
struct Vector {
  int iterations;
  const char* hex;
};

class Pbkdf2Vectors : public ::testing::TestWithParam<Vector> {};

TEST_P(Pbkdf2Vectors, MatchKnownAnswer) {
  EXPECT_EQ(PasswordHasher::derive("password", "salt", GetParam().iterations), GetParam().hex);
}

INSTANTIATE_TEST_SUITE_P(
    Sha256, Pbkdf2Vectors,
    ::testing::Values(Vector{1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"},
                      Vector{2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"},
                      Vector{4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"}));

TEST(Pbkdf2, LongerKeyAndLongPasswordVector) {
  // P = "passwordPASSWORDpassword", S = "saltSALTsaltSALTsaltSALTsaltSALTsalt", c = 4096, dkLen = 40.
  EXPECT_EQ(PasswordHasher::derive("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 40),
            "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9");
}

TEST(PasswordHasher, HashVerifiesOnlyTheRightPassword) {
  PasswordHasher hasher(50);
  PasswordHash h = hasher.hash("正确的密码 horse");
  EXPECT_EQ(h.iterations, 50);
  EXPECT_EQ(h.salt_hex.size(), 32u);
  EXPECT_EQ(h.hash_hex.size(), 64u);
  EXPECT_TRUE(hasher.verify("正确的密码 horse", h));
  EXPECT_FALSE(hasher.verify("正确的密码 horsE", h));
  EXPECT_FALSE(hasher.verify("", h));
}

TEST(PasswordHasher, SaltIsFreshPerHash) {
  PasswordHasher hasher(10);
  PasswordHash a = hasher.hash("same password");
  PasswordHash b = hasher.hash("same password");
  EXPECT_NE(a.salt_hex, b.salt_hex);
  EXPECT_NE(a.hash_hex, b.hash_hex);
}

TEST(PasswordHasher, StoredIterationCountWinsOverTheHashersOwn) {
  PasswordHash old = PasswordHasher(20).hash("long enough");
  EXPECT_TRUE(PasswordHasher(5000).verify("long enough", old));
}

TEST(PasswordHasher, MalformedStoredHashNeverVerifies) {
  PasswordHasher hasher(10);
  PasswordHash h = hasher.hash("long enough");
  PasswordHash bad_salt = h;
  bad_salt.salt_hex = "zz";
  EXPECT_FALSE(hasher.verify("long enough", bad_salt));
  PasswordHash no_iterations = h;
  no_iterations.iterations = 0;
  EXPECT_FALSE(hasher.verify("long enough", no_iterations));
  PasswordHash short_hash = h;
  short_hash.hash_hex.pop_back();
  EXPECT_FALSE(hasher.verify("long enough", short_hash));
  EXPECT_THROW(PasswordHasher(0), Poco::InvalidArgumentException);
}

TEST(ConstantTime, ComparesWholeStrings) {
  EXPECT_TRUE(constantTimeEquals("abcdef", "abcdef"));
  EXPECT_FALSE(constantTimeEquals("abcdef", "abcdeg"));
  EXPECT_FALSE(constantTimeEquals("bbcdef", "abcdef"));
  EXPECT_FALSE(constantTimeEquals("abc", "abcdef"));
  EXPECT_TRUE(constantTimeEquals("", ""));
}

TEST(SecureRandom, HexRoundTripAndFreshness) {
  const std::string a = randomHex(32);
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, randomHex(32));
  std::string bytes;
  ASSERT_TRUE(fromHex(a, bytes));
  EXPECT_EQ(toHex(bytes), a);
  EXPECT_FALSE(fromHex("abc", bytes));
  EXPECT_FALSE(fromHex("zz", bytes));
}

TEST(PasswordPolicy, RefusesWeakPasswordsNamingTheField) {
  EXPECT_EQ(checkPassword("short7!", "li.ming").field(), "password");
  EXPECT_TRUE(checkPassword("eight ch", "li.ming").isOk());
  EXPECT_TRUE(checkPassword("应急管理演练预案", "li.ming").isOk());  // 8 Chinese characters
  EXPECT_FALSE(checkPassword("应急管理演练", "li.ming").isOk());
  EXPECT_FALSE(checkPassword("Li.Ming.2023", "li.ming.2023").isOk());
  EXPECT_FALSE(checkPassword(std::string(300, 'x'), "li.ming").isOk());
}

}  // namespace
}  // namespace beacon::auth
