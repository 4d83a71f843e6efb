#include "summary/drill_tally.h"

#include <random>

#include <Poco/Data/Statement.h>
#include <gtest/gtest.h>

#include "store/database.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "store/transaction.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::summary {
namespace {

class DrillTallyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.migrate();
    store::OrganisationRepository repo(db_.session());
    for (int i = 0; i < 4; ++i) {
      sdk::Organisation o;
      o.code = "O" + std::to_string(i);
      o.name = o.code;
      o.kind = sdk::OrgKind::Village;
      orgs_.push_back(repo.add(o, actor_));
    }
  }

  sdk::Drill make(const std::string& type, sdk::RecordId org, const std::string& date) {
    sdk::Drill d;
    d.drill_type = type;
    d.domain = type.substr(0, type.find('.'));
    d.org_id = org;
    d.date = *sdk::Date::parse(date);
    return d;
  }

  // Random drills over 2022-11-20 .. 2024-02-10 across types and organisations.
  std::vector<sdk::Drill> randomDrills(int n, unsigned seed) {
    const std::vector<std::string> types = {"flood.evacuation", "fire.evacuation", "fire.tabletop",
                                            "enterprise_safety.on_site"};
    std::mt19937 rng(seed);
    std::vector<sdk::Drill> out;
    const long start = sdk::Date{2022, 11, 20}.toDays();
    for (int i = 0; i < n; ++i) {
      sdk::Drill d = make(types[rng() % types.size()], orgs_[rng() % orgs_.size()], "2023-01-01");
      d.date = sdk::Date::fromDays(start + static_cast<long>(rng() % 448));
      out.push_back(d);
    }
    return out;
  }

  // The summary tables must equal a fresh GROUP BY over the drills in force, row for row.
  void expectTablesExact() {
    std::vector<std::string> a, b;
    db_.session() << "SELECT month || '|' || domain || '|' || drill_type || '|' || n FROM drill_month_counts"
                     " ORDER BY 1",
        into(a), now;
    db_.session()
        << "SELECT substr(drill_date, 1, 7) || '|' || domain || '|' || drill_type || '|' || "
           "COUNT(*)"
           " FROM drills WHERE voided_at = '' GROUP BY substr(drill_date, 1, 7), domain, drill_type"
           " ORDER BY 1",
        into(b), now;
    EXPECT_EQ(a, b);
    std::vector<std::string> c, d;
    db_.session() << "SELECT month || '|' || org_id || '|' || domain || '|' || n FROM drill_org_month_counts"
                     " ORDER BY 1",
        into(c), now;
    db_.session()
        << "SELECT substr(drill_date, 1, 7) || '|' || org_id || '|' || domain || '|' || COUNT(*)"
           " FROM drills WHERE voided_at = '' GROUP BY substr(drill_date, 1, 7), org_id, domain"
           " ORDER BY 1",
        into(d), now;
    EXPECT_EQ(c, d);
    EXPECT_FALSE(a.empty() && !b.empty());
    std::vector<std::string> e, f;
    db_.session()
        << "SELECT year || '|' || org_id || '|' || domain || '|' || n FROM drill_org_year_counts"
           " ORDER BY 1",
        into(e), now;
    db_.session()
        << "SELECT substr(drill_date, 1, 4) || '|' || org_id || '|' || domain || '|' || COUNT(*)"
           " FROM drills WHERE voided_at = '' GROUP BY substr(drill_date, 1, 4), org_id, domain"
           " ORDER BY 1",
        into(f), now;
    EXPECT_EQ(e, f) << "drill_org_year_counts";
  }

  // What DrillTally answers must equal direct queries over drills.
  void expectTallyMatchesDrills(const sdk::Date& from, const sdk::Date& to) {
    SCOPED_TRACE(from.toString() + " .. " + to.toString());
    DrillTally tally(db_.session());
    std::vector<std::string> types;
    std::vector<int> counts;
    db_.session()
        << "SELECT drill_type, COUNT(*) FROM drills WHERE drill_date >= $1 AND drill_date <= $2"
           " AND voided_at = '' GROUP BY 1",
        bind(from.toString()), bind(to.toString()), into(types), into(counts), now;
    std::map<std::string, int> by_type;
    for (std::size_t i = 0; i < types.size(); ++i) by_type[types[i]] = counts[i];
    EXPECT_EQ(tally.byType(from, to), by_type);

    std::vector<std::string> domains, months;
    db_.session()
        << "SELECT domain, substr(drill_date, 1, 7), COUNT(*) FROM drills"
           " WHERE drill_date >= $1 AND drill_date <= $2 AND org_id IN ($3, $4) AND voided_at = ''"
           " GROUP BY 1, 2",
        bind(from.toString()), bind(to.toString()), bind(static_cast<Poco::Int64>(orgs_[0])),
        bind(static_cast<Poco::Int64>(orgs_[2])), into(domains), into(months), into(counts), now;
    std::map<std::pair<std::string, std::string>, int> by_month;
    for (std::size_t i = 0; i < domains.size(); ++i) by_month[{domains[i], months[i]}] = counts[i];
    const std::set<sdk::RecordId> some{orgs_[0], orgs_[2]};
    EXPECT_EQ(tally.byDomainMonth(from, to, "", &some), by_month);

    db_.session()
        << "SELECT domain, substr(drill_date, 1, 7), COUNT(*) FROM drills"
           " WHERE drill_date >= $1 AND drill_date <= $2 AND domain = 'fire' AND voided_at = ''"
           " GROUP BY 1, 2",
        bind(from.toString()), bind(to.toString()), into(domains), into(months), into(counts), now;
    by_month.clear();
    for (std::size_t i = 0; i < domains.size(); ++i) by_month[{domains[i], months[i]}] = counts[i];
    EXPECT_EQ(tally.byDomainMonth(from, to, "fire", nullptr), by_month);

    std::vector<Poco::Int64> ids;
    db_.session()
        << "SELECT DISTINCT org_id, domain FROM drills WHERE drill_date >= $1 AND drill_date <= $2"
           " AND voided_at = ''",
        bind(from.toString()), bind(to.toString()), into(ids), into(domains), now;
    std::map<sdk::RecordId, std::set<std::string>> by_org;
    for (std::size_t i = 0; i < ids.size(); ++i) by_org[ids[i]].insert(domains[i]);
    EXPECT_EQ(tally.domainsByOrg(from, to), by_org);

    for (const std::string domain : {"", "fire"}) {
      std::vector<Poco::Int64> org_ids;
      std::vector<std::string> org_domains;
      std::vector<int> n;
      Poco::Data::Statement st(db_.session());
      st << "SELECT org_id, domain, COUNT(*) FROM drills WHERE drill_date >= $1 AND drill_date <= "
            "$2"
            " AND voided_at = ''" +
                std::string(domain.empty() ? "" : " AND domain = $3") + " GROUP BY 1, 2",
          bind(from.toString()), bind(to.toString()), into(org_ids), into(org_domains), into(n);
      if (!domain.empty()) st, bind(domain);
      st.execute();
      std::map<std::pair<sdk::RecordId, std::string>, int> by_org_domain;
      for (std::size_t i = 0; i < org_ids.size(); ++i)
        by_org_domain[{org_ids[i], org_domains[i]}] = n[i];
      EXPECT_EQ(tally.byOrgDomain(from, to, domain), by_org_domain)
          << "domain \"" << domain << "\"";
    }
  }

  testing::TestDatabase test_db_;  // SQLite :memory:, or a PostgreSQL schema (BEACON_TEST_DB_URI)
  store::Database db_{test_db_.uri()};
  store::Actor actor_{"tester"};
  std::vector<sdk::RecordId> orgs_;
};

