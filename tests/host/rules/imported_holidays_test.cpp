// Imported calendar years (migration 16) on either backend (BEACON_TEST_DB_URI): whether the
// database has the tables is asked the dialect's way (the rules once read SQLite's sqlite_master,
// which PostgreSQL does not have, so `beacon --db postgresql://... init` failed here); a year is
// stored with its listed days and its audit entry, read back into the calendar, and imported once.
#include "rules/imported_holidays.h"

#include <gtest/gtest.h>

#include "store/audit_log.h"
#include "support/scratch_tree.h"
#include "support/test_database.h"

namespace beacon::rules {
namespace {

class ImportedHolidaysTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_.write("cal2025.csv",
                "#years,2025-2025\ndate,kind,name\n2025-10-01,holiday,国庆节\n"
                "2025-10-11,workday,国庆节\n");
    tree_.write("cal2026.csv",
                "#years,2026-2026\ndate,kind,name\n2026-10-01,holiday,国庆节\n"
                "2026-10-02,holiday,国庆节\n2026-10-10,workday,国庆节\n");
  }

  HolidayCalendar loaded() {
    auto cal = loadCalendarWithImports(db_->session(), tree_.dir("cal2025.csv"));
    EXPECT_TRUE(cal.isOk()) << cal.status().describe();
    return cal.isOk() ? cal.value() : HolidayCalendar();
  }

  beacon::testing::ScratchTree tree_{"imported_holidays"};
  beacon::testing::TestDatabase test_db_;
  std::unique_ptr<store::Database> db_ = test_db_.open();
  const store::Actor actor_{"admin"};
};

TEST_F(ImportedHolidaysTest, BeforeMigration16TheFileAloneAndNoImport) {
  db_->migrateTo(15);
  EXPECT_EQ(loaded().lastYear(), 2025);
  EXPECT_TRUE(importedYearSources(db_->session()).empty());
  const auto imported =
      importYears(db_->session(), loaded(), tree_.dir("cal2026.csv"), actor_);
  ASSERT_FALSE(imported.isOk());
  EXPECT_EQ(imported.status().field(), "beacon.database");
}

TEST_F(ImportedHolidaysTest, AnImportedYearExtendsTheCalendarOnce) {
  db_->migrate();
  EXPECT_TRUE(importedYearSources(db_->session()).empty());
  EXPECT_EQ(loaded().lastYear(), 2025);

  const auto imported = importYears(db_->session(), loaded(), tree_.dir("cal2026.csv"), actor_);
  ASSERT_TRUE(imported.isOk()) << imported.status().describe();
  EXPECT_EQ(imported.value(), std::vector<int>{2026});

  const HolidayCalendar cal = loaded();
  EXPECT_EQ(cal.firstYear(), 2025);
  EXPECT_EQ(cal.lastYear(), 2026);
  EXPECT_FALSE(cal.isWorkingDay({2026, 10, 2}).value());   // a weekday holiday
  EXPECT_TRUE(cal.isWorkingDay({2026, 10, 10}).value());   // a Saturday made a working day
  EXPECT_TRUE(cal.isWorkingDay({2026, 10, 12}).value());   // an ordinary Monday
  EXPECT_EQ(cal.nameOf({2026, 10, 1}), "国庆节");

  const auto sources = importedYearSources(db_->session());
  ASSERT_EQ(sources.size(), 1u);
  EXPECT_EQ(sources.begin()->first, 2026);
  EXPECT_EQ(sources.begin()->second.rfind(tree_.dir("cal2026.csv") + ", ", 0), 0u);
  EXPECT_NE(sources.begin()->second.find(", admin"), std::string::npos);
  const auto audit = store::AuditLog(db_->session()).list("holiday_calendar", 0, 10);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit.front().action, "import");

  const auto again = importYears(db_->session(), cal, tree_.dir("cal2026.csv"), actor_);
  EXPECT_FALSE(again.isOk());
  EXPECT_EQ(importedYearSources(db_->session()).size(), 1u);
}

}  // namespace
}  // namespace beacon::rules
