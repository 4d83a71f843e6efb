// The rule-scope contract (sdk::RuleScope) as a property: every plugin in the tree, plus a
// fixture domain whose rule reads a township's whole subtree, runs over the xinmi-2023 demo
// city under a random sequence of writes (drills of every domain logged, moved and deleted,
// reviews, filings, revisions, organisation attributes and an organisation moved to another
// township); after each write the kept engine's incremental answer must equal a fresh
// engine's full evaluation. Fixed seed, so a failure names a reproducible step. A second test
// runs the fixture rule declared too narrowly and shows the harness catches it. On SQLite, or
// on the PostgreSQL schema BEACON_TEST_DB_URI names (support/test_database.h).
#include <filesystem>
#include <memory>
#include <random>
#include <sstream>

#include <Poco/Data/Statement.h>
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Util/MapConfiguration.h>
#include <gtest/gtest.h>

#include "app/app_context.h"
#include "beacon/sdk/domain_rules.h"
#include "beacon/sdk/interval_rule.h"
#include "beacon/sdk/version.h"
#include "build_paths.h"
#include "demo/xinmi_demo.h"
#include "plugins/domain_services.h"
#include "plugins/plugin_loader.h"
#include "rules/compliance_engine.h"
#include "store/drill_repository.h"
#include "store/filing_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/review_repository.h"
#include "support/obligation_text.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::rules {
namespace {

sdk::Date d(const std::string& text) { return *sdk::Date::parse(text); }

// 乡镇(街道)年度演练（含下级村、社区）: a township or sub-district is met for the year by a drill
// of its own or of any organisation under it. Reads the subtree, so its true scope is Subtree.
class TownshipWatchRules : public sdk::DomainRules {
 public:
  explicit TownshipWatchRules(sdk::RuleScope declared) : declared_(declared) {}
  std::vector<sdk::RuleInfo> rules() const override { return {info()}; }
  sdk::Status evaluate(const sdk::RuleContext& ctx, std::vector<sdk::Obligation>& out) const override {
    std::map<sdk::RecordId, sdk::Organisation> orgs;
    for (auto& o : ctx.records.organisations()) orgs.emplace(o.id, o);
    const sdk::Date year_start = d(std::to_string(ctx.as_of.year) + "-01-01");
    std::map<sdk::RecordId, sdk::RecordRef> newest;  // township -> newest drill under it
    for (const auto& drill : ctx.records.drills(year_start, ctx.as_of)) {
      sdk::RecordId at = drill.org_id;
      for (std::size_t hops = 0; at != 0 && hops <= orgs.size(); ++hops) {
        auto it = orgs.find(at);
        if (it == orgs.end()) break;
        if (it->second.kind == sdk::OrgKind::Township || it->second.kind == sdk::OrgKind::SubDistrict) {
          sdk::RecordRef& ref = newest[at];
          if (!ref.isSet() || ref.date < drill.date || (ref.date == drill.date && ref.id < drill.id)) {
            ref = {"drill", drill.id, drill.date};
          }
        }
        at = it->second.parent_id;
      }
    }
    for (const auto& [id, org] : orgs) {
      if (org.kind != sdk::OrgKind::Township && org.kind != sdk::OrgKind::SubDistrict) continue;
      sdk::Obligation o = sdk::obligationFor(info(), "watch", sdk::ObligationKind::Drill, id, 0);
      o.due = d(std::to_string(ctx.as_of.year) + "-12-31");
      auto met = newest.find(id);
      if (met != newest.end()) {
        o.last_met = met->second;
        o.period_satisfied = true;
      }
      out.push_back(std::move(o));
    }
    return sdk::Status::ok();
  }

