// DataVersion: a token that changes whenever the data a connection can see may have changed, so
// that a result computed from the data can be reused while it is equal (the compliance engine's
// kept evaluation). Equal tokens from the same connection mean nothing was written in between.
// The dialect gives it (Dialect::dataVersion): on SQLite sqlite3_total_changes64() (every row
// this connection inserted, updated or deleted, trigger rows included, committed or not) paired
// with PRAGMA data_version (bumped when another connection commits), one pragma; on PostgreSQL
// the count of write transactions committed on the schema (data_changes, migration 28), one
// one-row SELECT, nullopt inside a transaction that has written (never reuse: the rule_changes
// feed then says what changed). Not thread-safe (follows its Session).
#pragma once

#include <optional>
#include <utility>

#include <Poco/Data/Session.h>
#include <Poco/Types.h>

namespace beacon::store {

using DataVersion = std::pair<Poco::Int64, Poco::Int64>;

std::optional<DataVersion> currentDataVersion(Poco::Data::Session& session);

}  // namespace beacon::store
