// The engine's incremental refresh (rule_changes feed, readers limited to the
// changed organisations) must give exactly what a fresh engine's full
// evaluation gives, after every kind of write the rules read. Runs the four
// real plugins over the xinmi-2023 demo city, on SQLite or on the PostgreSQL schema
// BEACON_TEST_DB_URI names (support/test_database.h).
#include <filesystem>
#include <atomic>
#include <chrono>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

#include <Poco/Data/Statement.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Util/MapConfiguration.h>
#include <gtest/gtest.h>

#include "app/app_context.h"
#include "demo/xinmi_demo.h"
#include "rules/compliance_engine.h"
#include "rules/store_record_reader.h"
#include "store/drill_repository.h"
#include "store/filing_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/review_repository.h"
#include "store/transaction.h"
#include "build_paths.h"
#include "support/obligation_text.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::rules {
namespace {

sdk::Date d(const char* text) { return *sdk::Date::parse(text); }

using testing::describeAll;

class IncrementalEngineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = Poco::TemporaryFile::tempName();
    Poco::File(dir_).createDirectories();
    database_ = std::make_unique<testing::TestDatabase>(Poco::Path(dir_).append("engine.db").toString());
    path_ = database_->uri();
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    config->setString("beacon.database", path_);
    config->setString("beacon.plugins", BEACON_DEFAULT_PLUGIN_DIR);
    auto opened = app::AppContext::open(*config, true);
    ASSERT_TRUE(opened.isOk()) << opened.status().describe();
    app_ = opened.value().release();
    ASSERT_EQ(app_->plugins().enabled().size(), 4u);
    ASSERT_TRUE(
        demo::loadDemo(app_->db(), app_->plugins(), "xinmi-2023", store::Actor{"test"}).isOk());
  }
  static void TearDownTestSuite() {
    delete app_;
    app_ = nullptr;
    database_.reset();
    std::filesystem::remove_all(dir_);
  }

  void SetUp() override {
    engine_ = std::make_unique<ComplianceEngine>(app_->db(), app_->plugins(), app_->rulesConfig(),
                                                 app_->calendar());
    ASSERT_TRUE(engine_->check(query_).isOk());
    ASSERT_EQ(engine_->lastRefresh(), CheckRefresh::Full);
  }

  // The kept engine's answer after a write, next to a fresh engine's full evaluation.
  void expectSameAsFresh(CheckRefresh expected, const char* what) {
    auto kept = engine_->check(query_);
    ASSERT_TRUE(kept.isOk()) << kept.status().describe();
    EXPECT_EQ(engine_->lastRefresh(), expected) << what;
    ComplianceEngine fresh(app_->db(), app_->plugins(), app_->rulesConfig(), app_->calendar());
    auto full = fresh.check(query_);
    ASSERT_TRUE(full.isOk()) << full.status().describe();
    ASSERT_FALSE(full.value().empty());
    const auto a = describeAll(kept.value());
    const auto b = describeAll(full.value());
    ASSERT_EQ(a.size(), b.size()) << what;
    for (std::size_t i = 0; i < a.size(); ++i) ASSERT_EQ(a[i], b[i]) << what << " at " << i;
  }

  static sdk::Organisation org(const char* code) {
    auto o = store::OrganisationRepository(app_->db().session()).findByCode(code);
    EXPECT_TRUE(o.has_value()) << code;
    return o.value_or(sdk::Organisation{});
  }
  static sdk::Drill drillOf(const char* org_code, const char* type, const char* date) {
    sdk::Drill drill;
    drill.drill_type = type;
    drill.domain = drill.drill_type.substr(0, drill.drill_type.find('.'));
    drill.org_id = org(org_code).id;
    drill.date = d(date);
    return drill;
  }
  static sdk::Plan firstPlan(const std::string& domain, sdk::RecordId owner) {
    store::PlanFilter f;
    f.domain = domain;
    for (const auto& p : store::PlanRepository(app_->db().session()).list(f)) {
      if (owner == 0 || p.owner_org_id == owner) return p;
    }
    ADD_FAILURE() << "no " << domain << " plan of " << owner;
    return {};
  }
  int count(const std::string& status) {
    auto results = engine_->check(query_);
    int n = 0;
    for (const auto& r : results.value()) n += sdk::toId(r.status) == status;
    return n;
  }

  static inline std::string dir_;
  static inline std::unique_ptr<testing::TestDatabase> database_;
  static inline std::string path_;
  static inline app::AppContext* app_ = nullptr;
  const store::Actor actor_{"test"};
  CheckQuery query_{d("2023-12-31"), {}, ""};
  std::unique_ptr<ComplianceEngine> engine_;
};

