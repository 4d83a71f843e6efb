// Time never stops the checks: with a holiday calendar that ends in 2025, a
// plan issued 2025-12-20 (its 20-working-day filing deadline falls in 2026)
// is checked and summarised with a provisional deadline, one warning, and no
// failure; `beacon calendar import` adds 2026 without a rebuild, validated,
// and the mark goes away; `beacon calendar show` lists the covered years.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include "support/cli_runner.h"
#include "support/test_database.h"

namespace beacon::app {
namespace {

using testing::CliRun;

constexpr const char* kProvisional = "暂按周末推算，待公布节假日安排后更新";

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class CalendarCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::File(dir_.path()).createDirectories();
    database_ = std::make_unique<testing::TestDatabase>(dir_.path() + "/beacon.db");
    db_ = database_->uri();
    write(
        "cal2025.csv",
        "#years,2025-2025\ndate,kind,name\n2025-10-01,holiday,国庆节\n2025-10-11,workday,国庆节\n");
    write("beacon.properties", "calendar.holidays_file = " + dir_.path() + "/cal2025.csv\n");
    ASSERT_EQ(beacon({"init"}).code, 0);
    ASSERT_EQ(beacon({"org", "add", "--code", "xinmi", "--name", "新密市", "--kind", "city"}).code,
              0);
    CliRun plan = beacon({"plan", "add", "--code", "XM-FX", "--title", "新密市防汛应急预案",
                          "--domain", "flood", "--category", "special", "--owner", "xinmi",
                          "--issued", "2025-12-20", "--text", "正文"});
    ASSERT_EQ(plan.code, 0) << plan.err;
  }

  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_.path() + "/" + name) << text;
  }

  CliRun beacon(const std::vector<std::string>& args) {
    return testing::runBeacon(
        {"--config", dir_.path() + "/beacon.properties", "--db", db_, "--user", "tester"}, args);
  }

  Poco::TemporaryFile dir_;
  std::unique_ptr<testing::TestDatabase> database_;
  std::string db_;
};

