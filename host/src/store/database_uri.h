// DatabaseUri: which database Beacon opens, from `--db` or `beacon.database`.
//   PATH or sqlite:PATH                       a SQLite file (created if missing), as before
//   :memory: or sqlite::memory:               a private in-memory SQLite database
//   postgresql://USER@HOST:PORT/DBNAME        PostgreSQL over TCP (postgres:// also accepted)
//   postgresql://USER@/DBNAME?host=/run/dir   PostgreSQL over the Unix socket in that folder
// Query parameters for PostgreSQL: host (socket folder), port, schema (Beacon's tables live in
// that existing schema instead of the user's search_path), sslmode, connect_timeout. The URI
// never carries a password: libpq reads PGPASSWORD or ~/.pgpass itself, so what Beacon logs
// or shows (display()) holds no secret; a password in the URI is refused. Immutable value;
// thread-safe.
#pragma once

#include <string>

#include "beacon/sdk/status.h"

namespace beacon::store {

struct DatabaseUri {
  enum class Backend { SQLite, PostgreSQL };

  Backend backend = Backend::SQLite;
  std::string path;  // SQLite: the file, or ":memory:"
  // PostgreSQL (empty / 0: libpq's default, e.g. from PGHOST, PGPORT, PGUSER).
  std::string user;
  std::string host;  // a host name or address, or a socket folder (starts with '/')
  int port = 0;
  std::string dbname;
  std::string schema;
  std::string sslmode;
  std::string connect_timeout;

  // Parses `text`. A bad URI fails naming beacon.database (and --db), in zh-CN or English.
  static sdk::Result<DatabaseUri> parse(const std::string& text, bool english = false);

  bool postgres() const { return backend == Backend::PostgreSQL; }
  // The URI in its canonical form, safe to log (there is no password in it).
  std::string display() const;
  // PostgreSQL: the libpq keyword=value string (values never hold spaces or quotes).
  std::string connectionString() const;
};

}  // namespace beacon::store
