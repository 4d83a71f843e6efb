// The PostgreSQL schema (store/postgres_migrations.h) on a real server: it applies, it has the
// tables, columns, indexes and triggers of the SQLite schema, every id column numbers rows by
// itself, the append-only tables refuse changes, and two processes migrating together both
// succeed. Each test skips unless BEACON_TEST_DB_URI names a PostgreSQL database
// (scripts/pg-cluster.sh start DIR prints one; scripts/test.sh runs these, and store_tests
// on the same cluster, which covers migration 13's chaining of older entries).
#include <gtest/gtest.h>

#include <future>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

#include "store/audit_chain.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/organisation_repository.h"
#include "store/postgres_migrations.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

using Columns = std::map<std::string, std::vector<std::string>>;  // table -> columns in order

Columns sqliteColumns() {
  Database db(":memory:");
  db.migrate();
  std::vector<std::string> tables;
  db.session()
      << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      into(tables), now;
  Columns out;
  for (const auto& t : tables) {
    std::vector<std::string> names;
    db.session() << "SELECT name FROM pragma_table_info($1) ORDER BY cid", bind(t), into(names),
        now;
    out[t] = names;
  }
  return out;
}

Columns postgresColumns(Database& db) {
  std::vector<std::string> table, column;
  db.session() << "SELECT table_name, column_name FROM information_schema.columns"
                  " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position",
      into(table), into(column), now;
  Columns out;
  for (std::size_t i = 0; i < table.size(); ++i) out[table[i]].push_back(column[i]);
  return out;
}

std::set<std::string> sqliteNames(const std::string& type) {
  Database db(":memory:");
  db.migrate();
  std::vector<std::string> names;
  db.session() << "SELECT name FROM sqlite_master WHERE type = $1 AND sql IS NOT NULL", bind(type),
      into(names), now;
  return {names.begin(), names.end()};
}

class PostgresSchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    BEACON_REQUIRE_POSTGRES();
  }
};

TEST(PostgresMigrationsListTest, SameVersionsAsSqlite) {
  std::vector<int> sqlite, postgres;
  for (const auto& m : migrations()) sqlite.push_back(m.version);
  for (const auto& m : postgresMigrations()) {
    postgres.push_back(m.version);
    EXPECT_FALSE(m.statements.empty()) << m.version;
    EXPECT_FALSE(m.description.empty()) << m.version;
  }
  EXPECT_EQ(postgres, sqlite);
}

TEST_F(PostgresSchemaTest, MigrationsApplyOnceAndReportTheSqliteVersion) {
  testing::TestDatabase t;
  Database db(t.uri());
  EXPECT_EQ(db.schemaVersion(), 0);
  EXPECT_EQ(db.migrate(), static_cast<int>(postgresMigrations().size()));
  EXPECT_EQ(db.schemaVersion(), latestSchemaVersion());
  EXPECT_EQ(db.migrate(), 0);
  Database again(t.uri());
  EXPECT_EQ(again.schemaVersion(), latestSchemaVersion());
}

TEST_F(PostgresSchemaTest, SameTablesAndColumnsAsSqlite) {
  testing::TestDatabase t;
  Database db(t.uri());
  db.migrate();
  const Columns pg = postgresColumns(db);
  const Columns lite = sqliteColumns();
  for (const auto& [table, columns] : lite) {
    auto found = pg.find(table);
    ASSERT_NE(found, pg.end()) << "no table " << table;
    EXPECT_EQ(found->second, columns) << table;
  }
  EXPECT_EQ(pg.size(), lite.size());
}

TEST_F(PostgresSchemaTest, SameIndexesAndTriggersAsSqlite) {
  testing::TestDatabase t;
  Database db(t.uri());
  db.migrate();
  std::vector<std::string> indexes, triggers;
  // Indexes created by name (not those behind a primary key or UNIQUE constraint).
  db.session() << "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                  " WHERE c.relnamespace = current_schema()::regnamespace"
                  " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)",
      into(indexes), now;
  db.session() << "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                  " WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal"
                  " AND t.tgname NOT LIKE '%\\_no\\_truncate'"
                  // PostgreSQL's change watch (migration 28); SQLite's reads the WAL index.
                  " AND t.tgname NOT LIKE '%\\_data\\_changes'",
      into(triggers), now;
  EXPECT_EQ(std::set<std::string>(indexes.begin(), indexes.end()), sqliteNames("index"));
  EXPECT_EQ(std::set<std::string>(triggers.begin(), triggers.end()), sqliteNames("trigger"));
}

