// Paging through DrillRepository::list: pages by offset (narrowed to whole months by the monthly
// counts when deep) and by key (after/before) are exactly the slices of the full list, with
// voided drills listed or left out, by organisation, domain and type, in both orders; and the
// count of each such filter (from the monthly counts and the voided drills) is the number of
// drills it lists.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "store/database.h"
#include "store/drill_key.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "store/record_json.h"
#include "store/record_voids.h"
#include "store/transaction.h"
#include "support/test_database.h"

namespace beacon::store {
namespace {

class DrillPagingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.migrate();
    OrganisationRepository orgs(db_.session());
    sdk::Organisation city;
    city.code = "xinmi";
    city.name = "新密市";
    city.kind = sdk::OrgKind::City;
    orgs.add(city, actor_);
    for (int v = 0; v < 3; ++v) {
      sdk::Organisation village;
      village.code = "v" + std::to_string(v);
      village.name = "村" + std::to_string(v);
      village.kind = sdk::OrgKind::Village;
      village.parent_id = city.id;
      orgs.add(village, actor_);
      villages_.push_back(village.id);
    }
    // 700 drills over 15 months, several a day (the id orders a day's drills), in file order
    // that is not date order; every 41st is voided.
    std::vector<sdk::Drill> batch;
    for (int i = 0; i < 700; ++i) {
      sdk::Drill d;
      d.domain = i % 4 == 0 ? "fire" : "flood";
      d.drill_type = d.domain + (i % 3 == 0 ? ".evacuation" : ".comprehensive");
      d.org_id = villages_[static_cast<std::size_t>(i % 3)];
      d.date = sdk::Date{2022, 11, 1}.addDays((i * 37) % 450);
      batch.push_back(d);
    }
    DrillRepository drills(db_.session());
    {
      Transaction tx(db_.session());
      drills.addBatch(batch);
      tx.commit();
    }
    DrillFilter all;
    all.include_voided = true;
    RecordVoids voids(db_.session());
    Transaction tx(db_.session());
    for (const auto& d : drills.list(all)) {
      if (d.id % 41 == 0) voids.markVoided(RecordKind::Drill, d.id, toJson(d), actor_, "重复录入");
    }
    tx.commit();
  }

  static std::vector<sdk::RecordId> ids(const std::vector<sdk::Drill>& drills) {
    std::vector<sdk::RecordId> out;
    for (const auto& d : drills) out.push_back(d.id);
    return out;
  }

  // The filters the list pages and the API page through.
  std::vector<DrillFilter> filters() const {
    std::vector<DrillFilter> out;
    for (bool voided : {true, false}) {
      for (bool newest : {true, false}) {
        DrillFilter f;
        f.include_voided = voided;
        f.newest_first = newest;
        out.push_back(f);
        f.org_ids = {villages_[0], villages_[2]};
        out.push_back(f);
        f.domain = "flood";
        out.push_back(f);
        f.org_ids.clear();
        f.drill_type = "flood.comprehensive";
        out.push_back(f);
      }
    }
    return out;
  }

  testing::TestDatabase test_db_;
  Database db_{test_db_.uri()};
  Actor actor_{"tester"};
  std::vector<sdk::RecordId> villages_;
};

TEST_F(DrillPagingTest, OffsetPagesAreSlicesOfTheWholeList) {
  DrillRepository drills(db_.session());
  for (const DrillFilter& filter : filters()) {
    const auto whole = ids(drills.list(filter));  // no limit: one statement, no month window
    ASSERT_GT(whole.size(), 100u);
    for (int offset : {0, 1, 49, 50, 51, 137, 300, 420, static_cast<int>(whole.size()) - 1,
                       static_cast<int>(whole.size()), 5000}) {
      DrillFilter page = filter;
      page.limit = 50;
      page.offset = offset;
      const std::size_t from = std::min(whole.size(), static_cast<std::size_t>(offset));
      const std::vector<sdk::RecordId> expected(whole.begin() + static_cast<long>(from),
                                                whole.begin() + static_cast<long>(std::min(whole.size(), from + 50)));
      EXPECT_EQ(ids(drills.list(page)), expected) << "offset " << offset << ", domain " << filter.domain
                                                  << ", orgs " << filter.org_ids.size() << ", voided "
                                                  << filter.include_voided << ", newest " << filter.newest_first;
    }
  }
}

TEST_F(DrillPagingTest, KeyedPagesWalkTheWholeListBothWays) {
  DrillRepository drills(db_.session());
  for (const DrillFilter& filter : filters()) {
    const auto whole = ids(drills.list(filter));
    // Forwards: after the last drill of each page.
    std::vector<std::vector<sdk::Drill>> pages;
    DrillFilter page = filter;
    page.limit = 50;
    for (;;) {
      auto rows = drills.list(page);
      if (rows.empty()) break;
      page.after = DrillKey{rows.back().date, rows.back().id};
      pages.push_back(std::move(rows));
    }
    std::vector<sdk::RecordId> walked;
    for (const auto& p : pages) {
      const auto part = ids(p);
      walked.insert(walked.end(), part.begin(), part.end());
    }
    EXPECT_EQ(walked, whole) << "domain " << filter.domain << ", newest " << filter.newest_first;
    // Backwards: before the first drill of each page gives the page before it.
    for (std::size_t i = 1; i < pages.size(); ++i) {
      DrillFilter back = filter;
      back.limit = 50;
      back.before = DrillKey{pages[i].front().date, pages[i].front().id};
      EXPECT_EQ(ids(drills.list(back)), ids(pages[i - 1])) << "page " << i;
    }
  }
}

TEST_F(DrillPagingTest, CountsAreTheNumberOfDrillsListed) {
  DrillRepository drills(db_.session());
  std::vector<DrillFilter> more = filters();
  for (bool voided : {true, false}) {
    DrillFilter f;
    f.include_voided = voided;
    f.drill_type = "fire.evacuation";  // a type alone, city-wide
    more.push_back(f);
    f.domain = "fire";
    more.push_back(f);
    f.drill_type.clear();
    more.push_back(f);
    f.org_ids = {villages_[1]};
    more.push_back(f);
    f.from = sdk::Date{2023, 3, 1};  // a date range: counted over the drills themselves
    more.push_back(f);
    f.org_ids.clear();
    f.to = sdk::Date{2023, 8, 15};
    more.push_back(f);
  }
  for (const DrillFilter& filter : more) {
    DrillFilter paged = filter;
    paged.limit = 10;  // count ignores the page
    paged.offset = 20;
    EXPECT_EQ(drills.count(paged), static_cast<int>(drills.list(filter).size()))
        << "domain " << filter.domain << ", type " << filter.drill_type << ", orgs "
        << filter.org_ids.size() << ", voided " << filter.include_voided << ", from "
        << filter.from.toString();
  }
}

TEST(DrillKeyTest, WritesAndReadsDateAndId) {
  const DrillKey key{sdk::Date{2023, 6, 1}, 125};
  EXPECT_EQ(key.toString(), "2023-06-01_125");
  auto back = DrillKey::parse("2023-06-01_125");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->date, key.date);
  EXPECT_EQ(back->id, 125);
  for (const char* bad : {"", "2023-06-01", "2023-06-01_", "2023-06-01_0", "2023-6-1_12", "2023-06-01_1x",
                          "2023-06-01_-5", "2023-13-01_5", "2023-06-01 5", "2023-06-01_1234567890123456789"}) {
    EXPECT_FALSE(DrillKey::parse(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace beacon::store
