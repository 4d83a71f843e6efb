#include "store/connection_changes.h"

#include <sqlite3.h>

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Exception.h>
#include <Poco/String.h>

namespace beacon::store {

ConnectionChanges::ConnectionChanges(Poco::Data::Session& session) {
  if (Poco::icompare(session.connector(), std::string("sqlite")) != 0) return;
  db_ = Poco::Data::SQLite::Utility::dbHandle(session);
  if (sqlite3_prepare_v3(db_, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT, &data_version_,
                         nullptr) != SQLITE_OK) {
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_finalize(data_version_);
    throw Poco::IOException("PRAGMA data_version: " + message);
  }
}

ConnectionChanges::~ConnectionChanges() { sqlite3_finalize(data_version_); }

bool ConnectionChanges::changed() {
  if (!data_version_) return true;
  const int rc = sqlite3_step(data_version_);
  const Poco::Int64 version = rc == SQLITE_ROW ? sqlite3_column_int64(data_version_, 0) : 0;
  sqlite3_reset(data_version_);
  if (rc != SQLITE_ROW)
    throw Poco::IOException(std::string("PRAGMA data_version: ") + sqlite3_errstr(rc));
  const Token now{sqlite3_total_changes64(db_), version};
  const bool changed = !last_ || *last_ != now;
  last_ = now;
  return changed;
}

}  // namespace beacon::store
