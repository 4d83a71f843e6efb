// The CLI records the OS account next to --user, and `beacon audit verify`
// names the entry edited, deleted or inserted with SQL behind the
// application's back, with exit code 1 (issue 9, item 9); CLI text input
// follows the service's character rule (item 8).
#include <gtest/gtest.h>

#include <Poco/Data/Session.h>

#include "app/os_user.h"
#include "store/database.h"
#include "support/cli_city_fixture.h"

using namespace Poco::Data::Keywords;

namespace beacon::app {
namespace {

using testing::CliRun;

class AuditVerifyTest : public testing::CliCityFixture {
 protected:
  AuditVerifyTest() : CliCityFixture("admin") {}
  void SetUp() override {
    CliCityFixture::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_EQ(beacon({"org", "add", "--code", "quliang.v1", "--name", "五虎庙村", "--kind",
                      "village", "--parent", "quliang"})
                  .code,
              0);
  }

  // A statement on the database itself (sqlite3 on the file, psql on the schema), as someone
  // with access to it would write, past Beacon's repositories.
  void sql(const std::string& statement) {
    store::Database db(db_);
    db.session() << statement, now;
  }
  // Drops one of audit_log's guard triggers (PostgreSQL names the table as well).
  void dropGuard(const std::string& trigger) {
    sql("DROP TRIGGER " + trigger + (database_->postgres() ? " ON audit_log" : ""));
  }
};

TEST_F(AuditVerifyTest, CliRecordsTheOsAccountNextToTheGivenName) {
  CliRun audit = beacon({"audit", "--entity", "organisation"});
  ASSERT_EQ(audit.code, 0) << audit.err;
  EXPECT_NE(audit.out.find("\tadmin (os: " + osUserName() + ")\tcreate\torganisation#"),
            std::string::npos)
      << audit.out;
}

TEST_F(AuditVerifyTest, AnIntactLogVerifies) {
  CliRun ok = beacon({"audit", "verify"});
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_EQ(ok.out.rfind("审计日志完整：共 3 条，链尾 3:", 0), 0u) << ok.out;
  CliRun en = beacon({"audit", "verify"}, "en");
  EXPECT_EQ(en.code, 0) << en.err;
  EXPECT_EQ(en.out.rfind("audit log intact: 3 entries, head 3:", 0), 0u) << en.out;
}

TEST_F(AuditVerifyTest, AnEditedEntryIsReported) {
  dropGuard("audit_log_no_update");
  sql("UPDATE audit_log SET username = 'nobody' WHERE id = 2");
  CliRun r = beacon({"audit", "verify"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "beacon: audit: 审计日志第 2 条被改动：内容与哈希不符\n");
  CliRun en = beacon({"audit", "verify"}, "en");
  EXPECT_EQ(en.code, 1);
  EXPECT_EQ(en.err,
            "beacon: audit: audit entry 2 was changed: its content does not match its hash\n");
}

TEST_F(AuditVerifyTest, ADeletedEntryIsReported) {
  dropGuard("audit_log_no_delete");
  sql("DELETE FROM audit_log WHERE id = 2");
  CliRun r = beacon({"audit", "verify"}, "en");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("audit entry 3 does not follow entry 1: an entry between them was removed"),
            std::string::npos)
      << r.err;
}

TEST_F(AuditVerifyTest, AnInsertedEntryIsReported) {
  // The next id given, as Beacon gives it (the chain hashes it; PostgreSQL's identity sequence
  // is not where Beacon's ids come from).
  sql("INSERT INTO audit_log(id, at, username, action, entity, entity_id) "
      "VALUES(4, '2023-01-01T00:00:00Z', 'admin', 'delete', 'drill', 9)");
  CliRun r = beacon({"audit", "verify"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "beacon: audit: 审计日志第 4 条被改动：内容与哈希不符\n");
}

TEST_F(AuditVerifyTest, ARecordedHeadCatchesATruncatedLog) {
  CliRun ok = beacon({"audit", "verify"}, "en");
  ASSERT_EQ(ok.code, 0);
  const std::string head = ok.out.substr(ok.out.find("head ") + 5, std::string::npos);
  const std::string head_arg = head.substr(0, head.find('\n'));
  EXPECT_EQ(beacon({"audit", "verify", "--head", head_arg}).code, 0);
  dropGuard("audit_log_no_delete");
  sql("DELETE FROM audit_log WHERE id = 3");
  EXPECT_EQ(beacon({"audit", "verify"}).code, 0) << "the chain alone cannot see its tail cut off";
  CliRun r = beacon({"audit", "verify", "--head", head_arg}, "en");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("audit entry 3 does not have the expected hash"), std::string::npos)
      << r.err;
  CliRun bad = beacon({"audit", "verify", "--head", "3"}, "en");
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("head: must be ID:HASH"), std::string::npos) << bad.err;
}

TEST_F(AuditVerifyTest, CliTextFollowsTheCharacterRule) {
  CliRun r = beacon({"drill", "add", "--org", "quliang.v1", "--type", "flood.evacuation", "--date",
                     "2023-05-10", "--participants", "5", "--place", "村委会\x01", "--field",
                     "hazard=山洪"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "beacon: place: 不得包含控制字符（U+0001），只允许制表符和换行\n");
  CliRun en = beacon(
      {"drill", "add", "--org", "quliang.v1", "--type", "flood.evacuation", "--date", "2023-05-10",
       "--participants", "5", "--place", std::string(201, 'x'), "--field", "hazard=山洪"},
      "en");
  EXPECT_EQ(en.code, 1);
  EXPECT_EQ(en.err, "beacon: place: must be at most 200 characters\n");
}

}  // namespace
}  // namespace beacon::app