TEST_F(PostgresSchemaTest, EveryTableWithAnIdNumbersRowsInsertedWithoutOne) {
  testing::TestDatabase t;
  Database db(t.uri());
  db.migrate();
  std::vector<std::string> tables;
  db.session()
      << "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema()"
         " AND column_name IN ('id', 'seq')"
         // The change watch's one-row counter (migration 28) has its row and no other.
         " AND table_name <> 'data_changes' ORDER BY table_name",
      into(tables), now;
  EXPECT_GE(tables.size(), 18u);
  auto& s = db.session();
  s << "BEGIN", now;
  // Foreign keys and the feed triggers are not what this test is about: replica mode skips them.
  s << "SET LOCAL session_replication_role = replica", now;
  for (const auto& table : tables) {
    std::vector<std::string> column, type;
    s << "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = "
         "current_schema()"
         " AND table_name = $1 AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = "
         "'NO'"
         " ORDER BY ordinal_position",
        bind(table), into(column), into(type), now;
    std::vector<Poco::Int64> ids;
    for (int row = 1; row <= 2; ++row) {
      std::string names, values;
      for (std::size_t i = 0; i < column.size(); ++i) {
        names += (i ? ", " : "") + column[i];
        const bool number = type[i] == "integer" || type[i] == "bigint";
        const std::string v =
            column[i] == "year" ? std::to_string(2020 + row) : std::to_string(row);
        values += (i ? ", " : "") + (number ? v : type[i] == "bytea" ? "'\\x00'" : "'x" + v + "'");
      }
      Poco::Int64 id = 0;
      const std::string key = table == "rule_changes" || table == "write_stamps" ? "seq" : "id";
      s << "INSERT INTO " + table + "(" + names + ") VALUES(" + values + ") RETURNING " + key,
          into(id), now;
      ids.push_back(id);
    }
    EXPECT_GT(ids[0], 0) << table;
    EXPECT_GT(ids[1], ids[0]) << table;
  }
  s << "ROLLBACK", now;
}

TEST_F(PostgresSchemaTest, AppendOnlyTablesRefuseUpdateDeleteAndTruncate) {
  testing::TestDatabase t;
  Database db(t.uri());
  db.migrate();
  auto& s = db.session();
  sdk::Organisation city;
  city.code = "xinmi";
  city.name = "新密市";
  city.kind = sdk::OrgKind::City;
  OrganisationRepository(s).add(city, Actor{"test"});  // one audit entry, chained
  s << "BEGIN", now;
  s << "SET LOCAL session_replication_role = replica", now;  // rows without their parents
  s << "INSERT INTO plan_transitions(plan_id, step, from_status, to_status, event_date, actor, "
       "created_at)"
       " VALUES(1, 'issue', 'drafting', 'issued', '2023-01-01', 'test', '2023-01-01T00:00:00Z')",
      now;
  s << "INSERT INTO summary_archives(kind, format, request, content_type, filename, body, "
       "body_sha256,"
       " inputs_sha256, created_by, created_at)"
       " VALUES('city-annual', 'text', '{}', 'text/plain', 'a.txt', '\\x41', 'h', 'i', 'test', "
       "'now')",
      now;
  s << "COMMIT", now;
  const std::map<std::string, std::string> updates = {
      {"audit_log", "UPDATE audit_log SET username = 'mallory'"},
      {"plan_transitions", "UPDATE plan_transitions SET actor = 'mallory'"},
      {"summary_archives", "UPDATE summary_archives SET created_by = 'mallory'"}};
  for (const auto& [table, update] : updates) {
    for (const std::string& change : {update, "DELETE FROM " + table, "TRUNCATE " + table}) {
      try {
        s << change, now;
        ADD_FAILURE() << change << " was allowed";
      } catch (const Poco::Exception& e) {
        EXPECT_NE(e.displayText().find(table + " is append-only"), std::string::npos)
            << e.displayText();
      }
    }
    int n = 0;
    s << "SELECT COUNT(*) FROM " + table, into(n), now;
    EXPECT_EQ(n, 1) << table;
  }
  EXPECT_TRUE(verifyAuditChain(s).ok());
}

TEST_F(PostgresSchemaTest, TwoDatabasesMigratingAtOnceBothSucceed) {
  for (int round = 0; round < 3; ++round) {
    testing::TestDatabase fresh;
    std::promise<void> go;
    std::shared_future<void> start = go.get_future().share();
    auto migrateWhenTold = [&fresh, start] {
      Database db(fresh.uri());
      start.wait();
      return db.migrate();
    };
    auto a = std::async(std::launch::async, migrateWhenTold);
    auto b = std::async(std::launch::async, migrateWhenTold);
    go.set_value();
    int applied_a = -1, applied_b = -1;
    ASSERT_NO_THROW(applied_a = a.get());
    ASSERT_NO_THROW(applied_b = b.get());
    EXPECT_EQ(applied_a + applied_b, static_cast<int>(postgresMigrations().size()));
    Database db(fresh.uri());
    int rows = 0;
    db.session() << "SELECT COUNT(*) FROM schema_version", into(rows), now;
    EXPECT_EQ(rows, static_cast<int>(postgresMigrations().size())) << "each step recorded once";
    EXPECT_EQ(db.schemaVersion(), latestSchemaVersion());
  }
}

}  // namespace
}  // namespace beacon::store
