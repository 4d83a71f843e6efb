// ConnectionChanges over two connections to one SQLite file: the first call
// reports a change, then a write by the connection itself, a commit by the
// other connection, and nothing in between (no change).
#include "store/connection_changes.h"

#include <gtest/gtest.h>

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include "store/database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

class ConnectionChangesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::File(dir_.path()).createDirectories();
    path_ = Poco::Path(dir_.path()).append("changes.db").toString();
    store::Database setup(path_);
    setup.session() << "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", now;
  }
  Poco::TemporaryFile dir_;
  std::string path_;
};

TEST_F(ConnectionChangesTest, SeesItsOwnWritesAndOtherConnectionsCommits) {
  store::Database mine(path_);
  store::Database other(path_);
  ConnectionChanges changes(mine.session());
  EXPECT_TRUE(changes.changed()) << "the first call cannot know what came before";
  EXPECT_FALSE(changes.changed());
  mine.session() << "SELECT COUNT(*) FROM t", now;
  EXPECT_FALSE(changes.changed()) << "reads change nothing";

  mine.session() << "INSERT INTO t(v) VALUES('mine')", now;
  EXPECT_TRUE(changes.changed());
  EXPECT_FALSE(changes.changed());

  other.session() << "INSERT INTO t(v) VALUES('other')", now;
  EXPECT_TRUE(changes.changed());
  EXPECT_FALSE(changes.changed());

  other.session() << "UPDATE t SET v = 'again' WHERE v = 'other'", now;
  EXPECT_TRUE(changes.changed());
  other.session() << "DELETE FROM t", now;
  EXPECT_TRUE(changes.changed());
  EXPECT_FALSE(changes.changed());
}

TEST_F(ConnectionChangesTest, AnotherConnectionsOpenTransactionIsSeenOnlyWhenItCommits) {
  store::Database mine(path_);
  store::Database other(path_);
  ConnectionChanges changes(mine.session());
  changes.changed();
  other.session() << "BEGIN", now;
  other.session() << "INSERT INTO t(v) VALUES('pending')", now;
  EXPECT_FALSE(changes.changed()) << "uncommitted rows are not visible to this connection";
  other.session() << "COMMIT", now;
  EXPECT_TRUE(changes.changed());
}

}  // namespace
}  // namespace beacon::store
