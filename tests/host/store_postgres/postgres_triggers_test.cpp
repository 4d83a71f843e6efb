// The PL/pgSQL trigger functions (store/postgres_migrations.h) do what SQLite's triggers do:
// one sequence of writes, run on both backends, leaves the same drill summary tables, drill
// groups and flags, and the same rule_changes feed (as a multiset: the order of triggers on
// one event differs). Skips unless BEACON_TEST_DB_URI names a PostgreSQL database.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/database.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

const std::vector<std::string> kWrites = {
    "INSERT INTO organisations(id, code, name, kind, parent_id, created_at)"
    " VALUES(1, 'xinmi', '新密市', 'city', NULL, 't')",
    "INSERT INTO organisations(id, code, name, kind, parent_id, created_at)"
    " VALUES(2, 'renzhuang', '任庄村', 'village', 1, 't')",
    "INSERT INTO organisations(id, code, name, kind, parent_id, created_at)"
    " VALUES(3, 'other', '其他村', 'village', 1, 't')",
    "INSERT INTO plans(id, code, title, domain, category, owner_org_id, status, created_at)"
    " VALUES(1, 'XM-1', '防汛预案', 'flood', 'special', 1, 'issued', 't')",
    "INSERT INTO drills(id, domain, drill_type, org_id, plan_id, drill_date, fields, created_at)"
    " VALUES(1, 'flood', 'flood.evacuation', 2, 1, '2023-05-10', '{\"night\":\"1\",\"x\":\"0\"}', "
    "'t')",
    "INSERT INTO drills(id, domain, drill_type, org_id, plan_id, drill_date, fields, created_at)"
    " VALUES(2, 'flood', 'flood.tabletop', 3, NULL, '2023-06-01', '{}', 't')",
    "UPDATE drills SET drill_date = '2023-07-01' WHERE id = 1",
    "UPDATE drills SET drill_date = '2023-06-15' WHERE id = 2",
    "UPDATE drills SET fields = '{\"night\":\"1\",\"elderly\":\"1\"}' WHERE id = 1",
    "UPDATE drills SET org_id = 2 WHERE id = 2",
    "UPDATE drills SET voided_at = 'v', voided_by = 'admin' WHERE id = 1",
    "UPDATE organisations SET name = '新密市人民政府' WHERE id = 1",
    "INSERT INTO organisation_attributes(org_id, name, value) VALUES(2, 'flood.flash_flood_zone', "
    "'1')",
    "UPDATE organisation_attributes SET org_id = 3 WHERE org_id = 2",
    "DELETE FROM organisation_attributes",
    "INSERT INTO plan_versions(id, plan_id, number, action, created_at) VALUES(1, 1, 1, 'draft', "
    "'t')",
    "UPDATE plan_versions SET issued = '2023-02-01' WHERE id = 1",
    "INSERT INTO reviews(id, plan_id, kind, review_date, conclusion, created_at)"
    " VALUES(1, 1, 'review', '2023-01-10', 'passed', 't')",
    "INSERT INTO filings(id, plan_id, target_body, submitted, created_at)"
    " VALUES(1, 1, '新密市应急管理局', '2023-03-01', 't')",
    "UPDATE filings SET registration_no = 'B-1' WHERE id = 1",
    "INSERT INTO plan_transitions(id, plan_id, step, from_status, to_status, event_date, actor, "
    "created_at)"
    " VALUES(1, 1, 'issue', 'approved', 'issued', '2023-02-01', 'admin', 't')",
    "UPDATE plans SET owner_org_id = 2 WHERE id = 1",
    "DELETE FROM reviews",
    "DELETE FROM drills WHERE id = 2",
    "UPDATE drills SET voided_at = '' WHERE id = 1",
};

const std::vector<std::string> kReads = {
    "SELECT month, domain, drill_type, n FROM drill_month_counts ORDER BY 1, 2, 3",
    "SELECT month, org_id, domain, n FROM drill_org_month_counts ORDER BY 1, 2, 3",
    "SELECT domain, flag, org_id, plan_id, drill_type FROM drill_groups ORDER BY 1, 2, 3, 4, 5",
    "SELECT drill_id, flag, domain, org_id, plan_id, drill_type, drill_date FROM drill_flags ORDER "
    "BY 1, 2",
    "SELECT org_id FROM rule_changes ORDER BY org_id",
};

// Every row of `sql`, as text.
std::vector<std::string> rows(Database& db, const std::string& sql) {
  Poco::Data::Statement st(db.session());
  st << sql;
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<std::string> out;
  for (std::size_t r = 0; r < rs.rowCount(); ++r) {
    std::string line;
    for (std::size_t c = 0; c < rs.columnCount(); ++c) {
      line += (c ? "|" : "") + rs.value(c, r).convert<std::string>();
    }
    out.push_back(line);
  }
  return out;
}

std::vector<std::vector<std::string>> afterWrites(const std::string& uri) {
  Database db(uri);
  db.migrate();
  for (const auto& sql : kWrites) db.session() << sql, now;
  std::vector<std::vector<std::string>> out;
  for (const auto& sql : kReads) out.push_back(rows(db, sql));
  return out;
}

TEST(PostgresTriggersTest, SameEffectsAsTheSqliteTriggers) {
  BEACON_REQUIRE_POSTGRES();
  testing::TestDatabase pg;
  const auto expected = afterWrites(":memory:");
  const auto got = afterWrites(pg.uri());
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < kReads.size(); ++i) EXPECT_EQ(got[i], expected[i]) << kReads[i];
  EXPECT_FALSE(expected[0].empty()) << "the writes reach the summary tables";
  EXPECT_FALSE(expected[3].empty()) << "the writes reach the flags";
  EXPECT_GT(expected[4].size(), 20u) << "the writes reach the feed";
}

}  // namespace
}  // namespace beacon::store
