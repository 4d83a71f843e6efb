#include "store/dialect.h"

#include <Poco/Exception.h>
#include <Poco/String.h>

#include "store/postgres_dialect.h"
#include "store/sqlite_dialect.h"

namespace beacon::store {

namespace {
const SqliteDialect kSqlite;
const PostgresDialect kPostgres;
}  // namespace

void Dialect::buildIndexesAfterLoad(Poco::Data::Session& session,
                                    const std::vector<std::string>& statements) const {
  for (const auto& statement : statements) session << statement, Poco::Data::Keywords::now;
}

const Dialect& dialectFor(DatabaseUri::Backend backend) {
  return backend == DatabaseUri::Backend::PostgreSQL ? static_cast<const Dialect&>(kPostgres)
                                                     : kSqlite;
}

const Dialect& dialectOf(Poco::Data::Session& session) {
  const std::string name = Poco::toLower(session.connector());
  if (name == kSqlite.connector()) return kSqlite;
  if (name == kPostgres.connector()) return kPostgres;
  throw Poco::NotImplementedException("no store dialect for the connector " + name);
}

}  // namespace beacon::store
