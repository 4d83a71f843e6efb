#include "store/change_watch.h"

#include "store/database.h"
#include "store/sqlite_change_watch.h"

namespace beacon::store {

std::unique_ptr<ChangeWatch> makeChangeWatch(Database&) {
  // SQLite is the only dialect so far; SqliteChangeWatch falls back to "changed" for another
  // connector.
  return std::make_unique<SqliteChangeWatch>();
}

}  // namespace beacon::store
