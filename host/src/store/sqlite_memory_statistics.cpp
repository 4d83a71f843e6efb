#include "store/sqlite_memory_statistics.h"

#include <sqlite3.h>

namespace beacon::store {

bool switchOffSqliteMemoryStatistics() {
  return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
}

}  // namespace beacon::store