TEST(SplitByMonthTest, CutsWholeMonthsAndEnds) {
  MonthSplit s = splitByMonth({2023, 1, 1}, {2023, 12, 31});
  EXPECT_EQ(s.first_month, "2023-01");
  EXPECT_EQ(s.last_month, "2023-12");
  EXPECT_TRUE(s.fragments.empty());

  s = splitByMonth({2022, 6, 16}, {2023, 6, 15});
  EXPECT_EQ(s.first_month, "2022-07");
  EXPECT_EQ(s.last_month, "2023-05");
  ASSERT_EQ(s.fragments.size(), 2u);
  EXPECT_EQ(s.fragments[0].first.toString(), "2022-06-16");
  EXPECT_EQ(s.fragments[0].second.toString(), "2022-06-30");
  EXPECT_EQ(s.fragments[1].first.toString(), "2023-06-01");
  EXPECT_EQ(s.fragments[1].second.toString(), "2023-06-15");

  s = splitByMonth({2024, 2, 3}, {2024, 2, 20});  // inside one month
  EXPECT_TRUE(s.first_month.empty());
  ASSERT_EQ(s.fragments.size(), 1u);
  EXPECT_EQ(s.fragments[0].second.toString(), "2024-02-20");

  s = splitByMonth({2024, 2, 1}, {2024, 2, 29});  // leap February, whole
  EXPECT_EQ(s.first_month, "2024-02");
  EXPECT_TRUE(s.fragments.empty());

  s = splitByMonth({2024, 3, 1}, {2024, 3, 30});  // from the 1st but not to the end
  EXPECT_TRUE(s.first_month.empty());
  ASSERT_EQ(s.fragments.size(), 1u);

  EXPECT_TRUE(splitByMonth({2024, 3, 2}, {2024, 3, 1}).fragments.empty());
}

