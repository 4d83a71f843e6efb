// Migrations: the ordered, append-only list of schema changes. Version N is
// applied once and recorded in schema_version; never edit a published step,
// append a new one. SQL here is portable between SQLite and PostgreSQL except
// where a step names its dialect. Immutable data; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace beacon::store {

struct Migration {
  int version;
  std::string description;
  std::vector<std::string> statements;
};

const std::vector<Migration>& migrations();
int latestSchemaVersion();

}  // namespace beacon::store