TEST_F(IncrementalEngineTest, NothingWrittenReusesTheResults) {
  ASSERT_TRUE(engine_->check(query_).isOk());
  EXPECT_EQ(engine_->lastRefresh(), CheckRefresh::Reused);
}

TEST_F(IncrementalEngineTest, DrillsLoggedOneByOneAndInABatch) {
  sdk::Drill drill = drillOf("xinmi.chengguan.04", "flood.evacuation", "2023-04-20");
  drill.fields["hazard"] = "flash_flood";
  store::DrillRepository(app_->db().session()).add(drill, actor_);
  expectSameAsFresh(CheckRefresh::Incremental, "one flood drill");

  std::vector<sdk::Drill> batch;
  for (const char* code : {"xinmi.chengguan.05", "xinmi.micun.05"}) {
    batch.push_back(drillOf(code, "fire.evacuation", "2023-11-09"));
  }
  store::DrillRepository(app_->db().session()).addBatch(batch);
  expectSameAsFresh(CheckRefresh::Incremental, "a batch of fire drills");
}

TEST_F(IncrementalEngineTest, EnterpriseDrillReportedToTheCountyAndItsPlan) {
  const sdk::Plan plan = firstPlan("enterprise_safety", 0);
  sdk::Drill drill;
  drill.domain = "enterprise_safety";
  drill.drill_type = "enterprise_safety.special";
  drill.org_id = plan.owner_org_id;
  drill.plan_id = plan.id;
  drill.date = d("2023-12-01");
  drill.fields["reported_to_county"] = "1";
  drill.fields["reported_date"] = "2023-12-05";
  const auto id = store::DrillRepository(app_->db().session()).add(drill, actor_);
  expectSameAsFresh(CheckRefresh::Incremental, "a reported enterprise drill");

  app_->db().session()
      << "UPDATE drills SET drill_date = '2023-02-01', fields = '{}' WHERE id = $1",
      bind(static_cast<Poco::Int64>(id)), now;
  expectSameAsFresh(CheckRefresh::Incremental, "its date and report changed");
  app_->db().session() << "DELETE FROM drills WHERE id = $1", bind(static_cast<Poco::Int64>(id)),
      now;
  expectSameAsFresh(CheckRefresh::Incremental, "it deleted");
}

TEST_F(IncrementalEngineTest, ReviewsFilingsVersionsAndRevisionFlags) {
  const sdk::Plan plan = firstPlan("flood", org("xinmi").id);
  sdk::Review review;
  review.plan_id = plan.id;
  review.kind = sdk::ReviewKind::Evaluation;
  review.date = d("2023-10-10");
  review.reviewers = "专家组";
  review.conclusion = sdk::ReviewConclusion::Keep;
  store::ReviewRepository(app_->db().session()).add(review, actor_);
  expectSameAsFresh(CheckRefresh::Incremental, "an evaluation");

  store::PlanRepository plans(app_->db().session());
  sdk::PlanVersion v;
  v.plan_id = plan.id;
  v.action = sdk::VersionAction::Revised;
  v.major = true;
  v.issued = d("2023-11-01");
  v.text = "修订稿";
  plans.addVersion(v, actor_);
  expectSameAsFresh(CheckRefresh::Incremental, "a major revision");

  sdk::Filing filing;
  filing.plan_id = plan.id;
  filing.target_body = "郑州市应急管理局";
  filing.submitted = d("2023-11-20");
  store::FilingRepository(app_->db().session()).add(filing, actor_);
  expectSameAsFresh(CheckRefresh::Incremental, "a filing");

  plans.setRevisionRequired(plan.id, true, "演练发现问题", actor_);
  expectSameAsFresh(CheckRefresh::Incremental, "revision required");
}

TEST_F(IncrementalEngineTest, OrganisationAttributesAndAParentsNameReachTheirObligations) {
  auto village = org("xinmi.micun.05");
  village.attributes["flood.flash_flood_zone"] = "1";
  store::OrganisationRepository(app_->db().session()).update(village, actor_);
  expectSameAsFresh(CheckRefresh::Incremental, "a village made a flash-flood zone");

  auto town = org("xinmi.chengguan");
  town.name = "城关镇人民政府(更名)";
  store::OrganisationRepository(app_->db().session()).update(town, actor_);
  expectSameAsFresh(CheckRefresh::Incremental,
                    "a township renamed (its villages' filing notes name it)");
}

