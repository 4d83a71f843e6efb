// Database: the one connection to Beacon's store. Opens SQLite (WAL, foreign
// keys on, busy timeout) through Poco::Data and applies the versioned
// migrations. A Database and its Session belong to one thread at a time; the
// web server gives each worker thread its own Database.
#pragma once

#include <memory>
#include <string>

#include <Poco/Data/Session.h>

namespace beacon::store {

class Database {
 public:
  // Opens (creating if needed) the SQLite file at `path`, or ":memory:".
  // Throws Poco::Exception when the file cannot be opened.
  explicit Database(const std::string& path);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Poco::Data::Session& session() { return *session_; }
  const std::string& path() const { return path_; }

  // Applies every migration newer than the stored schema version, each in its
  // own transaction. Returns the number applied.
  int migrate();
  // Applies migrations up to and including `version` only (for migration tests).
  int migrateTo(int version);
  int schemaVersion();

 private:
  std::string path_;
  std::unique_ptr<Poco::Data::Session> session_;
};

}  // namespace beacon::store
