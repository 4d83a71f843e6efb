// WalIndexWatch over a WAL database: the first poll reports a change, then a
// commit by another connection, by another process (fork) and by the
// watching connection itself; reads and uncommitted rows change nothing; a
// database in memory is Unavailable (the caller falls back).
#include "store/wal_index_watch.h"

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include "store/database.h"

using namespace Poco::Data::Keywords;
using Seen = beacon::store::WalIndexWatch::Seen;

namespace beacon::store {
namespace {

class WalIndexWatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::File(dir_.path()).createDirectories();
    path_ = Poco::Path(dir_.path()).append("watch.db").toString();
    setup_ = std::make_unique<store::Database>(path_);
    setup_->session() << "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", now;
  }
  Poco::TemporaryFile dir_;
  std::string path_;
  std::unique_ptr<store::Database> setup_;  // keeps the database open, as the server does
};

TEST_F(WalIndexWatchTest, SeesCommitsOfEveryConnection) {
  store::Database mine(path_);
  store::Database other(path_);
  WalIndexWatch watch;
  EXPECT_EQ(watch.poll(mine.session()), Seen::Changed)
      << "the first poll cannot know what came before";
  EXPECT_EQ(watch.poll(mine.session()), Seen::Unchanged);
  mine.session() << "SELECT COUNT(*) FROM t", now;
  EXPECT_EQ(watch.poll(mine.session()), Seen::Unchanged) << "reads change nothing";

  other.session() << "INSERT INTO t(v) VALUES('other')", now;
  EXPECT_EQ(watch.poll(mine.session()), Seen::Changed);
  EXPECT_EQ(watch.poll(mine.session()), Seen::Unchanged);
  mine.session() << "INSERT INTO t(v) VALUES('mine')", now;
  EXPECT_EQ(watch.poll(mine.session()), Seen::Changed);
  other.session() << "UPDATE t SET v = 'x'", now;
  EXPECT_EQ(watch.poll(other.session()), Seen::Changed);
  other.session() << "DELETE FROM t", now;
  EXPECT_EQ(watch.poll(mine.session()), Seen::Changed);
  EXPECT_EQ(watch.poll(mine.session()), Seen::Unchanged);
}

TEST_F(WalIndexWatchTest, UncommittedRowsChangeNothingUntilTheCommit) {
  store::Database mine(path_);
  store::Database other(path_);
  WalIndexWatch watch;
  watch.poll(mine.session());
  other.session() << "BEGIN", now;
  other.session() << "INSERT INTO t(v) VALUES('pending')", now;
  EXPECT_EQ(watch.poll(mine.session()), Seen::Unchanged);
  other.session() << "COMMIT", now;
  EXPECT_EQ(watch.poll(mine.session()), Seen::Changed);
}

TEST_F(WalIndexWatchTest, SeesACommitByAnotherProcess) {
  store::Database mine(path_);
  WalIndexWatch watch;
  watch.poll(mine.session());
  ASSERT_EQ(watch.poll(mine.session()), Seen::Unchanged);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    int code = 1;
    try {
      store::Database cli(path_);
      cli.session() << "INSERT INTO t(v) VALUES('from another process')", now;
      code = 0;
    } catch (...) {
    }
    _exit(code);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(watch.poll(mine.session()), Seen::Changed);
  int rows = 0;
  mine.session() << "SELECT COUNT(*) FROM t", into(rows), now;
  EXPECT_EQ(rows, 1);
}

TEST_F(WalIndexWatchTest, ADatabaseInMemoryIsUnavailable) {
  store::Database memory(":memory:");
  WalIndexWatch watch;
  EXPECT_EQ(watch.poll(memory.session()), Seen::Unavailable);
  EXPECT_EQ(watch.poll(memory.session()), Seen::Unavailable);
  EXPECT_FALSE(watch.watching());
}

}  // namespace
}  // namespace beacon::store
