#include "store/cache_version_triggers.h"

#include <set>
#include <vector>

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {

// SQL of the stamping of (table, org expression) with the next clock number (SQLite).
std::string sqliteStamp(const std::string& table, const std::string& org) {
  const std::string where = " WHERE tbl = '" + table + "' AND org_id = " + org;
  return " UPDATE cache_clock SET n = n + 1;"
         " UPDATE cache_versions SET seq = (SELECT n FROM cache_clock)" +
         where +
         ";"
         " INSERT INTO cache_versions(tbl, org_id, seq) SELECT '" +
         table + "', " + org +
         ", (SELECT n FROM cache_clock)"
         " WHERE NOT EXISTS (SELECT 1 FROM cache_versions" +
         where + ");";
}

std::vector<std::string> tables(Poco::Data::Session& session, const std::string& sql) {
  std::vector<std::string> names;
  session << sql, into(names), now;
  std::vector<std::string> watched;
  for (const auto& n : names) {
    if (cacheVersionsWatch(n)) watched.push_back(n);
  }
  return watched;
}

}  // namespace

bool cacheVersionsWatch(const std::string& table) {
  static const std::set<std::string> kUnwatched = {
      "schema_version",   "data_changes",      "cache_clock",       "cache_versions",
      "sqlite_sequence",  "sqlite_stat1",      "web_sessions",      "login_failures",
      "login_known_pairs", "idempotency_keys", "api_tokens",        "audit_log",
      "rule_changes",     "drill_month_counts", "drill_org_month_counts", "drill_groups",
      "drill_flags"};
  return kUnwatched.count(table) == 0;
}

std::string cacheVersionOrgColumn(const std::string& table) {
  if (table == "drills" || table == "drill_plans") return "org_id";
  if (table == "plans") return "owner_org_id";
  return "";
}

void createSqliteCacheVersionTriggers(Poco::Data::Session& session) {
  for (const auto& t : tables(session, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
    const std::string column = cacheVersionOrgColumn(t);
    const auto org = [&](const std::string& row) {
      return column.empty() ? std::string("0") : "coalesce(" + row + "." + column + ", 0)";
    };
    const std::string head = "CREATE TRIGGER " + t + "_cache_versions_";
    session << head + "insert AFTER INSERT ON " + t + " BEGIN" + sqliteStamp(t, org("NEW")) + " END", now;
    session << head + "delete AFTER DELETE ON " + t + " BEGIN" + sqliteStamp(t, org("OLD")) + " END", now;
    session << head + "update AFTER UPDATE ON " + t + " BEGIN" + sqliteStamp(t, org("OLD")) +
                   (column.empty() ? "" : sqliteStamp(t, org("NEW"))) + " END",
        now;
  }
}

void createPostgresCacheVersionTriggers(Poco::Data::Session& session) {
  session << R"(CREATE FUNCTION cache_versions_stamp_fn() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs BIGINT[] := ARRAY[]::BIGINT[];
  stamp BIGINT;
  o BIGINT;
BEGIN
  IF TG_NARGS = 0 THEN
    orgs := ARRAY[0::BIGINT];
  ELSE
    IF TG_OP <> 'INSERT' THEN orgs := orgs || coalesce((to_jsonb(OLD) ->> TG_ARGV[0])::BIGINT, 0); END IF;
    IF TG_OP <> 'DELETE' THEN orgs := orgs || coalesce((to_jsonb(NEW) ->> TG_ARGV[0])::BIGINT, 0); END IF;
  END IF;
  FOREACH o IN ARRAY orgs LOOP
    UPDATE cache_clock SET n = n + 1 WHERE id = 1 RETURNING n INTO stamp;
    INSERT INTO cache_versions(tbl, org_id, seq) VALUES (TG_TABLE_NAME, o, stamp)
      ON CONFLICT (tbl, org_id) DO UPDATE SET seq = excluded.seq;
  END LOOP;
  RETURN NULL;
END $$)",
      now;
  for (const auto& t : tables(session,
                              "SELECT table_name::text FROM information_schema.tables"
                              " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                              " ORDER BY table_name")) {
    const std::string column = cacheVersionOrgColumn(t);
    session << "CREATE TRIGGER " + t + "_cache_versions AFTER INSERT OR UPDATE OR DELETE ON " + t +
                   " FOR EACH ROW EXECUTE FUNCTION cache_versions_stamp_fn(" +
                   (column.empty() ? "" : "'" + column + "'") + ")",
        now;
  }
}

}  // namespace beacon::store
