// scanByIdList and the reads on it (readOrganisationLabels, RecordVoids::voided), on the backend
// BEACON_TEST_DB_URI names (SQLite in memory when unset): every listed id that exists is found,
// once, whatever the list's length (1, 3, a power of two, past one chunk), with duplicates and
// missing ids; no list runs nothing. On SQLite, lists of many lengths share a few statements.
#include "store/id_list_scan.h"

#include <set>

#include <gtest/gtest.h>

#include <Poco/Data/SQLite/Utility.h>

#include "store/organisation_labels.h"
#include "store/organisation_repository.h"
#include "store/record_voids.h"
#include "store/sqlite_statement_cache.h"
#include "store/transaction.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

class IdListScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_->migrate();
    auto& s = db_->session();
    s << "CREATE TABLE id_probe (id BIGINT NOT NULL PRIMARY KEY, label TEXT NOT NULL)", now;
    Transaction tx(s);
    for (int id = 1; id <= 700; ++id) {
      s << "INSERT INTO id_probe(id, label) VALUES ($1, $2)", bind(id),
          bind("r" + std::to_string(id)), now;
    }
    tx.commit();
  }
  std::multiset<Poco::Int64> found(const std::vector<sdk::RecordId>& ids) {
    std::multiset<Poco::Int64> out;
    RowScanner scanner(db_->session());
    scanByIdList(scanner, "SELECT id, label FROM id_probe WHERE id IN ", ids, " ORDER BY id",
                 [&](const ScannedRow& r) {
                   EXPECT_EQ(r.text(1), "r" + std::to_string(r.int64(0)));
                   out.insert(r.int64(0));
                 });
    return out;
  }
  static std::vector<sdk::RecordId> range(sdk::RecordId from, sdk::RecordId to) {
    std::vector<sdk::RecordId> out;
    for (auto id = from; id <= to; ++id) out.push_back(id);
    return out;
  }
  static std::multiset<Poco::Int64> set(const std::vector<sdk::RecordId>& ids) {
    return {ids.begin(), ids.end()};
  }

  beacon::testing::TestDatabase test_db_;
  std::unique_ptr<Database> db_ = test_db_.open();
};

TEST_F(IdListScanTest, FindsEachListedIdOnceWhateverTheLength) {
  EXPECT_TRUE(found({}).empty());
  EXPECT_EQ(found({5}), set({5}));
  EXPECT_EQ(found({7, 3, 9}), set({3, 7, 9}));
  EXPECT_EQ(found(range(1, 8)), set(range(1, 8)));
  EXPECT_EQ(found(range(1, 256)), set(range(1, 256)));
  EXPECT_EQ(found(range(1, 257)), set(range(1, 257))) << "one id past the first chunk";
  EXPECT_EQ(found(range(10, 609)), set(range(10, 609))) << "three chunks";
}

TEST_F(IdListScanTest, MissingIdsAreLeftOutAndDuplicatesInAChunkMatchOnce) {
  EXPECT_EQ(found({5, 5, 5}), set({5}));
  EXPECT_EQ(found({4, 9999, 6, 0}), set({4, 6}));
  EXPECT_TRUE(found({9999, 10000}).empty());
}

TEST_F(IdListScanTest, ListsOfManyLengthsShareAFewStatements) {
  if (test_db_.postgres()) GTEST_SKIP() << "statements are kept on SQLite only";
  const auto& cache =
      SqliteStatementCache::of(Poco::Data::SQLite::Utility::dbHandle(db_->session()));
  const auto before = cache.compiled();
  for (sdk::RecordId n = 1; n <= 100; ++n) ASSERT_EQ(found(range(1, n)).size(), std::size_t(n));
  EXPECT_EQ(cache.compiled() - before, 8u) << "1, 2, 4, ..., 128 parameters";
}

TEST_F(IdListScanTest, OrganisationLabelsOfAListPastOneChunk) {
  OrganisationRepository orgs(db_->session());
  const Actor actor{"tester"};
  std::vector<sdk::RecordId> ids;
  for (int i = 0; i < 300; ++i) {
    sdk::Organisation o;
    o.code = "org" + std::to_string(i);
    o.name = "单位" + std::to_string(i);
    o.kind = sdk::OrgKind::Village;
    ids.push_back(orgs.add(o, actor));
  }
  auto asked = ids;
  asked.push_back(ids[3]);
  asked.push_back(987654);
  const auto labels = readOrganisationLabels(db_->session(), asked);
  ASSERT_EQ(labels.size(), 300u);
  EXPECT_EQ(labels.at(ids[0]).name, "单位0");
  EXPECT_EQ(labels.at(ids[299]).code, "org299");
  EXPECT_EQ(labels.count(987654), 0u);
  EXPECT_TRUE(readOrganisationLabels(db_->session(), {}).empty());
}

}  // namespace
}  // namespace beacon::store
