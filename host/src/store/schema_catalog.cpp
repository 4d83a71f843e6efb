#include "store/schema_catalog.h"

#include <algorithm>
#include <cctype>

#include <Poco/Data/Session.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {

CatalogColumn::Kind kindOf(std::string type) {
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // SQLite's affinity rules (https://www.sqlite.org/datatype3.html §3.1) cover PostgreSQL's names
  // too.
  if (type.find("int") != std::string::npos) return CatalogColumn::Kind::Integer;
  if (type.find("char") != std::string::npos || type.find("text") != std::string::npos)
    return CatalogColumn::Kind::Text;
  if (type.find("blob") != std::string::npos || type == "bytea") return CatalogColumn::Kind::Blob;
  if (type.find("real") != std::string::npos || type.find("double") != std::string::npos ||
      type.find("float") != std::string::npos || type == "numeric")
    return CatalogColumn::Kind::Real;
  return CatalogColumn::Kind::Text;
}

}  // namespace

std::vector<std::string> SchemaCatalog::tables() {
  std::vector<std::string> names;
  if (db_.uri().postgres()) {
    db_.session() << "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                     "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
        into(names), now;
  } else {
    db_.session() << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                     "'sqlite\\_%' ESCAPE '\\' ORDER BY name",
        into(names), now;
  }
  return names;
}

std::vector<CatalogColumn> SchemaCatalog::columns(const std::string& table) {
  std::vector<std::string> names, types;
  std::vector<int> not_null, identity;
  if (db_.uri().postgres()) {
    db_.session()
        << "SELECT column_name, data_type, CASE is_nullable WHEN 'NO' THEN 1 ELSE 0 END,"
           " CASE is_identity WHEN 'YES' THEN 1 ELSE 0 END FROM information_schema.columns"
           " WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
        bind(table), into(names), into(types), into(not_null), into(identity), now;
  } else {
    // An INTEGER PRIMARY KEY alone is the rowid, which numbers rows itself.
    db_.session()
        << "SELECT name, type, \"notnull\", CASE WHEN pk = 1 AND upper(type) = 'INTEGER' AND"
           " (SELECT COUNT(*) FROM pragma_table_info($1) WHERE pk > 0) = 1 THEN 1 ELSE 0 END"
           " FROM pragma_table_info($1) ORDER BY cid",
        bind(table), into(names), into(types), into(not_null), into(identity), now;
  }
  std::vector<CatalogColumn> out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out.push_back({names[i], kindOf(types[i]), not_null[i] == 0, identity[i] != 0});
  }
  return out;
}

std::vector<std::string> SchemaCatalog::referencedTables(const std::string& table) {
  std::vector<std::string> parents;
  if (db_.uri().postgres()) {
    db_.session()
        << "SELECT DISTINCT p.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
           " JOIN pg_class p ON p.oid = k.confrelid WHERE k.contype = 'f'"
           " AND c.relnamespace = current_schema()::regnamespace AND c.relname = $1",
        bind(table), into(parents), now;
  } else {
    db_.session() << "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list($1)", bind(table),
        into(parents), now;
  }
  return parents;
}

std::vector<std::string> SchemaCatalog::selfReferencingColumns(const std::string& table) {
  std::vector<std::string> columns;
  if (db_.uri().postgres()) {
    db_.session() << "SELECT a.attname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
                     " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY(k.conkey)"
                     " WHERE k.contype = 'f' AND k.confrelid = k.conrelid"
                     " AND c.relnamespace = current_schema()::regnamespace AND c.relname = $1",
        bind(table), into(columns), now;
  } else {
    db_.session() << "SELECT \"from\" FROM pragma_foreign_key_list($1) WHERE \"table\" = $1",
        bind(table), into(columns), now;
  }
  return columns;
}

}  // namespace beacon::store