 private:
  sdk::RuleInfo info() const {
    return {"watch.township_subtree_drill", "乡镇（街道）年度演练（含下级村、社区）",
            "Township drilled this year, itself or any village under it", "测试用规则（非法规）",
            sdk::RuleBasis::Policy, "", declared_};
  }
  sdk::RuleScope declared_;
};

class TownshipWatchPlugin : public sdk::Plugin {
 public:
  explicit TownshipWatchPlugin(sdk::RuleScope declared) : rules_(declared) {}
  sdk::PluginInfo info() const override { return {"watch", "巡查", "Watch", "0.0.1", "watch"}; }
  sdk::Status initialize(sdk::HostServices&) override { return sdk::Status::ok(); }
  std::vector<sdk::DrillType> drillTypes() const override {
    sdk::DrillType t;
    t.id = "watch.drill";
    t.label_zh = "巡查演练";
    t.label_en = "Watch drill";
    return {t};
  }
  std::vector<sdk::PlanCategory> planCategories() const override { return {}; }
  std::vector<sdk::FieldSpec> drillFields() const override { return {}; }
  std::vector<sdk::FieldSpec> organisationFields() const override { return {}; }
  sdk::Status validateDrill(const sdk::Drill&) const override { return sdk::Status::ok(); }
  const sdk::DomainRules& rules() const override { return rules_; }

