// PackedDate keeps every day it packs and orders them as the calendar does, so the kept rows'
// listed-due sort and due-date cuts are unchanged by packing.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "rules/obligation_row.h"
#include "rules/packed_date.h"

namespace beacon::rules {
namespace {

TEST(PackedDateTest, UnsetStaysUnset) {
  EXPECT_FALSE(PackedDate().isSet());
  EXPECT_FALSE(PackedDate(sdk::Date{}).isSet());
  EXPECT_EQ(PackedDate(sdk::Date{}).date(), sdk::Date{});
}

TEST(PackedDateTest, EveryDayRoundTripsAndSortsAsTheCalendar) {
  // Every day from 1900 to 2200, and the ends of the range the parser reads.
  std::vector<sdk::Date> days;
  for (long d = sdk::Date{1900, 1, 1}.toDays(); d <= sdk::Date{2200, 12, 31}.toDays(); ++d)
    days.push_back(sdk::Date::fromDays(d));
  days.push_back(sdk::Date{9999, 12, 31});
  days.insert(days.begin(), sdk::Date{1, 1, 1});
  for (std::size_t i = 0; i < days.size(); ++i) {
    const PackedDate p(days[i]);
    ASSERT_TRUE(p.isSet());
    ASSERT_EQ(p.date(), days[i]) << days[i].toString();
    if (i > 0) {
      const PackedDate before(days[i - 1]);
      ASSERT_TRUE(before < p) << days[i - 1].toString() << " " << days[i].toString();
      ASSERT_FALSE(p < before);
      ASSERT_NE(before, p);
    }
  }
  EXPECT_TRUE(PackedDate() < PackedDate(sdk::Date{1, 1, 1}));
}

TEST(PackedDateTest, AKeptRowIsOneCacheLine) {
  EXPECT_LE(sizeof(KeptRow), 64u);
  KeptRow row;
  row.due = PackedDate(sdk::Date{2023, 12, 31});
  row.met_due = PackedDate(sdk::Date{2024, 2, 29});
  RuleText rule;
  row.rule = &rule;
  std::string texts[1] = {""};
  const ObligationRow view(&row, texts);
  EXPECT_EQ(view.due(), (sdk::Date{2023, 12, 31}));
  EXPECT_EQ(view.metDue(), (sdk::Date{2024, 2, 29}));
  EXPECT_FALSE(view.lastMetDate().isSet());
}

}  // namespace
}  // namespace beacon::rules