// checkOrganisations answers from the kept check while the DataVersion is unchanged (on
// PostgreSQL: no node committed a write), and a write through another connection, as another
// node's, ends that at once.
TEST_F(IncrementalEngineTest, AKeptCheckAnswersUntilAnotherConnectionWrites) {
  const std::vector<sdk::RecordId> ids{org("xinmi.micun.05").id};
  ASSERT_TRUE(engine_->checkOrganisations(ids, query_.as_of).isOk());
  EXPECT_EQ(engine_->lastRefresh(), CheckRefresh::Reused)
      << "nothing was written: the kept check answers, nothing is evaluated again";
  store::Database other(path_);
  sdk::Drill drill = drillOf("xinmi.micun.05", "fire.evacuation", "2023-12-29");
  store::DrillRepository(other.session()).add(drill, actor_);
  expectSameAsFresh(CheckRefresh::Incremental, "a drill logged by another node");
}

// Inside one write transaction each write is seen by the next check, the second as the first
// (on PostgreSQL the committed-write count moves at a transaction's first write only).
TEST_F(IncrementalEngineTest, EachWriteOfAnOpenTransactionIsSeen) {
  store::Transaction tx(app_->db().session());
  sdk::Drill fire = drillOf("xinmi.micun.05", "fire.evacuation", "2023-12-28");
  store::DrillRepository(app_->db().session()).add(fire, actor_);
  expectSameAsFresh(CheckRefresh::Incremental, "the transaction's first write");
  sdk::Drill flood = drillOf("xinmi.chengguan.04", "flood.evacuation", "2023-05-15");
  flood.fields["hazard"] = "flash_flood";
  store::DrillRepository(app_->db().session()).add(flood, actor_);
  expectSameAsFresh(CheckRefresh::Incremental, "the transaction's second write");
  tx.commit();
}

TEST_F(IncrementalEngineTest, AWriteThroughAnotherConnectionIsSeen) {
  store::Database other(path_);
  const int overdue_before = count("overdue");
  sdk::Drill drill = drillOf("xinmi.micun.05", "fire.evacuation", "2023-12-30");
  store::DrillRepository(other.session()).add(drill, actor_);
  expectSameAsFresh(CheckRefresh::Incremental, "a drill logged by another process");
  EXPECT_LE(count("overdue"), overdue_before);
}

// Two writers committing out of order: the first takes feed positions, the
// second commits rows with positions below those after the engine has read
// past them (as when a sequence is allocated outside the write lock). The
// engine must still see the second writer's change.
TEST_F(IncrementalEngineTest, AFeedRowCommittedLateBelowAReadPositionIsStillSeen) {
  if (database_->postgres()) {
    GTEST_SKIP() << "places feed positions by hand after MAX(seq), which PostgreSQL's identity "
                    "sequence does not follow (the gap it leaves would stay in the suite's feed)";
  }
  store::Database first(path_);
  store::Database second(path_);
  Poco::Int64 newest = 0;
  first.session() << "SELECT COALESCE(MAX(seq), 0) FROM rule_changes", into(newest), now;
  // The first writer's row skips one position, which the second writer will fill.
  first.session() << "INSERT INTO rule_changes(seq, org_id) VALUES($1, $2)", bind(newest + 2),
      bind(static_cast<Poco::Int64>(org("xinmi").id)), now;
  ASSERT_TRUE(engine_->check(query_).isOk());
  const auto before = describeAll(engine_->check(query_).value());

  {
    store::Transaction tx(second.session());
    // On the 2023 season start: the newest on-time drill (one after the season belongs to 2024).
    sdk::Drill drill = drillOf("xinmi.chengguan.04", "flood.evacuation", "2023-05-15");
    drill.fields["hazard"] = "flash_flood";
    store::DrillRepository(second.session()).add(drill, actor_);
    Poco::Int64 added = 0;
    second.session() << "SELECT COUNT(*) FROM rule_changes WHERE seq > $1", bind(newest + 2), into(added), now;
    ASSERT_EQ(added, 1);  // a drill naming no plan: its organisation's row
    // Its row takes the position below the one the engine has read.
    second.session() << "UPDATE rule_changes SET seq = $1 WHERE seq > $2", bind(newest + 1), bind(newest + 2), now;
    tx.commit();
  }
  expectSameAsFresh(CheckRefresh::Incremental, "a drill whose feed row was committed late");
  EXPECT_NE(describeAll(engine_->check(query_).value()), before) << "the drill changes an obligation";
  ASSERT_TRUE(engine_->check(query_).isOk());
}

