// tallyDrillPlanExecution reads only the drills of organisations with a plan
// and counts the others' drills from the monthly counts (issue #13 target 1:
// the dashboard's 年度演练计划 card read every drill of the year on every
// request). Its results must be those of the old path, which read every drill
// of the year as records: compared here on the demo city and on a generated
// city (plans made late, voided drills, partial months, scopes, a domain).
#include <random>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <gtest/gtest.h>

#include "demo/xinmi_demo.h"
#include "service/drill_plan_matcher.h"
#include "store/drill_plan_repository.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "store/transaction.h"
#include "summary/drill_plan_execution.h"
#include "support/canonical_registry.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::summary {
namespace {

// The old path, as it was before the counts: every drill of the year in scope read as a record.
DrillPlanExecution tallyByReadingEveryDrill(Poco::Data::Session& session, int year,
                                            const sdk::Date& as_of,
                                            const std::set<sdk::RecordId>* orgs,
                                            const std::string& domain) {
  DrillPlanExecution out;
  out.year = year;
  out.as_of = as_of;
  const auto inScope = [&](sdk::RecordId id) { return !orgs || orgs->count(id) != 0; };
  store::DrillFilter filter;
  filter.from = sdk::Date{year, 1, 1};
  filter.to = std::min(sdk::Date{year, 12, 31}, as_of);
  filter.domain = domain;
  filter.newest_first = false;
  std::unordered_map<sdk::RecordId, std::vector<sdk::Drill>> drills_of;
  if (!(filter.to < filter.from)) {
    for (auto& d : store::DrillRepository(session).list(filter))
      if (inScope(d.org_id)) drills_of[d.org_id].push_back(std::move(d));
  }
  std::map<std::pair<sdk::RecordId, std::string>, PlanActualRow> rows;
  const auto row = [&](sdk::RecordId org_id, const std::string& row_domain) -> PlanActualRow& {
    PlanActualRow& r = rows[{org_id, row_domain}];
    r.org_id = org_id;
    r.domain = row_domain;
    return r;
  };
  std::unordered_map<sdk::RecordId, sdk::RecordId> plan_of;
  std::unordered_set<sdk::RecordId> matched;
  for (const auto& plan : store::DrillPlanRepository(session).list({}, year)) {
    if (!inScope(plan.org_id) || as_of < plan.made_on) continue;
    plan_of[plan.org_id] = plan.id;
    static const std::vector<sdk::Drill> kNone;
    const auto held = drills_of.find(plan.org_id);
    const auto progress =
        service::matchDrillPlan(plan, held == drills_of.end() ? kNone : held->second, as_of);
    for (const auto& m : progress.items) {
      if (!domain.empty() && m.item.domain != domain) continue;
      PlanActualCounts& c = row(plan.org_id, m.item.domain).counts;
      ++c.planned;
      if (m.drill_id != 0) {
        matched.insert(m.drill_id);
        ++(m.drill_date.month <= m.item.month ? c.on_time : c.late);
      } else {
        ++(m.overdue ? c.missing : c.pending);
      }
    }
  }
  for (const auto& [org_id, held] : drills_of) {
    for (const auto& d : held)
      if (!matched.count(d.id)) ++row(org_id, d.domain).counts.unplanned;
  }
  for (auto& [key, r] : rows) {
    const auto plan = plan_of.find(r.org_id);
    r.drill_plan_id = plan == plan_of.end() ? 0 : plan->second;
    out.total.add(r.counts);
    out.rows.push_back(std::move(r));
  }
  return out;
}

std::string describe(const PlanActualCounts& c) {
  return std::to_string(c.planned) + "/" + std::to_string(c.on_time) + "/" + std::to_string(c.late) +
         "/" + std::to_string(c.missing) + "/" + std::to_string(c.pending) + "/" +
         std::to_string(c.unplanned);
}

std::vector<std::string> describe(const DrillPlanExecution& e) {
  std::vector<std::string> out{"total " + describe(e.total)};
  for (const auto& r : e.rows) {
    out.push_back(std::to_string(r.org_id) + " " + r.domain + " plan " +
                  std::to_string(r.drill_plan_id) + " " + describe(r.counts));
  }
  return out;
}

class DrillPlanExecutionReadsTest : public ::testing::Test {
 protected:
  void expectSameAsOldPath(int year, const char* as_of, const std::set<sdk::RecordId>* orgs,
                           const std::string& domain) {
    const sdk::Date day = *sdk::Date::parse(as_of);
    const auto now = tallyDrillPlanExecution(db_.session(), year, day, orgs, domain);
    const auto old = tallyByReadingEveryDrill(db_.session(), year, day, orgs, domain);
    EXPECT_EQ(describe(now), describe(old))
        << "year " << year << " as of " << as_of << ", domain \"" << domain << "\", "
        << (orgs ? std::to_string(orgs->size()) + " organisations" : "every organisation");
  }
  // Every case the pages and summaries ask for: the whole city, one township's subtree, none;
  // every domain or one; whole and partial months; before the year and after it.
  void expectSameAsOldPathEverywhere(int year, const std::set<sdk::RecordId>& township,
                                     const std::string& domain) {
    const std::set<sdk::RecordId> none;
    for (const char* as_of : {"2022-12-31", "2023-01-01", "2023-03-15", "2023-06-30", "2023-09-07",
                              "2023-12-31", "2024-02-10"}) {
      for (const std::string& d : {std::string(), domain}) {
        expectSameAsOldPath(year, as_of, nullptr, d);
        expectSameAsOldPath(year, as_of, &township, d);
        expectSameAsOldPath(year, as_of, &none, d);
      }
    }
  }
  std::set<sdk::RecordId> subtreeOf(const std::string& code) {
    store::OrganisationRepository orgs(db_.session());
    return orgs.subtree(orgs.findByCode(code)->id);
  }

