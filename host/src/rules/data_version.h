// DataVersion: a token that changes whenever the data a connection can see
// may have changed: SQLite's sqlite3_total_changes64() (every row this
// connection inserted, updated or deleted, trigger rows included, committed
// or not) paired with PRAGMA data_version (bumped when another connection
// commits). Equal tokens from the same connection mean nothing was written
// in between, so a result computed from the data can be reused. Costs one
// pragma. Other connectors have no token (nullopt: never reuse). Not
// thread-safe (follows its Session).
#pragma once

#include <optional>
#include <utility>

#include <Poco/Data/Session.h>
#include <Poco/Types.h>

namespace beacon::rules {

using DataVersion = std::pair<Poco::Int64, Poco::Int64>;

std::optional<DataVersion> currentDataVersion(Poco::Data::Session& session);

}  // namespace beacon::rules
