// Migrations: the ordered, append-only list of schema changes. Version N is
// applied once and recorded in schema_version; never edit a published step,
// append a new one. SQL here is portable between SQLite and PostgreSQL except
// where a step names its dialect. A step may also run code after its
// statements (in the same transaction), for data the SQL cannot compute.
// Immutable data; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace Poco::Data {
class Session;
}

namespace beacon::store {

struct Migration {
  int version;
  std::string description;
  std::vector<std::string> statements;
  void (*after)(Poco::Data::Session&) = nullptr;  // runs after the statements, or nothing
};

const std::vector<Migration>& migrations();
int latestSchemaVersion();

}  // namespace beacon::store
