#include "rules/holiday_calendar.h"
#include "rules/provisional_deadline.h"

#include <gtest/gtest.h>
#include "build_paths.h"

namespace beacon::rules {
namespace {

sdk::Date d(const char* text) { return *sdk::Date::parse(text); }

HolidayCalendar shipped() {
  auto cal = HolidayCalendar::load(std::string(BEACON_SOURCE_DIR) + "/data/holidays/cn.csv");
  EXPECT_TRUE(cal.isOk()) << cal.status().describe();
  return cal.value();
}

TEST(HolidayCalendarTest, ShippedFileCoversTheDeclaredYears) {
  const auto cal = shipped();
  EXPECT_EQ(cal.firstYear(), 2023);
  EXPECT_EQ(cal.lastYear(), 2026);
  EXPECT_EQ(cal.nameOf(d("2025-01-28")), "春节");
}

struct WorkingDayCase {
  const char* day;
  bool working;
};

TEST(HolidayCalendarTest, HolidaysMakeUpDaysAndWeekends) {
  const auto cal = shipped();
  const WorkingDayCase cases[] = {
      {"2023-01-23", false},  // 春节
      {"2023-01-28", true},   // Saturday make-up day
      {"2023-01-29", true},   // Sunday make-up day
      {"2023-04-05", false},  // 清明 on a Wednesday
      {"2023-10-07", true},   // National Day make-up Saturday
      {"2024-02-09", true},   // 除夕 2024 was not a public holiday
      {"2024-02-18", true},
      {"2024-06-10", false},  // 端午
      {"2025-01-26", true},
      {"2025-02-04", false},  // 2025: eight-day Spring Festival
      {"2025-05-05", false},
      {"2025-10-08", false},
      {"2025-10-11", true},
      {"2026-01-04", true},
      {"2026-02-23", false},  // 2026: nine-day Spring Festival
      {"2026-02-28", true},
      {"2025-03-01", false},  // ordinary Saturday
      {"2025-03-03", true},   // ordinary Monday
  };
  for (const auto& c : cases) {
    auto r = cal.isWorkingDay(d(c.day));
    ASSERT_TRUE(r.isOk()) << c.day;
    EXPECT_EQ(r.value(), c.working) << c.day;
  }
}

struct AddCase {
  const char* from;
  int n;
  const char* expected;
};

TEST(HolidayCalendarTest, AddWorkingDaysAcrossSpringFestivalAndNationalDay) {
  const auto cal = shipped();
  const AddCase cases[] = {
      {"2023-01-20", 1, "2023-01-28"},   // over 春节 2023 to the make-up Saturday
      {"2023-01-10", 20, "2023-02-10"},  // 20 working days across 春节 2023
      {"2024-02-08", 1, "2024-02-09"},
      {"2024-02-08", 2, "2024-02-18"},   // make-up Sunday after 春节 2024
      {"2024-02-01", 20, "2024-03-05"},
      {"2025-01-24", 1, "2025-01-26"},
      {"2025-01-27", 1, "2025-02-05"},
      {"2025-01-20", 20, "2025-02-21"},  // across the 2025 eight-day 春节
      {"2023-09-28", 1, "2023-10-07"},   // 中秋国庆 2023
      {"2023-09-20", 20, "2023-10-24"},
      {"2024-09-27", 3, "2024-10-08"},
      {"2025-09-20", 20, "2025-10-23"},
      {"2026-02-10", 20, "2026-03-16"},
      {"2024-06-01", 20, "2024-07-01"},
      {"2024-06-03", 0, "2024-06-03"},
  };
  for (const auto& c : cases) {
    auto r = cal.addWorkingDays(d(c.from), c.n);
    ASSERT_TRUE(r.isOk()) << c.from << ": " << r.status().describe();
    EXPECT_EQ(r.value().toString(), c.expected) << c.from << " + " << c.n;
  }
}

// A year without data never fails: weekends only, and the deadline is provisional.
TEST(HolidayCalendarTest, AYearWithoutDataCountsWeekendsOnlyAndIsProvisional) {
  const auto cal = shipped();
  EXPECT_FALSE(coversYear(cal, 2027));
  auto monday = cal.isWorkingDay(d("2027-01-04"));
  ASSERT_TRUE(monday.isOk()) << monday.status().describe();
  EXPECT_TRUE(monday.value());
  auto saturday = cal.isWorkingDay(d("2027-01-02"));
  ASSERT_TRUE(saturday.isOk());
  EXPECT_FALSE(saturday.value());
  // 2026-12-20 is a Sunday; 20 weekdays later (no 2027 holidays known) is 2027-01-15.
  auto crossing = cal.addWorkingDays(d("2026-12-20"), 20);
  ASSERT_TRUE(crossing.isOk()) << crossing.status().describe();
  EXPECT_EQ(crossing.value().toString(), "2027-01-15");
  EXPECT_TRUE(isProvisionalBetween(cal, d("2026-12-20"), crossing.value()));
  EXPECT_FALSE(isProvisionalBetween(cal, d("2026-11-02"), d("2026-11-30")));
  EXPECT_TRUE(cal.isWorkingDay(d("2022-12-30")).isOk());
}

TEST(HolidayCalendarTest, OperatorCanAddAYearWithoutRebuilding) {
  auto cal = HolidayCalendar::parse(
      "#years,2026-2027\ndate,kind,name\n2027-01-01,holiday,元旦\n2027-01-02,holiday,元旦\n", "test");
  ASSERT_TRUE(cal.isOk()) << cal.status().describe();
  auto r = cal.value().addWorkingDays(d("2026-12-31"), 1);
  ASSERT_TRUE(r.isOk());
  EXPECT_EQ(r.value().toString(), "2027-01-04");
}

struct BadFile {
  const char* text;
  const char* expected;  // in the message
};

TEST(HolidayCalendarTest, BadLinesAreRejectedNamingTheLine) {
  const BadFile cases[] = {
      {"date,kind,name\n2023-01-02,holiday,x\n", "#years"},
      {"#years,2023-2023\ndate,kind,name\n2023-01-02,vacation,x\n", "line 3"},
      {"#years,2023-2023\ndate,kind,name\n2023-02-30,holiday,x\n", "YYYY-MM-DD"},
      {"#years,2023-2023\ndate,kind,name\n2023-01-04,workday,x\n", "not a Saturday or Sunday"},
      {"#years,2023-2023\ndate,kind,name\n2023-01-02,holiday,x\n2023-01-02,holiday,y\n", "twice"},
      {"#years,2023-2023\ndate,kind,name\n2024-01-01,holiday,x\n", "outside the declared"},
      {"#years,2023\ndate,kind,name\n", "#years,FIRST-LAST"},
  };
  for (const auto& c : cases) {
    auto cal = HolidayCalendar::parse(c.text, "bad.csv");
    ASSERT_FALSE(cal.isOk()) << c.text;
    EXPECT_EQ(cal.status().field(), "calendar.holidays_file");
    EXPECT_NE(cal.status().message().find(c.expected), std::string::npos) << cal.status().message();
  }
  EXPECT_FALSE(HolidayCalendar::load("/nonexistent/cn.csv").isOk());
}

}  // namespace
}  // namespace beacon::rules
