// Cache versions (migration 33): the response cache's record of what each write changed. Every
// table a cached answer may read has triggers that, for each row written, stamp the row
// (table, organisation) of cache_versions with the next number of the one-row cache_clock, the
// organisation being the row's own (drills.org_id, plans.owner_org_id, drill_plans.org_id) or 0
// for a table without one. A reader that remembers the highest stamp it has seen reads only the
// rows stamped since (CacheVersionFeed) and learns which tables and organisations were written,
// by this process or any other, once they are committed.
//
// Why triggers and not the service layer's writes: the CLI, imports, a second node and a psql
// session must be seen as well, and the database then keeps the feed exact for every path
// whoever writes (as with rule_changes). Why one row per (table, organisation) and not a log:
// an import of a million drills leaves at most one row per village, and the table needs no
// pruning. The clock row is updated by every writing transaction, so on PostgreSQL its row lock
// orders the stamps as the commits (a reader never sees stamp n+1 before n is committed), which
// a sequence would not.
//
// Cost: three statements per row written on SQLite, one PL/pgSQL call per row on PostgreSQL.
// NOT YET MEASURED against an import (bench_import with and without migration 33); until it is,
// the choice of triggers over the service layer's writes rests on correctness (writes by the
// CLI and by other processes), not on a figure.
//
// Which tables are watched is decided here once (cacheVersionsWatch): everything but the
// schema's bookkeeping, the web server's own state (sessions, login throttle, idempotency keys,
// API tokens), the append-only audit log and the rules' own change feed, which no cached answer
// shows, and the tables drills' own triggers keep (counts, groups, flags), which change exactly
// when drills do. A table added by a later
// migration must be given its triggers there (CacheVersionTriggersTest.EveryTableIsWatched).
// Immutable; thread-safe.
#pragma once

#include <string>

#include <Poco/Data/Session.h>

namespace beacon::store {

// Whether writes to `table` stamp cache_versions.
bool cacheVersionsWatch(const std::string& table);
// The column naming the organisation a row of `table` belongs to, or "" (stamped with 0).
std::string cacheVersionOrgColumn(const std::string& table);

// Migration 33's step after its statements: the triggers on every watched table there is now
// (SQLite: AFTER INSERT/UPDATE/DELETE row triggers; PostgreSQL: one PL/pgSQL row trigger each).
void createSqliteCacheVersionTriggers(Poco::Data::Session& session);
void createPostgresCacheVersionTriggers(Poco::Data::Session& session);

}  // namespace beacon::store
