// SchemaCatalog: what a Beacon database's own catalog says about its tables, the same on both
// dialects (SQLite: sqlite_master and the table_info / foreign_key_list pragmas; PostgreSQL:
// information_schema and pg_constraint in the connection's schema): the tables Beacon made (not
// SQLite's own sqlite_* tables), each table's columns with their storage kind, the tables each
// one references, and its identity (self-numbering) columns. For tools that work on every
// table (DatabaseCopy). Not thread-safe (follows its Database).
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace beacon::store {

struct CatalogColumn {
  enum class Kind { Integer, Real, Text, Blob };
  std::string name;
  Kind kind = Kind::Text;
  bool nullable = true;
  bool identity = false;  // numbers rows itself (SQLite: INTEGER PRIMARY KEY; PG: IDENTITY)
};

class SchemaCatalog {
 public:
  explicit SchemaCatalog(Database& db) : db_(db) {}

  // Beacon's tables, by name.
  std::vector<std::string> tables();
  // `table`'s columns in declaration order.
  std::vector<CatalogColumn> columns(const std::string& table);
  // The tables `table`'s foreign keys name (itself included when it references itself), and for
  // the self-references, the referencing columns.
  std::vector<std::string> referencedTables(const std::string& table);
  std::vector<std::string> selfReferencingColumns(const std::string& table);

 private:
  Database& db_;
};

}  // namespace beacon::store