 private:
  TownshipWatchRules rules_;
};

class RuleScopePropertyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = Poco::TemporaryFile::tempName();
    Poco::File(dir_).createDirectories();
    database_ = std::make_unique<testing::TestDatabase>(Poco::Path(dir_).append("scope.db").toString());
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    config->setString("beacon.database", database_->uri());
    config->setString("beacon.plugins", BEACON_DEFAULT_PLUGIN_DIR);
    auto opened = app::AppContext::open(*config, true);
    ASSERT_TRUE(opened.isOk()) << opened.status().describe();
    app_ = opened.value().release();
    ASSERT_TRUE(demo::loadDemo(app_->db(), app_->plugins(), "xinmi-2023", store::Actor{"test"}).isOk());
  }
  static void TearDownTestSuite() {
    delete app_;
    app_ = nullptr;
    database_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Every plugin in the tree, loaded as the host loads them, and the fixture domain declared `watch`.
  void loadPlugins(sdk::RuleScope watch) {
    plugins::PluginLoader loader(
        registry_,
        [this](const std::string& id) -> sdk::HostServices& {
          readers_.push_back(std::make_unique<StoreRecordReader>(app_->db(), id));
          services_.push_back(std::make_unique<plugins::DomainServices>(
              id, Poco::Logger::get("beacon.plugin." + id), *readers_.back(), app_->calendar(),
              app_->rulesConfig()));
          return *services_.back();
        },
        Poco::Logger::get("beacon.plugins"));
    ASSERT_EQ(loader.loadDirectory(BEACON_DEFAULT_PLUGIN_DIR), 4);
    for (const auto* r : registry_.enabled()) {
      EXPECT_EQ(r->rule_scope, sdk::RuleScope::Organisation) << r->id << " declares its rules' scope";
    }
    plugins::PluginRecord record;
    auto* plugin = new TownshipWatchPlugin(watch);
    record.id = "watch";
    record.name_zh = "巡查";
    record.name_en = "Watch";
    record.sdk_version = sdk::kSdkVersion;
    record.state = plugins::PluginState::Enabled;
    record.plugin = plugin;
    record.drill_types = plugin->drillTypes();
    record.rule_scope = watch;
    registry_.add(std::move(record));
  }

  std::unique_ptr<ComplianceEngine> engine() const {
    return std::make_unique<ComplianceEngine>(app_->db(), registry_, app_->rulesConfig(), app_->calendar());
  }

  // The kept engine's answer next to a fresh engine's full evaluation: equal, or the first difference.
  ::testing::AssertionResult keptEqualsFresh(ComplianceEngine& kept, const std::string& step) const {
    auto incremental = kept.check(query_);
    if (!incremental.isOk()) return ::testing::AssertionFailure() << step << ": " << incremental.status().describe();
    if (kept.lastRefresh() != CheckRefresh::Incremental) {
      return ::testing::AssertionFailure() << step << ": not answered incrementally";
    }
    auto fresh_engine = engine();
    auto full = fresh_engine->check(query_);
    if (!full.isOk()) return ::testing::AssertionFailure() << step << ": " << full.status().describe();
    const auto a = testing::describeAll(incremental.value());
    const auto b = testing::describeAll(full.value());
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
      if (a[i] != b[i]) {
        return ::testing::AssertionFailure() << step << ": at " << i << "\n kept:  " << a[i] << "\n fresh: " << b[i];
      }
    }
    if (a.size() != b.size()) {
      return ::testing::AssertionFailure() << step << ": " << a.size() << " kept results, " << b.size() << " fresh";
    }
    return ::testing::AssertionSuccess();
  }

  // One random write the rules read; returns what it did.
  std::string randomWrite(std::mt19937& rng) {
    Poco::Data::Session& session = app_->db().session();
    const auto orgs = store::OrganisationRepository(session).list();
    const auto plans = store::PlanRepository(session).list(store::PlanFilter{});
    auto pick = [&rng](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    auto dayOf2023 = [&] {
      return sdk::Date::fromDays(d("2023-01-01").toDays() + static_cast<long>(pick(365)));
    };
    std::vector<const sdk::Organisation*> villages;
    std::vector<const sdk::Organisation*> townships;
    for (const auto& o : orgs) {
      if (o.kind == sdk::OrgKind::Village || o.kind == sdk::OrgKind::Community) villages.push_back(&o);
      if (o.kind == sdk::OrgKind::Township || o.kind == sdk::OrgKind::SubDistrict) townships.push_back(&o);
    }
    std::ostringstream what;
    const std::size_t kind = pick(100);
    if (kind < 30) {  // a drill of a real domain, sometimes naming one of the organisation's plans
      std::vector<const sdk::DrillType*> types;
      for (const auto* r : registry_.enabled()) {
        if (r->id == "watch") continue;
        for (const auto& t : r->drill_types) types.push_back(&t);
      }
      const sdk::DrillType& type = *types[pick(types.size())];
      const sdk::Organisation& org = orgs[pick(orgs.size())];
      sdk::Drill drill;
      drill.drill_type = type.id;
      drill.domain = type.id.substr(0, type.id.find('.'));
      drill.org_id = org.id;
      drill.date = dayOf2023();
      if (drill.domain == "flood") drill.fields["hazard"] = pick(2) ? "flash_flood" : "river";
      if (drill.domain == "enterprise_safety" && pick(2)) {
        drill.fields["reported_to_county"] = "1";
        drill.fields["reported_date"] = drill.date.toString();
      }
      for (const auto& p : plans) {
        if (p.owner_org_id == org.id && p.domain == drill.domain && pick(2)) {
          drill.plan_id = p.id;
          break;
        }
      }
      added_.push_back(static_cast<Poco::Int64>(store::DrillRepository(session).add(drill, actor_)));
      what << type.id << " drill of " << org.code << " on " << drill.date.toString();
    } else if (kind < 50) {  // the fixture domain: a village's drill meets its township
      const sdk::Organisation& org = *villages[pick(villages.size())];
      sdk::Drill drill;
      drill.drill_type = "watch.drill";
      drill.domain = "watch";
      drill.org_id = org.id;
      drill.date = dayOf2023();
      added_.push_back(static_cast<Poco::Int64>(store::DrillRepository(session).add(drill, actor_)));
      what << "watch drill of " << org.code << " on " << drill.date.toString();
    } else if (kind < 60 && !added_.empty()) {  // a drill this test logged moved to another day, or deleted
      const std::size_t at = pick(added_.size());
      const Poco::Int64 id = added_[at];
      if (pick(2)) {
        session << "UPDATE drills SET drill_date = $1 WHERE id = $2", bind(dayOf2023().toString()), bind(id), now;
        what << "drill " << id << " moved";
      } else {
        session << "DELETE FROM drills WHERE id = $1", bind(id), now;
        added_.erase(added_.begin() + static_cast<long>(at));
        what << "drill " << id << " deleted";
      }
    } else if (kind < 70) {  // (also when no drill of this test is left to move)
      const sdk::Plan& plan = plans[pick(plans.size())];
      sdk::Review review;
      review.plan_id = plan.id;
      review.kind = sdk::ReviewKind::Evaluation;
      review.date = dayOf2023();
      review.reviewers = "专家组";
      review.conclusion = pick(2) ? sdk::ReviewConclusion::Keep : sdk::ReviewConclusion::Revise;
      store::ReviewRepository(session).add(review, actor_);
      what << "evaluation of plan " << plan.code;
    } else if (kind < 78) {
      const sdk::Plan& plan = plans[pick(plans.size())];
      sdk::Filing filing;
      filing.plan_id = plan.id;
      filing.target_body = "新密市应急管理局";
      filing.submitted = dayOf2023();
      store::FilingRepository(session).add(filing, actor_);
      what << "filing of plan " << plan.code;
    } else if (kind < 86) {
      const sdk::Plan& plan = plans[pick(plans.size())];
      sdk::PlanVersion v;
      v.plan_id = plan.id;
      v.action = sdk::VersionAction::Revised;
      v.major = pick(2) == 0;
      v.issued = dayOf2023();
      v.text = "修订稿";
      store::PlanRepository(session).addVersion(v, actor_);
      what << "revision of plan " << plan.code;
    } else if (kind < 93) {
      sdk::Organisation village = *villages[pick(villages.size())];
      const bool zone = village.attributes["flood.flash_flood_zone"] != "1";
      village.attributes["flood.flash_flood_zone"] = zone ? "1" : "0";
      store::OrganisationRepository(session).update(village, actor_);
      what << village.code << " flash-flood zone " << zone;
    } else {  // a village moved to another township: both townships' subtrees change
      sdk::Organisation village = *villages[pick(villages.size())];
      const sdk::Organisation& to = *townships[pick(townships.size())];
      what << village.code << " moved from " << village.parent_id << " to " << to.code;
      village.parent_id = to.id;
      store::OrganisationRepository(session).update(village, actor_);
    }
    return what.str();
  }

  static inline std::string dir_;
  static inline std::unique_ptr<testing::TestDatabase> database_;
  static inline app::AppContext* app_ = nullptr;
  const store::Actor actor_{"test"};
  CheckQuery query_{d("2023-12-31"), {}, ""};
  plugins::PluginRegistry registry_;
  std::vector<std::unique_ptr<StoreRecordReader>> readers_;
  std::vector<std::unique_ptr<plugins::DomainServices>> services_;
  std::vector<Poco::Int64> added_;  // drills this test logged (demo drills have evaluations)
};

