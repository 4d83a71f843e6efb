#include "store/migrations.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/audit_chain.h"
#include "store/database.h"
#include "store/organisation_repository.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

// Every table, index and trigger with its SQL, in name order. PostgreSQL: from its catalog, in
// the connection's schema: each column with its type, nullability and default, each constraint,
// index, trigger and function with its definition.
std::vector<std::string> schemaOf(Database& db) {
  std::vector<std::string> type, name, sql;
  if (db.uri().postgres()) {
    db.session() << "SELECT type, name, replace(sql, current_schema() || '.', '') FROM ("
                    "SELECT 'column' AS type, table_name || '.' || column_name AS name, data_type || ' ' || is_nullable"
                    " || ' ' || COALESCE(column_default, '') AS sql FROM information_schema.columns"
                    " WHERE table_schema = current_schema()"
                    " UNION ALL SELECT 'constraint', c.relname || '.' || k.conname, pg_get_constraintdef(k.oid)"
                    " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
                    " WHERE c.relnamespace = current_schema()::regnamespace"
                    " UNION ALL SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                    " UNION ALL SELECT 'trigger', t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t"
                    " JOIN pg_class c ON c.oid = t.tgrelid"
                    " WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal"
                    " UNION ALL SELECT 'function', proname, prosrc FROM pg_proc"
                    " WHERE pronamespace = current_schema()::regnamespace"
                    ") AS catalog ORDER BY 2, 1",
        into(type), into(name), into(sql), now;
  } else {
    db.session() << "SELECT type, name, COALESCE(sql, '') FROM sqlite_master"
                    " WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
        into(type), into(name), into(sql), now;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < name.size(); ++i) out.push_back(type[i] + " " + name[i] + ": " + sql[i]);
  return out;
}

// Versions are assigned per change, so there may be gaps; they apply in ascending order.
int countVersions(int from, int to) {
  int n = 0;
  for (const auto& m : migrations()) n += m.version > from && m.version <= to;
  return n;
}

TEST(MigrationsTest, VersionsAscendFromOne) {
  int previous = 0;
  for (const auto& m : migrations()) {
    EXPECT_GT(m.version, previous) << m.description;
    previous = m.version;
    EXPECT_FALSE(m.statements.empty());
  }
  EXPECT_EQ(migrations().front().version, 1);
  EXPECT_EQ(latestSchemaVersion(), previous);
}

TEST(MigrationsTest, FromEmptyReachesTheLatestVersionOnce) {
  testing::TestDatabase t;
  Database db(t.uri());
  EXPECT_EQ(db.schemaVersion(), 0);
  EXPECT_EQ(db.migrate(), static_cast<int>(migrations().size()));
  EXPECT_EQ(db.schemaVersion(), latestSchemaVersion());
  EXPECT_EQ(db.migrate(), 0);
}

TEST(MigrationsTest, FromEachEarlierVersionGivesTheSameSchemaAndKeepsData) {
  testing::TestDatabase fresh_db;
  Database fresh(fresh_db.uri());
  fresh.migrate();
  const auto expected = schemaOf(fresh);
  for (const auto& m : migrations()) {
    const int start = m.version;
    if (start == latestSchemaVersion()) break;
    testing::TestDatabase t;
    Database db(t.uri());
    ASSERT_EQ(db.migrateTo(start), countVersions(0, start));
    OrganisationRepository orgs(db.session());
    sdk::Organisation city;
    city.code = "xinmi";
    city.name = "新密市";
    city.kind = sdk::OrgKind::City;
    if (start >= 13) {
      orgs.add(city, Actor{"test"});  // the audit log has its hash chain from version 13
    } else {
      db.session() << "INSERT INTO organisations(code, name, kind, created_at)"
                      " VALUES('xinmi', '新密市', 'city', '2023-01-01T00:00:00Z')",
          now;
      if (start >= 2) {  // the audit log exists from version 2
        db.session() << "INSERT INTO audit_log(at, username, action, entity, entity_id, after_json)"
                        " VALUES('2023-01-01T00:00:00Z', 'test', 'create', 'organisation', 1, '{}')",
            now;
      }
    }
    EXPECT_EQ(db.migrate(), countVersions(start, latestSchemaVersion())) << "from version " << start;
    EXPECT_EQ(schemaOf(db), expected) << "from version " << start;
    auto found = OrganisationRepository(db.session()).findByCode("xinmi");
    ASSERT_TRUE(found.has_value()) << "from version " << start;
    EXPECT_EQ(found->name, "新密市");
    EXPECT_TRUE(verifyAuditChain(db.session()).ok()) << "from version " << start;
  }
}

TEST(MigrationsTest, Version13ChainsTheEntriesWrittenBefore) {
  testing::TestDatabase t;
  Database db(t.uri());
  db.migrateTo(11);
  for (int i = 1; i <= 3; ++i) {
    db.session() << "INSERT INTO audit_log(at, username, action, entity, entity_id, after_json)"
                    " VALUES('2023-01-01T00:00:00Z', 'old', 'create', 'drill', $1, '{}')",
        bind(i), now;
  }
  db.migrate();
  std::vector<std::string> prev, hash;
  db.session() << "SELECT prev_hash, hash FROM audit_log ORDER BY id", into(prev), into(hash), now;
  ASSERT_EQ(hash.size(), 3u);
  EXPECT_EQ(prev[0], "");
  EXPECT_EQ(prev[1], hash[0]);
  EXPECT_EQ(prev[2], hash[1]);
  AuditLog(db.session()).append(Actor{"new"}, "create", "drill", 4, "", "{}");
  const auto report = verifyAuditChain(db.session());
  EXPECT_TRUE(report.ok()) << report.describe(true);
  EXPECT_EQ(report.entries, 4u);
  EXPECT_THROW((db.session() << "UPDATE audit_log SET username = 'mallory'", now), Poco::Exception)
      << "the append-only trigger is back after the migration";
}

TEST(MigrationsTest, AuditLogIsAppendOnly) {
  testing::TestDatabase t;
  Database db(t.uri());
  db.migrate();
  sdk::Organisation city;
  city.code = "xinmi";
  city.name = "新密市";
  city.kind = sdk::OrgKind::City;
  OrganisationRepository(db.session()).add(city, Actor{"test"});
  EXPECT_THROW((db.session() << "UPDATE audit_log SET username = 'mallory'", now), Poco::Exception);
  EXPECT_THROW((db.session() << "DELETE FROM audit_log", now), Poco::Exception);
  int n = 0;
  db.session() << "SELECT COUNT(*) FROM audit_log WHERE username = 'test'", into(n), now;
  EXPECT_EQ(n, 1);
}

}  // namespace
}  // namespace beacon::store
