#include "rules/store_record_reader.h"

#include <random>

#include <gtest/gtest.h>

#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "store/transaction.h"
#include "support/test_database.h"

namespace beacon::rules {
namespace {

// drills() answers the same, in the same order (date, then id), whether it
// reads a small window through the date index or a large one by a table pass.
class StoreRecordReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.migrate();
    store::OrganisationRepository orgs(db_.session());
    for (int i = 0; i < 3; ++i) {
      sdk::Organisation o;
      o.code = "o" + std::to_string(i);
      o.name = o.code;
      o.kind = sdk::OrgKind::Village;
      orgs_.push_back(orgs.add(o, actor_));
    }
    std::mt19937 rng(7);
    const std::vector<std::string> types = {"flood.evacuation", "fire.evacuation", "fire.tabletop"};
    std::vector<sdk::Drill> batch;
    for (int i = 0; i < 24000; ++i) {
      sdk::Drill d;
      d.drill_type = types[rng() % types.size()];
      d.domain = d.drill_type.substr(0, d.drill_type.find('.'));
      d.org_id = orgs_[rng() % orgs_.size()];
      d.date = sdk::Date::fromDays(sdk::Date{2022, 1, 1}.toDays() + static_cast<long>(rng() % 730));
      d.place = "p" + std::to_string(i);
      if (d.domain == "flood") d.fields["hazard"] = i % 2 ? "river" : "flash_flood";
      batch.push_back(d);
    }
    store::Transaction tx(db_.session());
    store::DrillRepository(db_.session()).addBatch(batch);
    tx.commit();
  }

  void expectSameAsRepository(const std::string& domain, const sdk::Date& from, const sdk::Date& to) {
    SCOPED_TRACE(domain + " " + from.toString() + " .. " + to.toString());
    store::DrillFilter f;
    f.domain = domain;
    f.from = from;
    f.to = to;
    f.newest_first = false;
    const auto expected = store::DrillRepository(db_.session()).list(f);
    const auto actual = StoreRecordReader(db_, domain).drills(from, to);
    ASSERT_EQ(actual.size(), expected.size());
    ASSERT_FALSE(actual.empty());
    for (std::size_t i = 0; i < actual.size(); ++i) {
      ASSERT_EQ(actual[i].id, expected[i].id) << "at " << i;
      EXPECT_EQ(actual[i].date, expected[i].date);
      EXPECT_EQ(actual[i].place, expected[i].place);
      EXPECT_EQ(actual[i].fields, expected[i].fields);
      EXPECT_EQ(actual[i].org_id, expected[i].org_id);
      EXPECT_EQ(actual[i].drill_type, expected[i].drill_type);
    }
  }

  // SQLite in memory, or a PostgreSQL schema when BEACON_TEST_DB_URI names one.
  beacon::testing::TestDatabase test_db_;
  std::unique_ptr<store::Database> owned_db_ = test_db_.open();
  store::Database& db_ = *owned_db_;
  store::Actor actor_{"test"};
  std::vector<sdk::RecordId> orgs_;
};

TEST_F(StoreRecordReaderTest, SmallWindowThroughTheIndex) {
  expectSameAsRepository("fire", {2023, 3, 1}, {2023, 3, 20});
}

TEST_F(StoreRecordReaderTest, LargeWindowByATablePassSortedByDateThenId) {
  expectSameAsRepository("fire", {2021, 1, 1}, {2023, 12, 31});
  expectSameAsRepository("flood", {2022, 1, 1}, {2023, 6, 30});
  expectSameAsRepository("", {2022, 2, 15}, {2023, 12, 31});
}

}  // namespace
}  // namespace beacon::rules