TEST_F(RuleScopePropertyTest, IncrementalResultsEqualAFullEvaluationAfterEveryRandomWrite) {
  loadPlugins(sdk::RuleScope::Subtree);
  auto kept = engine();
  ASSERT_TRUE(kept->check(query_).isOk());
  std::mt19937 rng(20231231);
  for (int step = 1; step <= 60; ++step) {
    const std::string what = randomWrite(rng);
    ASSERT_TRUE(keptEqualsFresh(*kept, "step " + std::to_string(step) + " (" + what + ")"));
  }
}

// The same harness with the fixture rule declared Organisation while it reads the subtree: a
// village's drill changes its township's result, the engine evaluates only the village again,
// and the harness reports the stale township.
TEST_F(RuleScopePropertyTest, ARuleDeclaredNarrowerThanItReadsIsCaught) {
  loadPlugins(sdk::RuleScope::Organisation);
  auto kept = engine();
  ASSERT_TRUE(kept->check(query_).isOk());
  // A township with no watch drill under it this year: overdue for the fixture rule until one comes.
  const auto orgs = store::OrganisationRepository(app_->db().session()).list();
  std::vector<Poco::Int64> with_drills;
  app_->db().session() << "SELECT DISTINCT org_id FROM drills WHERE domain = 'watch'", into(with_drills), now;
  const sdk::Organisation* village = nullptr;
  for (const auto& town : orgs) {
    if (town.kind != sdk::OrgKind::Township) continue;
    bool drilled = false;
    const sdk::Organisation* first = nullptr;
    for (const auto& o : orgs) {
      if (o.parent_id != town.id) continue;
      if (!first && o.kind == sdk::OrgKind::Village) first = &o;
      for (auto id : with_drills) drilled = drilled || id == static_cast<Poco::Int64>(o.id);
    }
    if (!drilled && first) {
      village = first;
      break;
    }
  }
  ASSERT_NE(village, nullptr);
  sdk::Drill drill;
  drill.drill_type = "watch.drill";
  drill.domain = "watch";
  drill.org_id = village->id;
  drill.date = d("2023-06-01");
  store::DrillRepository(app_->db().session()).add(drill, actor_);
  const ::testing::AssertionResult same = keptEqualsFresh(*kept, "a watch drill of " + village->code);
  EXPECT_FALSE(same) << "the harness must see the township the narrow declaration left stale";
  EXPECT_NE(std::string(same.message()).find("watch.township_subtree_drill"), std::string::npos) << same.message();
}

}  // namespace
}  // namespace beacon::rules