// Inserts are counted by DrillRepository (add, addBatch: every import), updates
// and deletes by triggers.
TEST_F(DrillTallyTest, SummaryTablesStayExactThroughAddBatchUpdateAndDelete) {
  expectTablesExact();
  store::DrillRepository repo(db_.session());
  for (auto d : randomDrills(40, 1)) repo.add(d, actor_);
  expectTablesExact();
  {
    store::Transaction tx(db_.session());
    repo.addBatch(randomDrills(500, 2));
    tx.commit();
  }
  expectTablesExact();
  {
    store::Transaction tx(db_.session());
    repo.addBatch(randomDrills(100, 3));
  }  // rolled back: the counts roll back with the drills
  expectTablesExact();
  db_.session() << "UPDATE drills SET drill_date = '2023-07-04', org_id = $1 WHERE id % 7 = 0",
      bind(static_cast<Poco::Int64>(orgs_[3])), now;
  expectTablesExact();
  db_.session() << "UPDATE drills SET drill_type = 'fire.tabletop', domain = 'fire' WHERE id % 5 = 0", now;
  expectTablesExact();
  db_.session() << "UPDATE drills SET voided_at = '2024-03-01T00:00:00Z' WHERE id % 4 = 1", now;
  expectTablesExact();
  db_.session() << "UPDATE drills SET drill_date = '2022-12-31' WHERE id % 8 = 1",
      now;  // voided: moves nothing
  expectTablesExact();
  db_.session() << "UPDATE drills SET voided_at = '' WHERE id % 8 = 5", now;
  expectTablesExact();
  db_.session() << "UPDATE drills SET drill_date = '2024-01-02' WHERE id % 6 = 2",
      now;  // across a year
  expectTablesExact();
  db_.session() << "DELETE FROM drills WHERE id % 3 = 0", now;
  expectTablesExact();
  int zero_rows = -1;
  db_.session() << "SELECT COUNT(*) FROM drill_month_counts WHERE n <= 0", into(zero_rows), now;
  EXPECT_EQ(zero_rows, 0);
  db_.session() << "DELETE FROM drills", now;
  expectTablesExact();
  int left = -1;
  db_.session() << "SELECT COUNT(*) FROM drill_org_month_counts", into(left), now;
  EXPECT_EQ(left, 0);
  db_.session() << "SELECT COUNT(*) FROM drill_org_year_counts", into(left), now;
  EXPECT_EQ(left, 0);
}