  testing::TestDatabase test_db_;  // SQLite :memory:, or a PostgreSQL schema (BEACON_TEST_DB_URI)
  store::Database db_{test_db_.uri()};
  store::Actor actor_{"test"};
};

TEST_F(DrillPlanExecutionReadsTest, DemoCityGivesTheOldPathsFigures) {
  plugins::PluginRegistry registry;
  testing::fillCanonicalRegistry(registry);
  db_.migrate();
  ASSERT_TRUE(demo::loadDemo(db_, registry, "xinmi-2023", actor_).isOk());
  int plans = 0;
  db_.session() << "SELECT COUNT(*) FROM drill_plans WHERE year = 2023", into(plans), now;
  ASSERT_GT(plans, 0);  // the card has plans to match, not only drills to count
  std::string township;
  db_.session() << "SELECT code FROM organisations WHERE kind = 'township' ORDER BY code LIMIT 1",
      into(township), now;
  expectSameAsOldPathEverywhere(2023, subtreeOf(township), "flood");
}

TEST_F(DrillPlanExecutionReadsTest, GeneratedCityGivesTheOldPathsFigures) {
  db_.migrate();
  store::OrganisationRepository orgs(db_.session());
  auto org = [&](const std::string& code, sdk::OrgKind kind, sdk::RecordId parent) {
    sdk::Organisation o;
    o.code = code;
    o.name = code;
    o.kind = kind;
    o.parent_id = parent;
    return orgs.add(o, actor_);
  };
  std::vector<sdk::RecordId> units;
  const sdk::RecordId city = org("gen", sdk::OrgKind::City, 0);
  for (int t = 0; t < 3; ++t) {
    const std::string town = "gen.t" + std::to_string(t);
    const sdk::RecordId town_id = org(town, sdk::OrgKind::Township, city);
    units.push_back(town_id);
    for (int v = 0; v < 10; ++v)
      units.push_back(org(town + ".v" + std::to_string(v), sdk::OrgKind::Village, town_id));
  }
  for (int e = 0; e < 5; ++e) units.push_back(org("gen.e" + std::to_string(e), sdk::OrgKind::Enterprise, city));

  const std::vector<std::string> types = {"flood.evacuation", "flood.rescue", "fire.evacuation"};
  std::mt19937 random(13);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  // Half the units plan; some plans are made late in the year (after several as-of days).
  store::DrillPlanRepository plans(db_.session());
  for (std::size_t i = 0; i < units.size(); i += 2) {
    store::DrillPlan p;
    p.org_id = units[i];
    p.year = 2023;
    p.made_on = sdk::Date{2023, i % 6 == 0 ? 8 : 1, 5};
    for (int k = 0, n = 1 + pick(4); k < n; ++k) {
      store::DrillPlanItem item;
      item.drill_type = types[pick(3)];
      item.domain = item.drill_type.substr(0, item.drill_type.find('.'));
      item.month = 1 + pick(12);
      p.items.push_back(item);
    }
    plans.add(p, actor_);
  }
  std::vector<sdk::Drill> drills;
  for (int i = 0; i < 3000; ++i) {
    sdk::Drill d;
    d.drill_type = types[pick(3)];
    d.domain = d.drill_type.substr(0, d.drill_type.find('.'));
    d.org_id = units[pick(static_cast<int>(units.size()))];
    d.date = sdk::Date{2022 + pick(3), 1 + pick(12), 1 + pick(28)};
    if (d.domain == "flood") d.fields["hazard"] = "flash_flood";
    drills.push_back(d);
  }
  {
    store::Transaction tx(db_.session());
    store::DrillRepository(db_.session()).addBatch(drills);
    tx.commit();
  }
  // Voided drills (作废) count nowhere; the triggers take them out of the monthly counts.
  db_.session() << "UPDATE drills SET voided_at = '2023-10-01T00:00:00Z' WHERE id % 11 = 0", now;
  expectSameAsOldPathEverywhere(2023, subtreeOf("gen.t1"), "fire");
}

}  // namespace
}  // namespace beacon::summary
