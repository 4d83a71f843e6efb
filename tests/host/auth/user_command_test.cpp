#include "app/cli.h"

#include <fstream>
#include <sstream>

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include "app/os_user.h"
#include "auth/api_token_store.h"
#include "auth/calendar_feed_store.h"
#include "auth/password_hasher.h"
#include "auth/user_repository.h"
#include "store/database.h"
#include "support/cli_runner.h"

namespace beacon::app {
namespace {

using testing::CliRun;

class UserCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::File(dir_.path()).createDirectories();
    db_ = dir_.path() + "/beacon.db";
    config_ = dir_.path() + "/beacon.properties";
    std::ofstream(config_) << "auth.password_iterations = 1000\n";
    ASSERT_EQ(beacon({"init"}).code, 0);
    ASSERT_EQ(beacon({"org", "add", "--code", "xinmi", "--name", "新密市", "--kind", "city"}).code, 0);
    ASSERT_EQ(beacon({"org", "add", "--code", "quliang", "--name", "曲梁镇", "--kind", "township", "--parent",
                      "xinmi"}).code, 0);
  }

  CliRun beacon(const std::vector<std::string>& args, const std::string& input = "") {
    return testing::runBeacon({"--db", db_, "--config", config_, "--user", "admin.cli"}, args, input);
  }

  std::optional<auth::User> stored(const std::string& username) {
    store::Database db(db_);
    return auth::UserRepository(db.session()).findByUsername(username);
  }

  Poco::TemporaryFile dir_;
  std::string db_;
  std::string config_;
};

TEST_F(UserCommandTest, AddAndList) {
  CliRun add = beacon({"user", "add", "--username", "li.ming", "--role", "org_staff", "--org", "quliang", "--name",
                    "李明", "--password", "correct horse"});
  ASSERT_EQ(add.code, 0) << add.err;
  EXPECT_NE(add.out.find("li.ming"), std::string::npos);
  CliRun stdin_add = beacon({"user", "add", "--username", "admin", "--role", "admin", "--password-stdin"},
                         "another secret\r\nignored\n");
  ASSERT_EQ(stdin_add.code, 0) << stdin_add.err;

  CliRun list = beacon({"user", "list"});
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_EQ(list.out, "admin\tadmin\t-\t\t正常\nli.ming\torg_staff\tquliang\t李明\t正常\n");

  auto admin = stored("admin");
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->password.iterations, 1000);
  EXPECT_TRUE(auth::PasswordHasher(1000).verify("another secret", admin->password));
  CliRun audit = beacon({"audit", "--entity", "user"});
  EXPECT_NE(audit.out.find("admin.cli (os: " + app::osUserName() + ")\tcreate\tuser#"), std::string::npos) << audit.out;
  EXPECT_EQ(audit.out.find(admin->password.hash_hex), std::string::npos);
}