// Migration 44 counts the drills in force a database already holds.
TEST_F(DrillTallyTest, YearCountsMigrationBackfillsTheDrillsInForce) {
  store::Database db(":memory:");
  db.migrateTo(40);
  db.session() << "INSERT INTO organisations(code, name, kind, created_at)"
                  " VALUES('X', 'X', 'village', '2023-01-01T00:00:00Z')",
      now;
  Poco::Int64 org = 0;
  db.session() << "SELECT id FROM organisations WHERE code = 'X'", into(org), now;
  for (const auto& [date, voided] :
       std::vector<std::pair<std::string, std::string>>{{"2022-12-31", ""},
                                                        {"2023-03-05", ""},
                                                        {"2023-11-28", ""},
                                                        {"2023-07-01", "2023-08-01T00:00:00Z"}}) {
    db.session()
        << "INSERT INTO drills(domain, drill_type, org_id, drill_date, created_at, voided_at)"
           " VALUES('fire', 'fire.evacuation', $1, $2, '2023-12-01T00:00:00Z', $3)",
        bind(static_cast<Poco::Int64>(org)), bind(date), bind(voided), now;
  }
  db.migrate();
  std::vector<std::string> rows;
  db.session() << "SELECT year || ' ' || domain || ' ' || n FROM drill_org_year_counts ORDER BY 1",
      into(rows), now;
  EXPECT_EQ(rows, (std::vector<std::string>{"2022 fire 1", "2023 fire 2"}));
}

TEST_F(DrillTallyTest, MigrationBackfillsExistingDrills) {
  store::Database db(":memory:");
  db.migrateTo(5);
  // An organisation and drills stored by a Beacon from before the summary tables (written with
  // SQL: today's repositories write audit columns that version 5 does not have).
  db.session() << "INSERT INTO organisations(code, name, kind, created_at)"
                  " VALUES('X', 'X', 'village', '2023-01-01T00:00:00Z')",
      now;
  Poco::Int64 org = 0;
  db.session() << "SELECT id FROM organisations WHERE code = 'X'", into(org), now;
  for (const auto& [type, date] : std::vector<std::pair<std::string, std::string>>{
           {"fire.evacuation", "2023-03-05"}, {"fire.evacuation", "2023-03-28"}, {"flood.evacuation", "2023-04-01"}}) {
    db.session() << "INSERT INTO drills(domain, drill_type, org_id, drill_date, created_at)"
                    " VALUES($1, $2, $3, $4, '2023-05-01T00:00:00Z')",
        bind(type.substr(0, type.find('.'))), bind(type), bind(static_cast<Poco::Int64>(org)), bind(date), now;
  }
  db.migrate();
  std::vector<std::string> rows;
  db.session() << "SELECT month || ' ' || drill_type || ' ' || n FROM drill_month_counts ORDER BY 1", into(rows),
      now;
  EXPECT_EQ(rows, (std::vector<std::string>{"2023-03 fire.evacuation 2", "2023-04 flood.evacuation 1"}));
}

TEST_F(DrillTallyTest, AnswersEqualDirectQueriesForAnyRange) {
  store::Transaction tx(db_.session());
  store::DrillRepository(db_.session()).addBatch(randomDrills(800, 4));
  tx.commit();
  expectTallyMatchesDrills({2023, 1, 1}, {2023, 12, 31});
  expectTallyMatchesDrills({2022, 12, 31}, {2023, 12, 30});
  expectTallyMatchesDrills({2023, 2, 10}, {2023, 2, 20});
  expectTallyMatchesDrills({2022, 11, 1}, {2024, 2, 29});
  expectTallyMatchesDrills({2023, 6, 16}, {2024, 6, 15});
  expectTallyMatchesDrills({2025, 1, 1}, {2025, 12, 31});
  // Whole years, most of a year (its count less the rest), and less than half of one.
  expectTallyMatchesDrills({2022, 1, 1}, {2024, 12, 31});
  expectTallyMatchesDrills({2023, 1, 1}, {2023, 9, 7});
  expectTallyMatchesDrills({2023, 3, 15}, {2023, 12, 31});
  expectTallyMatchesDrills({2023, 2, 3}, {2023, 11, 27});
  expectTallyMatchesDrills({2023, 1, 1}, {2023, 3, 15});
  expectTallyMatchesDrills({2022, 12, 1}, {2024, 1, 31});
  db_.session() << "UPDATE drills SET voided_at = '2024-03-01T00:00:00Z' WHERE id % 3 = 0", now;
  expectTallyMatchesDrills({2023, 1, 1}, {2023, 12, 31});
  expectTallyMatchesDrills({2023, 1, 1}, {2023, 9, 7});
}

}  // namespace
}  // namespace beacon::summary
