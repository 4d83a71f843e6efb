#include <filesystem>

#include <Poco/Data/Statement.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include "rules/compliance_engine.h"
#include "rules/core_rules.h"
#include "store/data_version.h"
#include "store/filing_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "build_paths.h"

using namespace Poco::Data::Keywords;

namespace beacon::rules {
namespace {

sdk::Date d(const char* text) { return *sdk::Date::parse(text); }

// The engine reuses its last results only while nothing was written: by its
// own connection (sqlite3_total_changes64) or by another (PRAGMA data_version).
class ComplianceEngineCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = Poco::TemporaryFile::tempName() + ".db";
    db_ = std::make_unique<store::Database>(path_);
    db_->migrate();
    other_ = std::make_unique<store::Database>(path_);
    auto cal = HolidayCalendar::load(std::string(BEACON_SOURCE_DIR) + "/data/holidays/cn.csv");
    ASSERT_TRUE(cal.isOk());
    calendar_ = cal.value();
    sdk::Organisation city;
    city.code = "xinmi";
    city.name = "新密市人民政府";
    city.kind = sdk::OrgKind::City;
    city_ = store::OrganisationRepository(db_->session()).add(city, actor_);
    plan_ = addPlan(*db_, "p1");
  }
  void TearDown() override {
    other_.reset();
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  sdk::RecordId addPlan(store::Database& db, const char* code) {
    sdk::Plan p;
    p.code = code;
    p.title = code;
    p.domain = sdk::kGeneralDomain;
    p.category = sdk::category::kSpecial;
    p.owner_org_id = city_;
    store::PlanRepository repo(db.session());
    const auto id = repo.add(p, actor_);
    sdk::PlanVersion v;
    v.plan_id = id;
    v.issued = d("2023-03-01");
    v.text = "正文";
    versions_[id] = repo.addVersion(v, actor_);
    return id;
  }
  void file(store::Database& db, sdk::RecordId plan) {
    sdk::Filing f;
    f.plan_id = plan;
    f.plan_version_id = versions_[plan];
    f.target_body = "郑州市人民政府";
    f.submitted = d("2023-03-10");
    store::FilingRepository(db.session()).add(f, actor_);
  }
  static const ObligationResult* find(const std::vector<ObligationResult>& results, const char* rule,
                                      sdk::RecordId plan) {
    for (const auto& r : results)
      if (r.obligation.rule_id == rule && r.obligation.plan_id == plan) return &r;
    return nullptr;
  }
  std::vector<ObligationResult> check(ComplianceEngine& engine, const char* as_of) {
    CheckQuery q;
    q.as_of = d(as_of);
    auto r = engine.check(q);
    EXPECT_TRUE(r.isOk()) << r.status().describe();
    return r.isOk() ? r.value() : std::vector<ObligationResult>();
  }

  std::string path_;
  std::unique_ptr<store::Database> db_, other_;
  store::Actor actor_{"test"};
  plugins::PluginRegistry registry_;
  HolidayCalendar calendar_;
  const RulesConfig config_;
  sdk::RecordId city_ = 0, plan_ = 0;
  std::map<sdk::RecordId, sdk::RecordId> versions_;
};

TEST_F(ComplianceEngineCacheTest, DataVersionMovesOnOwnAndOtherConnectionsWrites) {
  const auto v0 = store::currentDataVersion(db_->session());
  ASSERT_TRUE(v0.has_value());
  EXPECT_EQ(store::currentDataVersion(db_->session()), v0);  // reading changes nothing
  int n = 0;
  db_->session() << "SELECT COUNT(*) FROM plans", into(n), now;
  EXPECT_EQ(store::currentDataVersion(db_->session()), v0);
  file(*db_, plan_);
  const auto v1 = store::currentDataVersion(db_->session());
  EXPECT_NE(v1, v0);
  file(*other_, plan_);
  EXPECT_NE(store::currentDataVersion(db_->session()), v1);
}

TEST_F(ComplianceEngineCacheTest, ReusesResultsOnlyWhileNothingIsWritten) {
  ComplianceEngine engine(*db_, registry_, config_, calendar_);
  const auto first = check(engine, "2023-12-31");
  const auto* filing = find(first, CoreRules::kFiling, plan_);
  ASSERT_NE(filing, nullptr);
  EXPECT_EQ(filing->status, sdk::ObligationStatus::Overdue);
  const auto again = check(engine, "2023-12-31");
  ASSERT_EQ(again.size(), first.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(again[i].obligation.rule_id, first[i].obligation.rule_id);
    EXPECT_EQ(again[i].obligation.plan_id, first[i].obligation.plan_id);
    EXPECT_EQ(again[i].status, first[i].status);
  }

  // A write through the engine's own connection is seen at once.
  file(*db_, plan_);
  auto now_filed = check(engine, "2023-12-31");
  ASSERT_NE(find(now_filed, CoreRules::kFiling, plan_), nullptr);
  EXPECT_EQ(find(now_filed, CoreRules::kFiling, plan_)->status, sdk::ObligationStatus::Met);

  // A plan added by another connection (another web worker) is seen too.
  const auto second = addPlan(*other_, "p2");
  auto with_second = check(engine, "2023-12-31");
  ASSERT_NE(find(with_second, CoreRules::kFiling, second), nullptr);
  EXPECT_EQ(find(with_second, CoreRules::kFiling, second)->status, sdk::ObligationStatus::Overdue);

  // Another date or scope is never answered from the last check.
  auto earlier = check(engine, "2023-03-02");
  ASSERT_NE(find(earlier, CoreRules::kFiling, plan_), nullptr);
  EXPECT_EQ(find(earlier, CoreRules::kFiling, plan_)->status, sdk::ObligationStatus::DueSoon);
  CheckQuery other_scope;
  other_scope.as_of = d("2023-12-31");
  other_scope.org_ids = {city_ + 1000};
  auto none = engine.check(other_scope);
  ASSERT_TRUE(none.isOk());
  EXPECT_TRUE(none.value().empty());
}

}  // namespace
}  // namespace beacon::rules