TEST_F(CalendarCommandTest, AMissingYearGivesProvisionalDeadlinesAndOneWarningNeverAFailure) {
  CliRun text = beacon({"check", "--as-of", "2025-12-31"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find(kProvisional), std::string::npos) << text.out;
  // 2025-12-20 is a Saturday: 20 weekdays later, with no 2026 holidays known, is 2026-01-16.
  EXPECT_NE(text.out.find("2026-01-16"), std::string::npos) << text.out;
  EXPECT_EQ(occurrences(text.err, "节假日数据"), 1u) << text.err;
  EXPECT_NE(text.err.find("2025-12-31"), std::string::npos) << text.err;

  CliRun json = testing::runBeacon(
      {"--config", dir_.path() + "/beacon.properties", "--db", db_, "--lang", "en"},
      {"check", "--as-of", "2025-12-31", "--format", "json"});
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_NE(json.out.find("provisional: weekends only until the holiday schedule is published"),
            std::string::npos);
  EXPECT_EQ(occurrences(json.err, "warning: the holiday calendar"), 1u) << json.err;

  CliRun zh_json = beacon({"check", "--as-of", "2025-12-31", "--format", "json"});
  ASSERT_EQ(zh_json.code, 0) << zh_json.err;
  EXPECT_NE(zh_json.out.find(kProvisional), std::string::npos) << zh_json.out;

  for (const char* format : {"text", "markdown", "html", "json"}) {
    CliRun summary =
        beacon({"summary", "--kind", "plan-status", "--as-of", "2026-02-28", "--format", format});
    ASSERT_EQ(summary.code, 0) << format << ": " << summary.err;
    EXPECT_NE(summary.out.find(kProvisional), std::string::npos) << format << "\n" << summary.out;
  }
}

TEST_F(CalendarCommandTest, ImportAddsAYearValidatedAndTheMarkGoesAway) {
  CliRun shown = beacon({"calendar", "show"});
  ASSERT_EQ(shown.code, 0) << shown.err;
  EXPECT_NE(shown.out.find("2025\t节假日 1 天\t调休上班 1 天"), std::string::npos) << shown.out;
  EXPECT_EQ(shown.out.find("2026\t"), std::string::npos);

  write("bad.csv",
        "#years,2026-2026\ndate,kind,name\n2026-01-01,holiday,元旦\n2026-13-01,holiday,x\n");
  CliRun bad = beacon({"calendar", "import", dir_.path() + "/bad.csv"});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("line 4"), std::string::npos) << bad.err;
  write("outside.csv", "#years,2026-2026\ndate,kind,name\n2027-01-01,holiday,元旦\n");
  CliRun outside = beacon({"calendar", "import", dir_.path() + "/outside.csv"});
  EXPECT_EQ(outside.code, 1);
  EXPECT_NE(outside.err.find("outside the declared"), std::string::npos) << outside.err;
  EXPECT_NE(outside.err.find("line 3"), std::string::npos) << "the refusal names the line: " << outside.err;
  write("overlap.csv", "#years,2025-2026\ndate,kind,name\n2026-01-01,holiday,元旦\n");
  CliRun overlap = beacon({"calendar", "import", dir_.path() + "/overlap.csv"});
  EXPECT_EQ(overlap.code, 1);
  EXPECT_NE(overlap.err.find("2025"), std::string::npos) << overlap.err;
  EXPECT_EQ(beacon({"calendar", "show"}).out, shown.out) << "nothing was written";

  write("2026.csv",
        "#years,2026-2026\ndate,kind,name\n2026-01-01,holiday,元旦\n2026-01-02,holiday,元旦\n"
        "2026-01-04,workday,元旦\n");
  CliRun imported = beacon({"calendar", "import", dir_.path() + "/2026.csv"});
  ASSERT_EQ(imported.code, 0) << imported.err;
  EXPECT_NE(imported.out.find("2026"), std::string::npos);
  EXPECT_EQ(beacon({"calendar", "import", dir_.path() + "/2026.csv"}).code, 1)
      << "a year is imported once";
  EXPECT_NE(beacon({"calendar", "show"}).out.find("2026\t节假日 2 天\t调休上班 1 天"),
            std::string::npos);

  CliRun text = beacon({"check", "--as-of", "2025-12-31"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_EQ(text.out.find(kProvisional), std::string::npos) << text.out;
  // With 2026-01-01/02 off and Sunday 2026-01-04 worked, the 20th working day is 2026-01-19.
  EXPECT_NE(text.out.find("2026-01-19"), std::string::npos) << text.out;
  CliRun audit = beacon({"audit", "--entity", "holiday_calendar"});
  EXPECT_NE(audit.out.find("import"), std::string::npos) << audit.out;
}

TEST_F(CalendarCommandTest, CheckWarnsOnceOnlyWhenTheCalendarEndsWithinNinetyDays) {
  write("later.csv", "#years,2026-2030\ndate,kind,name\n2026-01-01,holiday,元旦\n2027-01-01,holiday,元旦\n"
                     "2028-01-01,holiday,元旦\n2029-01-01,holiday,元旦\n2030-01-01,holiday,元旦\n");
  CliRun imported = beacon({"calendar", "import", dir_.path() + "/later.csv"});
  ASSERT_EQ(imported.code, 0) << imported.err;
  // The data now ends 2030-12-31: far from 2029-06-01, within 90 days of 2030-11-01.
  CliRun far = beacon({"check", "--as-of", "2029-06-01"});
  ASSERT_EQ(far.code, 0) << far.err;
  EXPECT_EQ(occurrences(far.err, "节假日数据"), 0u) << far.err;
  CliRun near = beacon({"check", "--as-of", "2030-11-01"});
  ASSERT_EQ(near.code, 0) << near.err;
  EXPECT_EQ(occurrences(near.err, "节假日数据"), 1u) << near.err;
  EXPECT_NE(near.err.find("2030-12-31"), std::string::npos) << near.err;
}

}  // namespace
}  // namespace beacon::app
