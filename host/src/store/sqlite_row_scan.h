// sqliteRowScan: SqliteDialect's RowScanner (row_scanner.h). It takes the SELECT's statement
// from the connection's SqliteStatementCache (compiled once per connection, not once per scan),
// binds the text parameters to $1..$n by name and steps it, reading each cell straight from the
// statement (sqlite3_column_*), with no Poco::Dynamic conversion per cell. A callback may scan
// again, the same SQL included. Not thread-safe (follows its Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/row_scanner.h"

namespace beacon::store {

// REQUIRES: `session` is a SQLite session. Throws Poco::Data::DataException with SQLite's
// message when the statement cannot be prepared, bound or stepped.
void sqliteRowScan(Poco::Data::Session& session, const std::string& sql,
                   const std::vector<std::string>& params, const RowCallback& row);

}  // namespace beacon::store
