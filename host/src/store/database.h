// Database: the one connection to Beacon's store. Opens the database a DatabaseUri names
// (a SQLite file or ":memory:", the default; or PostgreSQL) through Poco::Data with its
// Dialect's session set-up (SQLite: WAL, foreign keys on, busy timeout; PostgreSQL: lock
// timeout) and applies that dialect's versioned migrations. A Database and its Session
// belong to one thread at a time; the web server gives each worker thread its own Database.
#pragma once

#include <memory>
#include <string>

#include <Poco/Data/Session.h>

#include "store/database_uri.h"

namespace beacon::store {

class Dialect;

class Database {
 public:
  // Opens (creating a SQLite file if needed) the database `uri` names: a path, ":memory:",
  // "sqlite:PATH" or "postgresql://USER@HOST:PORT/DBNAME" (DatabaseUri). Throws
  // Poco::InvalidArgumentException for a malformed URI and Poco::Exception when the
  // database cannot be opened.
  explicit Database(const std::string& uri);
  explicit Database(const DatabaseUri& uri);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Poco::Data::Session& session() { return *session_; }
  // The SQLite file (or ":memory:"); for PostgreSQL the URI as safe to log (no password).
  const std::string& path() const { return path_; }
  const DatabaseUri& uri() const { return uri_; }
  const Dialect& dialect() const { return dialect_; }

  // Applies every migration newer than the stored schema version, each in its
  // own transaction. Returns the number applied.
  int migrate();
  // Applies migrations up to and including `version` only (for migration tests).
  int migrateTo(int version);
  int schemaVersion();

 private:
  DatabaseUri uri_;
  const Dialect& dialect_;
  std::string path_;
  std::unique_ptr<Poco::Data::Session> session_;
};

}  // namespace beacon::store
