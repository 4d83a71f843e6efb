#include "store/change_watch.h"

#include "store/database.h"
#include "store/postgres_change_watch.h"
#include "store/sqlite_change_watch.h"

namespace beacon::store {

std::unique_ptr<ChangeWatch> makeChangeWatch(Database& database) {
  if (database.uri().postgres()) return std::make_unique<PostgresChangeWatch>();
  return std::make_unique<SqliteChangeWatch>();
}

}  // namespace beacon::store