TEST_F(UserCommandTest, BadInputNamesTheOptionAndWritesNothing) {
  ASSERT_EQ(beacon({"user", "add", "--username", "li.ming", "--role", "viewer", "--password", "correct horse"}).code,
            0);
  struct Case {
    std::vector<std::string> args;
    const char* option;
  };
  const Case cases[] = {
      {{"--username", "zhang", "--role", "mayor", "--password", "correct horse"}, "--role"},
      {{"--username", "zhang", "--password", "correct horse"}, "--role"},
      {{"--username", "zhang", "--role", "village_staff", "--password", "correct horse"}, "--org"},
      {{"--username", "zhang", "--role", "org_staff", "--org", "nowhere", "--password", "correct horse"}, "--org"},
      {{"--username", "zhang", "--role", "viewer", "--password", "short"}, "--password"},
      {{"--username", "zhang", "--role", "viewer"}, "--password"},
      {{"--username", "zhang", "--role", "viewer", "--password", "correct horse", "--password-stdin"}, "--password"},
      {{"--username", "li.ming", "--role", "viewer", "--password", "correct horse"}, "--username"},
      {{"--username", "Zhang Wei", "--role", "viewer", "--password", "correct horse"}, "--username"},
      {{"--role", "viewer", "--password", "correct horse"}, "--username"},
      {{"--username", "zhang", "--role", "viewer", "--password", "correct horse", "--colour", "red"}, "--colour"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"user", "add"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    CliRun r = beacon(args);
    EXPECT_EQ(r.code, 1) << c.option;
    EXPECT_NE(r.err.find(std::string("beacon: ") + c.option + ":"), std::string::npos) << c.option << ": " << r.err;
  }
  CliRun empty_stdin = beacon({"user", "add", "--username", "zhang", "--role", "viewer", "--password-stdin"}, "");
  EXPECT_EQ(empty_stdin.code, 1);
  EXPECT_NE(empty_stdin.err.find("--password-stdin"), std::string::npos);
  EXPECT_EQ(beacon({"user", "list"}).out, "li.ming\tviewer\t-\t\t正常\n");
  EXPECT_EQ(beacon({"user", "frobnicate"}).code, 2);
}

TEST_F(UserCommandTest, PasswdDisableAndTokens) {
  ASSERT_EQ(beacon({"user", "add", "--username", "li.ming", "--role", "org_staff", "--org", "quliang",
                    "--password", "correct horse"}).code, 0);
  CliRun weak = beacon({"user", "passwd", "li.ming", "--password", "short"});
  EXPECT_EQ(weak.code, 1);
  EXPECT_NE(weak.err.find("--password"), std::string::npos);
  CliRun nobody = beacon({"user", "passwd", "nobody", "--password", "long enough"});
  EXPECT_EQ(nobody.code, 1);
  EXPECT_NE(nobody.err.find("USERNAME"), std::string::npos);
  ASSERT_EQ(beacon({"user", "passwd", "li.ming", "--password-stdin"}, "brand new secret\n").code, 0);
  EXPECT_TRUE(auth::PasswordHasher(1000).verify("brand new secret", stored("li.ming")->password));

  CliRun token = beacon({"user", "token", "li.ming", "--label", "nightly export"});
  ASSERT_EQ(token.code, 0) << token.err;
  const std::string secret = token.out.substr(0, token.out.size() - 1);
  EXPECT_EQ(secret.size(), 68u);
  {
    store::Database db(db_);
    auto who = auth::ApiTokenStore(db.session()).verify(secret);
    ASSERT_TRUE(who);
    EXPECT_EQ(who->username, "li.ming");
  }
  CliRun tokens = beacon({"user", "tokens", "li.ming"});
  EXPECT_NE(tokens.out.find(secret.substr(0, 12)), std::string::npos);
  EXPECT_EQ(tokens.out.find(secret), std::string::npos);  // never shown again
  EXPECT_NE(tokens.out.find("nightly export"), std::string::npos);
  const std::string id = tokens.out.substr(0, tokens.out.find('\t'));
  ASSERT_EQ(beacon({"user", "revoke", id}).code, 0);
  EXPECT_EQ(beacon({"user", "revoke", id}).code, 1);
  EXPECT_EQ(beacon({"user", "revoke", "x"}).code, 1);
  {
    store::Database db(db_);
    EXPECT_FALSE(auth::ApiTokenStore(db.session()).verify(secret));
  }

  ASSERT_EQ(beacon({"user", "disable", "li.ming"}).code, 0);
  EXPECT_TRUE(stored("li.ming")->disabled);
  EXPECT_NE(beacon({"user", "list"}).out.find("已停用"), std::string::npos);
  EXPECT_EQ(beacon({"user", "token", "li.ming"}).code, 1);
  ASSERT_EQ(beacon({"user", "enable", "li.ming"}).code, 0);
  EXPECT_FALSE(stored("li.ming")->disabled);
}

TEST_F(UserCommandTest, PasswdRevokesTokensUnlessKeptAndSaysWhich) {
  ASSERT_EQ(beacon({"user", "add", "--username", "li.ming", "--role", "org_staff", "--org",
                    "quliang", "--password", "correct horse"})
                .code,
            0);
  auto secretOf = [](const CliRun& run) { return run.out.substr(0, run.out.size() - 1); };
  const std::string first = secretOf(beacon({"user", "token", "li.ming"}));
  CliRun kept = beacon({"--lang", "en", "user", "passwd", "li.ming", "--password", "second secret",
                        "--keep-tokens"});
  ASSERT_EQ(kept.code, 0) << kept.err;
  EXPECT_NE(kept.out.find("API tokens kept"), std::string::npos) << kept.out;
  EXPECT_NE(kept.out.find("ended every session"), std::string::npos) << kept.out;
  {
    store::Database db(db_);
    EXPECT_TRUE(auth::ApiTokenStore(db.session()).verify(first));
  }
  CliRun revoked = beacon({"user", "passwd", "li.ming", "--password", "third secret"});
  ASSERT_EQ(revoked.code, 0) << revoked.err;
  EXPECT_NE(revoked.out.find("已吊销 1 个 API 令牌"), std::string::npos) << revoked.out;
  {
    store::Database db(db_);
    EXPECT_FALSE(auth::ApiTokenStore(db.session()).verify(first));
  }
  EXPECT_EQ(stored("li.ming")->credentials_generation, 2);
}

TEST_F(UserCommandTest, TokenScopeAndExpiry) {
  ASSERT_EQ(beacon({"user", "add", "--username", "li.ming", "--role", "org_staff", "--org",
                    "quliang", "--password", "correct horse"})
                .code,
            0);
  CliRun plain = beacon({"--lang", "en", "user", "token", "li.ming"});
  ASSERT_EQ(plain.code, 0) << plain.err;
  EXPECT_NE(plain.err.find("scope read, never expires"), std::string::npos) << plain.err;
  CliRun write =
      beacon({"--lang", "en", "user", "token", "li.ming", "--scope", "write", "--expires", "30"});
  ASSERT_EQ(write.code, 0) << write.err;
  EXPECT_NE(write.err.find("scope write, expires 20"), std::string::npos) << write.err;
  ASSERT_EQ(beacon({"user", "token", "li.ming", "--expires", "2999-12-31"}).code, 0);
  {
    store::Database db(db_);
    auto grant =
        auth::ApiTokenStore(db.session()).authenticate(plain.out.substr(0, plain.out.size() - 1));
    ASSERT_TRUE(grant);
    EXPECT_EQ(grant->scope, auth::TokenScope::Read);
    grant =
        auth::ApiTokenStore(db.session()).authenticate(write.out.substr(0, write.out.size() - 1));
    ASSERT_TRUE(grant);
    EXPECT_EQ(grant->scope, auth::TokenScope::Write);
  }
  CliRun tokens = beacon({"user", "tokens", "li.ming"});
  EXPECT_NE(tokens.out.find("\tread\t-\t"), std::string::npos) << tokens.out;
  EXPECT_NE(tokens.out.find("\tread\t3000-01-0"), std::string::npos)
      << tokens.out;  // midnight after, in UTC

  for (const auto& [option, value] :
       std::vector<std::pair<std::string, std::string>>{{"--scope", "admin"},
                                                        {"--expires", "2020-01-01"},
                                                        {"--expires", "0"},
                                                        {"--expires", "soon"},
                                                        {"--expires", "2024-02-30"},
                                                        {"--expires", "99999"}}) {
    CliRun bad = beacon({"user", "token", "li.ming", option, value});
    EXPECT_EQ(bad.code, 1) << option << " " << value;
    EXPECT_NE(bad.err.find(option), std::string::npos) << bad.err;
  }
}

TEST_F(UserCommandTest, FeedKeyRotates) {
  ASSERT_EQ(beacon({"user", "add", "--username", "li.ming", "--role", "org_staff", "--org",
                    "quliang", "--password", "correct horse"})
                .code,
            0);
  CliRun first = beacon({"user", "feed", "li.ming", "--org", "quliang"});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_EQ(first.out.rfind("/calendar/quliang.ics?key=bcf_", 0), 0u) << first.out;
  const std::string key1 = first.out.substr(first.out.find("key=") + 4, 68);
  const std::string key2 =
      beacon({"user", "feed", "li.ming", "--org", "quliang"}).out.substr(26, 68);
  {
    store::Database db(db_);
    auth::CalendarFeedStore feeds(db.session());
    EXPECT_FALSE(feeds.verify(key1));
    ASSERT_TRUE(feeds.verify(key2));
    EXPECT_EQ(feeds.verify(key2)->user.username, "li.ming");
    EXPECT_FALSE(auth::ApiTokenStore(db.session()).verify(key2));
  }
  EXPECT_EQ(beacon({"user", "feed", "li.ming"}).code, 1);
  EXPECT_EQ(beacon({"user", "feed", "li.ming", "--org", "nowhere"}).code, 1);
  CliRun revoke =
      beacon({"--lang", "en", "user", "feed", "li.ming", "--org", "quliang", "--revoke"});
  EXPECT_NE(revoke.out.find("revoked 1"), std::string::npos) << revoke.out;
  store::Database db(db_);
  EXPECT_FALSE(auth::CalendarFeedStore(db.session()).verify(key2));
}

}  // namespace
}  // namespace beacon::app