// Two writers at once, on both backends: the second begins while the first holds its open write,
// the engine reads the feed in between, then both commit. Each writer's feed position is taken
// under the write lock (SQLite's BEGIN IMMEDIATE; PostgreSQL's advisory writer lock), so the
// second cannot commit a position above the first's while the first is still open, and the engine
// reading past the second's position never skips the first's. Without the lock the second commits
// first, the engine moves past it, and the first's change is never seen (this test then fails).
TEST_F(IncrementalEngineTest, AWriteCommittedWhileAnotherWriterWaitsIsSeenWithIt) {
  store::Database first(path_);
  store::Database second(path_);
  store::Transaction open(first.session());
  sdk::Drill flood = drillOf("xinmi.chengguan.04", "flood.evacuation", "2023-05-15");
  flood.fields["hazard"] = "flash_flood";
  store::DrillRepository(first.session()).add(flood, actor_);

  std::atomic<bool> second_committed{false};
  std::thread writer([&] {
    store::Transaction tx(second.session());
    sdk::Drill fire = drillOf("xinmi.micun.05", "fire.evacuation", "2023-12-29");
    store::DrillRepository(second.session()).add(fire, actor_);
    tx.commit();
    second_committed = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  // The engine reads the feed while the first write is open (and, were there no lock, after the
  // second's commit).
  ASSERT_TRUE(engine_->check(query_).isOk());
  EXPECT_FALSE(second_committed) << "the second writer committed while the first held its write";
  open.commit();
  writer.join();
  expectSameAsFresh(CheckRefresh::Incremental, "two writers, the second waiting behind the first");
}

TEST_F(IncrementalEngineTest, APrunedFeedOrManyChangesEvaluateEverything) {
  sdk::Drill drill = drillOf("xinmi.chengguan.05", "fire.evacuation", "2023-06-01");
  store::DrillRepository(app_->db().session()).add(drill, actor_);
  store::DrillRepository(app_->db().session()).add(drill, actor_);
  // Drop the older of the two new rows, as pruning would: the engine's position is gone.
  app_->db().session()
      << "DELETE FROM rule_changes WHERE seq < (SELECT MAX(seq) FROM rule_changes)",
      now;
  expectSameAsFresh(CheckRefresh::Full, "a pruned feed");

  app_->db().session() << "UPDATE organisation_attributes SET value = value", now;
  app_->db().session() << "INSERT INTO rule_changes(org_id) SELECT id FROM organisations", now;
  expectSameAsFresh(CheckRefresh::Full, "every organisation changed");
}

TEST_F(IncrementalEngineTest, AWriteTheRulesDoNotReadChangesNothing) {
  app_->db().session() << "UPDATE users SET display_name = display_name", now;
  app_->db().session() << "INSERT INTO drill_month_counts(month, domain, drill_type, n) "
                          "VALUES('1999-01', 'x', 'y', 0)",
      now;
  ASSERT_TRUE(engine_->check(query_).isOk());
  EXPECT_EQ(engine_->lastRefresh(), CheckRefresh::Reused);
}

// The host's one-seek-per-group answer equals the SDK's default, which folds every drill.
TEST_F(IncrementalEngineTest, StoreLatestDrillsMatchTheDefaultFold) {
  auto key = [](const sdk::LatestDrill& g) {
    return std::to_string(g.org_id) + "/" + std::to_string(g.plan_id) + "/" + g.drill_type + "/" +
           std::to_string(g.drill.id) + "@" + g.drill.date.toString();
  };
  for (const std::string domain : {"flood", "fire", "forest_fire", "enterprise_safety", ""}) {
    StoreRecordReader reader(app_->db(), domain, true);
    for (const auto& [from, to] :
         std::vector<std::pair<sdk::Date, sdk::Date>>{{d("2023-01-01"), d("2023-12-31")},
                                                      {d("2023-05-10"), d("2023-07-01")},
                                                      {sdk::Date{}, sdk::Date{}}}) {
      for (const std::string flag : {"", "reported_to_county"}) {
        std::vector<std::string> fast, folded;
        for (const auto& g : reader.latestDrills(from, to, flag)) fast.push_back(key(g));
        for (const auto& g : reader.sdk::RecordReader::latestDrills(from, to, flag))
          folded.push_back(key(g));
        std::sort(fast.begin(), fast.end());
        std::sort(folded.begin(), folded.end());
        EXPECT_EQ(fast, folded) << domain << " " << from.toString() << ".." << to.toString() << " "
                                << flag;
        if (flag.empty() && domain != "forest_fire") {
          EXPECT_FALSE(fast.empty()) << domain;
        }
      }
    }
  }
}

// checkOrganisations (the drill record sheet's check) gives for the organisations asked exactly
// what the whole city's check gives for them, in the same order: one organisation of each kind
// and a few more, alone and together, on a date no engine keeps and on the kept one.
TEST_F(IncrementalEngineTest, CheckOrganisationsGivesTheFullCheckForThoseOrganisations) {
  std::vector<sdk::RecordId> picked;
  std::set<sdk::OrgKind> kinds;
  const auto all = store::OrganisationRepository(app_->db().session()).list();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (kinds.insert(all[i].kind).second || i % 97 == 0) picked.push_back(all[i].id);
  }
  ASSERT_GE(kinds.size(), 4u);
  std::vector<std::vector<sdk::RecordId>> asks;
  for (const auto id : picked) asks.push_back({id});
  asks.push_back(picked);
  for (const char* day : {"2023-07-15", "2023-12-31"}) {
    ComplianceEngine full(app_->db(), app_->plugins(), app_->rulesConfig(), app_->calendar());
    for (const auto& ids : asks) {
      ComplianceEngine scoped(app_->db(), app_->plugins(), app_->rulesConfig(), app_->calendar());
      auto mine = scoped.checkOrganisations(ids, d(day));
      ASSERT_TRUE(mine.isOk()) << mine.status().describe();
      CheckQuery q{d(day), ids, ""};
      auto whole = full.check(q);
      ASSERT_TRUE(whole.isOk()) << whole.status().describe();
      const auto a = describeAll(mine.value());
      const auto b = describeAll(whole.value());
      ASSERT_EQ(a.size(), b.size())
          << day << ", " << ids.size() << " organisations from " << ids[0];
      for (std::size_t i = 0; i < a.size(); ++i) ASSERT_EQ(a[i], b[i]) << day << " at " << i;
      // The engine that keeps the date answers from it, the same.
      auto kept = full.checkOrganisations(ids, d(day));
      ASSERT_TRUE(kept.isOk());
      EXPECT_EQ(describeAll(kept.value()), b) << day;
    }
  }
}

// An engine told to evaluate only what is asked (the CLI's check and summary) answers a subtree's
// check, whole or of one domain, exactly as the whole city's check does, and keeps nothing: the
// next check of the city is a full evaluation, not a reuse.
TEST_F(IncrementalEngineTest, AOneOffCheckOfASubtreeEvaluatesOnlyItAndKeepsNothing) {
  const auto subtree =
      store::OrganisationRepository(app_->db().session()).subtree(org("xinmi.chengguan").id);
  const std::vector<sdk::RecordId> ids(subtree.begin(), subtree.end());
  ASSERT_GT(ids.size(), 2u);
  ComplianceEngine full(app_->db(), app_->plugins(), app_->rulesConfig(), app_->calendar());
  for (const char* domain : {"", "general", "flood", "fire", "forest_fire", "enterprise_safety"}) {
    ComplianceEngine once(app_->db(), app_->plugins(), app_->rulesConfig(), app_->calendar());
    once.evaluateOnlyWhatIsAsked();
    const CheckQuery q{d("2023-12-31"), ids, domain};
    auto mine = once.checkShared(q);
    ASSERT_TRUE(mine.isOk()) << mine.status().describe();
    auto whole = full.check(q);
    ASSERT_TRUE(whole.isOk()) << whole.status().describe();
    const auto a = describeAll(mine.value()->toVector());
    const auto b = describeAll(whole.value());
    if (*domain == '\0') {
      ASSERT_FALSE(b.empty());
    }
    ASSERT_EQ(a.size(), b.size()) << domain;
    for (std::size_t i = 0; i < a.size(); ++i) ASSERT_EQ(a[i], b[i]) << domain << " at " << i;
    ASSERT_TRUE(once.check(CheckQuery{d("2023-12-31"), {}, domain}).isOk());
    EXPECT_EQ(once.lastRefresh(), CheckRefresh::Full)
        << "the subtree's check kept no evaluation of the city to reuse";
  }
}

}  // namespace
}  // namespace beacon::rules
