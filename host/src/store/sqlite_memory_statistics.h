// switchOffSqliteMemoryStatistics: SQLite's memory statistics take one
// process-wide mutex on every allocation, which many connections at once
// (the web server's workers, one Database each) then contend for. This turns
// them off. SQLite refuses the setting once it is initialised, so it must
// run before any database opens: the server calls it from a static
// initialiser. Returns whether SQLite accepted it. Not thread-safe (it runs
// before any thread uses SQLite).
#pragma once

namespace beacon::store {

bool switchOffSqliteMemoryStatistics();

}  // namespace beacon::store
