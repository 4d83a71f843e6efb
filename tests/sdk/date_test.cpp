#include "beacon/sdk/date.h"

#include <gtest/gtest.h>

namespace beacon::sdk {
namespace {

TEST(DateTest, ParsesStrictIsoDates) {
  auto d = Date::parse("2024-02-29");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->toString(), "2024-02-29");
  EXPECT_FALSE(Date::parse("2023-02-29").has_value());
  EXPECT_FALSE(Date::parse("2023-2-1").has_value());
  EXPECT_FALSE(Date::parse("2023-13-01").has_value());
  EXPECT_FALSE(Date::parse("abcd-ef-gh").has_value());
}

TEST(DateTest, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(Date({2023, 8, 31}).addMonths(6).toString(), "2024-02-29");
  EXPECT_EQ(Date({2023, 8, 31}).addMonths(18).toString(), "2025-02-28");
  EXPECT_EQ(Date({2023, 1, 15}).addMonths(36).toString(), "2026-01-15");
  EXPECT_EQ(Date({2023, 1, 15}).addMonths(-1).toString(), "2022-12-15");
}

TEST(DateTest, DayArithmeticAndWeekday) {
  EXPECT_EQ(Date({2023, 12, 31}).addDays(1).toString(), "2024-01-01");
  EXPECT_EQ(daysBetween({2024, 2, 28}, {2024, 3, 1}), 2);
  EXPECT_EQ(Date({2023, 10, 7}).dayOfWeek(), 6);  // a Saturday (a 2023 make-up working day)
  EXPECT_EQ(Date({1970, 1, 1}).dayOfWeek(), 4);
  EXPECT_EQ(Date::fromDays(Date({2026, 11, 27}).toDays()).toString(), "2026-11-27");
}

}  // namespace
}  // namespace beacon::sdk
