// `beacon backup` / `beacon restore` on the command line: a round trip of the demo city keeps
// every drill and the audit chain; PostgreSQL is refused naming pg_dump / pg_restore; a file
// that is not a backup, a damaged audit chain in the backup and an existing --out are refused
// with a message naming the option, and nothing is written.
#include <gtest/gtest.h>

#include <fstream>

#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Zip/Compress.h>
#include <Poco/Zip/Decompress.h>

#include "store/audit_chain.h"
#include "store/database.h"
#include "support/cli_runner.h"

using namespace Poco::Data::Keywords;

namespace beacon::app {
namespace {

using testing::CliRun;

class BackupCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::File(dir_.path()).createDirectories();
    demo_ = dir_.path() + "/demo.db";
    CliRun init = testing::runBeacon({"--db", demo_, "--user", "tester"}, {"init", "--demo", "xinmi-2023"});
    ASSERT_EQ(init.code, 0) << init.err;
  }
  CliRun beacon(const std::string& db, const std::vector<std::string>& args, bool english = true) {
    std::vector<std::string> global = {"--db", db, "--user", "tester"};
    if (english) global.insert(global.end(), {"--lang", "en"});
    return testing::runBeacon(global, args);
  }
  static int drills(const std::string& db) {
    store::Database d(db);
    int n = 0;
    d.session() << "SELECT COUNT(*) FROM drills", into(n), now;
    return n;
  }
  Poco::TemporaryFile dir_;
  std::string demo_;
};

TEST_F(BackupCommandTest, RoundTripKeepsEveryDrillAndTheAuditChain) {
  const std::string out = dir_.path() + "/b.zip";
  CliRun b = beacon(demo_, {"backup", "--out", out}, false);
  ASSERT_EQ(b.code, 0) << b.err;
  EXPECT_NE(b.out.find("已备份到"), std::string::npos) << b.out;
  const std::string target = dir_.path() + "/new/beacon.db";
  CliRun r = beacon(target, {"restore", "--from", out});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("audit chain verified"), std::string::npos) << r.out;
  EXPECT_EQ(drills(target), drills(demo_));
  store::Database restored(target);
  EXPECT_TRUE(store::verifyAuditChain(restored.session()).ok());
  // An existing --out is never overwritten.
  CliRun twice = beacon(demo_, {"backup", "--out", out});
  EXPECT_EQ(twice.code, 1);
  EXPECT_NE(twice.err.find("--out"), std::string::npos) << twice.err;
}

TEST_F(BackupCommandTest, PostgresqlIsRefusedNamingPgDump) {
  CliRun b = beacon("postgresql://beacon@127.0.0.1:5432/beacon", {"backup", "--out", dir_.path() + "/pg.zip"});
  EXPECT_EQ(b.code, 1);
  EXPECT_NE(b.err.find("pg_dump"), std::string::npos) << b.err;
  EXPECT_FALSE(Poco::File(dir_.path() + "/pg.zip").exists());
  CliRun r = beacon("postgresql://beacon@127.0.0.1:5432/beacon", {"restore", "--from", demo_}, false);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("pg_restore"), std::string::npos) << r.err;
}

TEST_F(BackupCommandTest, NotABackupIsRefused) {
  const std::string target = dir_.path() + "/t.db";
  CliRun r = beacon(target, {"restore", "--from", demo_});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("not a Beacon backup"), std::string::npos) << r.err;
  EXPECT_FALSE(Poco::File(target).exists());
  CliRun missing = beacon(target, {"restore"});
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("--from"), std::string::npos);
}

TEST_F(BackupCommandTest, ABackupWhoseAuditChainWasCutIsRefused) {
  // A backup whose database lost its newest audit entry: the manifest's head no longer matches.
  const std::string out = dir_.path() + "/b.zip";
  ASSERT_EQ(beacon(demo_, {"backup", "--out", out}).code, 0);
  const std::string unpacked = dir_.path() + "/unpacked";
  {
    std::ifstream in(out, std::ios::binary);
    Poco::Zip::Decompress(in, Poco::Path(unpacked)).decompressAllFiles();
  }
  {
    store::Database db(unpacked + "/beacon.db");
    db.session() << "DROP TRIGGER IF EXISTS audit_log_no_delete", now;
    db.session() << "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)", now;
  }
  const std::string forged = dir_.path() + "/forged.zip";
  {
    std::ofstream zip_out(forged, std::ios::binary);
    Poco::Zip::Compress zip(zip_out, true);
    zip.addFile(Poco::Path(unpacked + "/manifest.json"), Poco::Path("manifest.json"));
    zip.addFile(Poco::Path(unpacked + "/beacon.db"), Poco::Path("beacon.db"));
    if (Poco::File(unpacked + "/attachments").exists()) {
      zip.addRecursive(Poco::Path(unpacked + "/attachments/"), Poco::Zip::ZipCommon::CL_NORMAL, false,
                       Poco::Path("attachments/"));
    }
    zip.close();
  }
  const std::string target = dir_.path() + "/t.db";
  CliRun r = beacon(target, {"restore", "--from", forged});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("audit chain does not verify"), std::string::npos) << r.err;
  EXPECT_FALSE(Poco::File(target).exists());
}

}  // namespace
}  // namespace beacon::app
