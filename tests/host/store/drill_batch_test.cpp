// DrillRepository::addBatch on either backend (BEACON_TEST_DB_URI): on PostgreSQL a batch is one
// COPY stream (store/postgres_copy.h) and its summary rows multi-row statements
// (store/multi_row_insert.h), so these check what the stream must carry exactly (texts with the
// COPY format's special characters, NULL plan ids, ids reserved for flagged drills), that a
// refused row leaves nothing written and the session usable, and that upserts split over several
// statements still count every drill.
#include <gtest/gtest.h>

#include <Poco/Data/DataException.h>

#include "store/database.h"
#include "store/drill_repository.h"
#include "store/multi_row_insert.h"
#include "store/organisation_repository.h"
#include "store/transaction.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

class DrillBatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.migrate();
    sdk::Organisation village;
    village.code = "renzhuang";
    village.name = "任庄村";
    village.kind = sdk::OrgKind::Village;
    OrganisationRepository(db_.session()).add(village, actor_);
    village_ = village.id;
  }

  sdk::Drill drill(const std::string& date) const {
    sdk::Drill d;
    d.domain = "flood";
    d.drill_type = "flood.evacuation";
    d.org_id = village_;
    d.date = *sdk::Date::parse(date);
    d.participants = 30;
    d.evacuees = 12;
    d.fields = {{"hazard", "river"}};
    return d;
  }

  void store(const std::vector<sdk::Drill>& batch) {
    Transaction tx(db_.session());
    DrillRepository(db_.session()).addBatch(batch);
    tx.commit();
  }

  int rows(const std::string& table) {
    int n = 0;
    db_.session() << "SELECT COUNT(*) FROM " + table, into(n), now;
    return n;
  }

  testing::TestDatabase test_db_;
  Database db_{test_db_.uri()};
  Actor actor_{"tester"};
  sdk::RecordId village_ = 0;
};

TEST_F(DrillBatchTest, TextsWithTabsNewlinesAndBackslashesComeBackExactly) {
  std::vector<sdk::Drill> batch = {drill("2023-03-01"), drill("2023-03-02")};
  batch[0].place = "村委会\t广场";
  batch[0].scenario = "第一行\n第二行\r\n第三行";
  batch[0].findings = R"(C:\drills\2023 \N 不是空值 "引号")";
  batch[0].fields = {{"hazard", "river"}, {"note", "a\\tb\tc"}};
  batch[1].place = "";
  batch[1].findings = "\\";
  store(batch);
  DrillFilter f;
  f.newest_first = false;
  const auto back = DrillRepository(db_.session()).list(f);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].place, batch[0].place);
  EXPECT_EQ(back[0].scenario, batch[0].scenario);
  EXPECT_EQ(back[0].findings, batch[0].findings);
  EXPECT_EQ(back[0].fields, batch[0].fields);
  EXPECT_EQ(back[0].plan_id, 0);  // stored as NULL, read back as 0
  EXPECT_EQ(back[0].plan_version_id, 0);
  EXPECT_EQ(back[1].place, "");
  EXPECT_EQ(back[1].findings, "\\");
  EXPECT_LT(back[0].id, back[1].id);
}

TEST_F(DrillBatchTest, FlaggedDrillsGetTheirOwnIdsInDrillFlags) {
  std::vector<sdk::Drill> batch;
  for (int i = 0; i < 6; ++i) {
    sdk::Drill d = drill("2023-04-0" + std::to_string(i + 1));
    d.participants = 100 + i;
    if (i % 2 == 1) d.fields["flood.night"] = "1";
    batch.push_back(d);
  }
  store(batch);
  store(batch);  // a second batch: its reserved ids follow the first batch's
  std::vector<Poco::Int64> flagged;
  std::vector<int> participants;
  db_.session() << "SELECT f.drill_id, d.participants FROM drill_flags f JOIN drills d ON d.id = f.drill_id"
                   " WHERE f.flag = 'flood.night' AND f.drill_date = d.drill_date ORDER BY f.drill_id",
      into(flagged), into(participants), now;
  ASSERT_EQ(flagged.size(), 6u);
  EXPECT_EQ(participants, (std::vector<int>{101, 103, 105, 101, 103, 105}));
  EXPECT_EQ(rows("drills"), 12);
  // The flag's group and the plain group of the same (organisation, plan, type).
  EXPECT_EQ(rows("drill_groups"), 2);
}

TEST_F(DrillBatchTest, RefusedRowStoresNothingAndTheSessionGoesOn) {
  std::vector<sdk::Drill> batch = {drill("2023-05-01"), drill("2023-05-02"), drill("2023-05-03")};
  batch[2].org_id = village_ + 1000;  // no such organisation: the foreign key refuses it
  EXPECT_THROW(store(batch), Poco::Data::DataException);
  EXPECT_EQ(rows("drills"), 0);
  EXPECT_EQ(rows("drill_month_counts"), 0);
  EXPECT_EQ(rows("drill_org_month_counts"), 0);
  EXPECT_EQ(rows("drill_groups"), 0);
  batch.pop_back();
  store(batch);
  EXPECT_EQ(rows("drills"), 2);
  DrillFilter f;
  f.org_ids = {village_};
  EXPECT_EQ(DrillRepository(db_.session()).count(f), 2);
}

TEST_F(DrillBatchTest, UpsertsOverSeveralStatementsCountEveryDrill) {
  // More distinct months than one multi-row statement holds: the counts take two statements,
  // and a second batch over the same months adds to the first's rows.
  const int months = static_cast<int>(MultiRowInsert::kRowsPerStatement) + 200;
  std::vector<sdk::Drill> batch;
  for (int m = 0; m < months; ++m) batch.push_back(drill("1900-01-15"));
  for (int m = 0; m < months; ++m) batch[m].date = batch[m].date.addMonths(m);
  store(batch);
  store(batch);
  EXPECT_EQ(rows("drill_month_counts"), months);
  EXPECT_EQ(rows("drill_org_month_counts"), months);
  int total = 0, org_total = 0;
  db_.session() << "SELECT SUM(n) FROM drill_month_counts", into(total), now;
  db_.session() << "SELECT SUM(n) FROM drill_org_month_counts", into(org_total), now;
  EXPECT_EQ(total, 2 * months);
  EXPECT_EQ(org_total, 2 * months);
  DrillFilter f;
  f.org_ids = {village_};
  EXPECT_EQ(DrillRepository(db_.session()).count(f), 2 * months);
}

}  // namespace
}  // namespace beacon::store
