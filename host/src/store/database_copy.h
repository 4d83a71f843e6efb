// DatabaseCopy: copies one Beacon database into another, empty one (`beacon db copy`): SQLite to
// PostgreSQL or back. Every table Beacon made (SchemaCatalog) is copied row for row with the same
// ids, parents before children (foreign keys; a table's references to itself are written in a
// second pass), inside one write transaction on the target, so a copy that fails leaves the
// target as it was. The target's triggers are held off meanwhile (PostgreSQL: DISABLE TRIGGER
// USER; SQLite: dropped and created again from their own text), so the derived tables they fill
// (rule_changes, the drill counts) are copied instead of computed twice and the append-only
// triggers let the second pass through. Then PostgreSQL's identity sequences are set to each
// table's largest id (the next row numbers above the copied ones; SQLite's AUTOINCREMENT
// counter follows explicit ids itself), and before the commit each table's row count is
// compared with the source's and the audit hash chain is verified on the target.
// schema_version and data_changes (the change watch's counter, bumped once at the end) are not
// copied. The source is read in one read transaction (one snapshot), a table at a time (a table's
// rows are held in memory while it is written).
//
// Refused, nothing written: the two schema versions differ (a target that has no tables yet is
// migrated first), or a table of the target has rows. Messages in zh-CN, or English.
// Not thread-safe (uses both Databases' sessions).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <Poco/Types.h>

#include "beacon/sdk/status.h"
#include "store/audit_chain.h"
#include "store/database.h"

namespace beacon::store {

struct DatabaseCopyReport {
  std::vector<std::pair<std::string, Poco::Int64>> tables;  // in the order copied, with rows
  Poco::Int64 rows = 0;
  AuditChainReport audit;  // as verified on the target
};

// Copies `from` into `to`. Returns the report, or a failed status (field "--to" or "--from")
// saying why nothing was copied. Throws Poco::Exception when a database cannot be read or written
// (the target's transaction is then rolled back).
sdk::Result<DatabaseCopyReport> copyDatabase(Database& from, Database& to, bool english);

}  // namespace beacon::store
