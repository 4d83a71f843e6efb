// bench_pg_statement: what a Poco::Data statement costs per call on the database a URI names,
// compiled for each call (a new Poco::Data::Statement, as every store read does today) against
// one Statement kept and executed again with new values bound by reference (`use`), on the same
// one-row primary-key read in one run. On PostgreSQL a new Statement is a Parse (and a new
// prepared statement on the server) per call; SQLite is printed beside it for scale
// (store/sqlite_statement_cache.h keeps SQLite's statements for RowScanner; PostgreSQL has no
// such cache yet: this is the figure that would justify one).
// Usage: bench_pg_statement URI [N=2000] (a postgresql:// URI from scripts/pg-cluster.sh, or
// a SQLite path / ":memory:"). On PostgreSQL it works in a schema of its own, dropped at the end.
//
// Measured (2026-12-04, shared 2-core machine at load 10, PG 15 on 127.0.0.1, fsync off, N=2000,
// three rounds): PostgreSQL new 393–428 µs, kept 50–70 µs (5.8–7.9×); SQLite :memory: new 9–17 µs,
// kept 6–12 µs.
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include "store/database.h"
#include "store/database_uri.h"
#include "store/dialect.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;
using Clock = std::chrono::steady_clock;

namespace {

double microsSince(Clock::time_point start, int n) {
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count() / n;
}

const char* kRead = "SELECT name FROM bench_statement WHERE id = $1";

void run(Poco::Data::Session& s, int n) {
  s << "CREATE TABLE bench_statement (id BIGINT PRIMARY KEY, name TEXT NOT NULL)", now;
  {
    beacon::store::Transaction tx(s);
    for (int i = 1; i <= 100; ++i)
      s << "INSERT INTO bench_statement(id, name) VALUES ($1, $2)", bind(i),
          bind("单位" + std::to_string(i)), now;
    tx.commit();
  }
  std::string name;
  Poco::Int64 id = 1;
  std::size_t found = 0;
  for (int round = 0; round < 3; ++round) {
    auto start = Clock::now();
    for (int i = 0; i < n; ++i) {
      id = 1 + i % 100;
      Poco::Data::Statement st(s);
      st << kRead, bind(id), into(name);
      found += st.execute();
    }
    const double fresh = microsSince(start, n);
    Poco::Data::Statement kept(s);
    kept << kRead, use(id), into(name);
    start = Clock::now();
    for (int i = 0; i < n; ++i) {
      id = 1 + i % 100;
      found += kept.execute();
    }
    const double reused = microsSince(start, n);
    std::cout << "round " << round + 1 << ": new Statement per call " << fresh
              << " µs, one kept Statement " << reused << " µs (" << fresh / reused << "x)\n";
  }
  if (found != static_cast<std::size_t>(6 * n)) std::cerr << "bench_pg_statement: rows missing\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_pg_statement URI [N]\n";
    return 2;
  }
  const int n = argc > 2 ? std::atoi(argv[2]) : 2000;
  auto parsed = beacon::store::DatabaseUri::parse(argv[1], true);
  if (!parsed.isOk()) {
    std::cerr << "bench_pg_statement: " << parsed.status().describe() << "\n";
    return 2;
  }
  beacon::store::DatabaseUri uri = parsed.value();
  std::cout << "bench_pg_statement on " << uri.display() << ", " << n << " calls per case\n";
  if (!uri.postgres()) {
    beacon::store::Database db(uri);
    run(db.session(), n);
    return 0;
  }
  const std::string schema = "bench_statement_" + std::to_string(::getpid());
  Poco::Data::Session admin = beacon::store::dialectFor(uri.backend).open(uri);
  admin << "SET client_min_messages = warning", now;
  admin << "CREATE SCHEMA " + schema, now;
  uri.schema = schema;
  int rc = 0;
  try {
    beacon::store::Database db(uri);
    run(db.session(), n);
  } catch (const std::exception& e) {
    std::cerr << "bench_pg_statement: " << e.what() << "\n";
    rc = 1;
  }
  admin << "DROP SCHEMA " + schema + " CASCADE", now;
  return rc;
}
