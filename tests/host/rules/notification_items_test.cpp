// Notification items: due soon from the due date less the window, overdue from the day after the
// due date, met late from the record's day; only those after the last look; newest first.
#include <gtest/gtest.h>

#include <memory>

#include "rules/notification_items.h"
#include "rules/result_chunk.h"

namespace beacon::rules {
namespace {

ObligationResult result(sdk::ObligationStatus status, sdk::Date due, sdk::Date met = {}) {
  ObligationResult r;
  r.obligation.rule_id = "core.test";
  r.obligation.title_zh = "测试";
  r.obligation.org_id = 7;
  r.obligation.due = due;
  if (met.isSet()) {
    r.obligation.last_met.kind = "drill";
    r.obligation.last_met.id = 1;
    r.obligation.last_met.date = met;
  }
  r.status = status;
  return r;
}

class NotificationItemsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<ObligationResult> rows = {
        result(sdk::ObligationStatus::DueSoon, {2026, 12, 20}),                 // crossed 11-20
        result(sdk::ObligationStatus::Overdue, {2026, 11, 30}),                 // crossed 12-01
        result(sdk::ObligationStatus::MetLate, {2026, 10, 1}, {2026, 11, 25}),  // 11-25
        result(sdk::ObligationStatus::Met, {2026, 10, 1}, {2026, 9, 1}),
        result(sdk::ObligationStatus::Upcoming, {2027, 6, 1}),
    };
    std::vector<ObligationChunk> chunks;
    chunks.push_back(std::make_shared<const ResultChunk>(rows));
    set_ = ObligationSet(std::move(chunks));
  }
  ObligationSet set_;
  const sdk::Date as_of_{2026, 12, 3};
};

TEST_F(NotificationItemsTest, EveryListedItemNewestCrossingFirst) {
  const auto items = notificationsSince(set_, {}, as_of_, 30);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].crossed, (sdk::Date{2026, 12, 1}));
  EXPECT_EQ(items[0].row.status(), sdk::ObligationStatus::Overdue);
  EXPECT_EQ(items[1].crossed, (sdk::Date{2026, 11, 25}));
  EXPECT_EQ(items[1].row.status(), sdk::ObligationStatus::MetLate);
  EXPECT_EQ(items[2].crossed, (sdk::Date{2026, 11, 20}));
  EXPECT_EQ(items[2].row.status(), sdk::ObligationStatus::DueSoon);
  EXPECT_EQ(notificationCountSince(set_, {}, as_of_, 30), 3u);
}

TEST_F(NotificationItemsTest, OnlyWhatCrossedAfterTheLastLook) {
  EXPECT_EQ(notificationCountSince(set_, {2026, 11, 24}, as_of_, 30), 2u);
  EXPECT_EQ(notificationCountSince(set_, {2026, 11, 30}, as_of_, 30), 1u);
  EXPECT_EQ(notificationCountSince(set_, {2026, 12, 1}, as_of_, 30), 0u);
  EXPECT_EQ(notificationCountSince(set_, as_of_, as_of_, 30), 0u);
}

TEST_F(NotificationItemsTest, AnEarlyWarningCountsFromTheDayItShows) {
  // Due soon with a 10-day window would cross on 12-10, after the as-of day: it shows today.
  const auto items = notificationsSince(set_, {2026, 12, 1}, as_of_, 10);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].crossed, as_of_);
}

}  // namespace
}  // namespace beacon::rules
