// TemplateDatabase: a test suite's own copy of a database prepared once (migrated and loaded,
// e.g. the demo city and the web accounts), so that a fixture pays for that work once and each
// suite starts from the same state at the cost of a copy. `build` fills the template through
// the URI it is given and must close every connection to it before it returns.
//   PostgreSQL (BEACON_TEST_DB_URI): the template is the database beacon_tpl_<name>_<key> of
//   that cluster, built once per cluster by the first process that needs it (under an advisory
//   lock, so parallel test processes wait for it; key: the test binary's modification time, so a
//   rebuilt binary prepares it afresh); each copy is CREATE DATABASE ... TEMPLATE, a database
//   of its own (its tables in schema public), dropped WITH (FORCE) when the TemplateDatabase goes.
//   SQLite: the template is a file built once per process, copied to `sqlite_path`.
// Not thread-safe; declare it before the Databases that use it.
#pragma once

#include <functional>
#include <string>

#include "store/database_uri.h"

namespace beacon::testing {

class TemplateDatabase {
 public:
  using Build = std::function<void(const std::string& uri)>;

  // `name`: lower-case letters, digits and '_' (it names the template).
  TemplateDatabase(const std::string& name, const std::string& sqlite_path, const Build& build);
  ~TemplateDatabase();
  TemplateDatabase(const TemplateDatabase&) = delete;
  TemplateDatabase& operator=(const TemplateDatabase&) = delete;

  // What to open: the SQLite copy, or the PostgreSQL URI of the copy's database.
  const std::string& uri() const { return uri_; }
  bool postgres() const { return !dbname_.empty(); }

 private:
  std::string uri_;
  store::DatabaseUri base_;
  std::string dbname_;
};

}  // namespace beacon::testing
