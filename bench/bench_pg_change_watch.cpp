// bench_pg_change_watch: the two ways a node can learn that another node committed to the
// PostgreSQL database (store/postgres_change_watch.h), measured on one cluster in one run:
//   counter  a statement-level trigger adds one to data_changes.n once per write transaction
//            (migration 28); a check is SELECT n FROM data_changes on the caller's connection;
//   notify   a statement-level trigger calls pg_notify; a check is PQconsumeInput + PQnotifies on
//            a connection kept LISTENing (no round trip).
// For each it prints the cost of one check (µs), the cost of one small write transaction with
// its trigger against the same transaction with no trigger (baseline, the ratio), and, after N
// commits on node A, how often a check on node B made right after COMMIT returned missed it.
// Usage: bench_pg_change_watch postgresql://USER@HOST:PORT/DBNAME [N=2000]
// (scripts/pg-cluster.sh start DIR prints a URI). Works in a schema of its own, dropped at the end.
//
// Measured (shared 2-core machine at load average 16, PG 15 on 127.0.0.1, fsync off, N=2000):
//   check: counter 1,287.5 µs, notify 0.2 µs (wall; the counter is a round trip)
//   write transaction: none 6,329 µs, counter 4,248 µs (0.67x), notify 10,476 µs (1.66x): noise
//   missed right after COMMIT, of 2,000: counter 0, notify 84 (all arrived within 1 s)
// Chosen: the counter (store/postgres_change_watch.h says why).
#include <libpq-fe.h>
#include <sys/select.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include <Poco/Data/Session.h>

#include "store/database.h"
#include "store/database_uri.h"
#include "store/dialect.h"
#include "store/postgres_change_watch.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;
using Clock = std::chrono::steady_clock;

namespace {

double microsSince(Clock::time_point start, int n) {
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count() / n;
}

// A raw libpq connection LISTENing on the bench's channel.
class Listener {
 public:
  explicit Listener(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(conn_));
    PQclear(PQexec(conn_, "LISTEN beacon_bench_changes"));
  }
  ~Listener() { PQfinish(conn_); }
  // Whether a notification has arrived since the last call (reads the socket, no round trip).
  bool poll() {
    PQconsumeInput(conn_);
    bool any = false;
    while (PGnotify* n = PQnotifies(conn_)) {
      any = true;
      PQfreemem(n);
    }
    return any;
  }
  // Waits up to a second for a notification.
  bool wait() {
    for (int i = 0; i < 100; ++i) {
      if (poll()) return true;
      fd_set fds;
      FD_ZERO(&fds);
      FD_SET(PQsocket(conn_), &fds);
      timeval tv{0, 10000};
      select(PQsocket(conn_) + 1, &fds, nullptr, nullptr, &tv);
    }
    return false;
  }

 private:
  PGconn* conn_;
};

void writeOnce(Poco::Data::Session& s, int i) {
  beacon::store::Transaction tx(s);
  s << "INSERT INTO login_known_pairs(pair_key, last_success_ms) VALUES($1, $2)"
       " ON CONFLICT (pair_key) DO UPDATE SET last_success_ms = excluded.last_success_ms",
      bind("k" + std::to_string(i % 50)), bind(static_cast<Poco::Int64>(i)), now;
  tx.commit();
}

double writeCost(Poco::Data::Session& s, int n) {
  for (int i = 0; i < n / 10; ++i) writeOnce(s, i);  // warm up
  const auto start = Clock::now();
  for (int i = 0; i < n; ++i) writeOnce(s, i);
  return microsSince(start, n);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_pg_change_watch postgresql://USER@HOST:PORT/DBNAME [N]\n";
    return 2;
  }
  const int n = argc > 2 ? std::atoi(argv[2]) : 2000;
  auto parsed = beacon::store::DatabaseUri::parse(argv[1], true);
  if (!parsed.isOk() || !parsed.value().postgres()) {
    std::cerr << "bench_pg_change_watch: not a postgresql:// URI\n";
    return 2;
  }
  beacon::store::DatabaseUri base = parsed.value();
  const std::string schema = "bench_change_watch_" + std::to_string(::getpid());
  Poco::Data::Session admin = beacon::store::dialectFor(base.backend).open(base);
  admin << "SET client_min_messages = warning", now;
  admin << "CREATE SCHEMA " + schema, now;
  beacon::store::DatabaseUri uri = base;
  uri.schema = schema;
  int rc = 0;
  try {
    beacon::store::Database a(uri), b(uri);
    a.migrate();
    auto& sa = a.session();
    auto& sb = b.session();
    sa << R"(CREATE FUNCTION bench_notify_fn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('beacon_bench_changes', '');
  RETURN NULL;
END $$)",
        now;
    sa << "CREATE TRIGGER login_known_pairs_bench_notify AFTER INSERT OR UPDATE OR DELETE"
          " ON login_known_pairs FOR EACH STATEMENT EXECUTE FUNCTION bench_notify_fn()",
        now;
    Listener listener(uri.connectionString());
    auto useTriggers = [&](bool counter, bool notify) {
      sa << std::string("ALTER TABLE login_known_pairs ") + (counter ? "ENABLE" : "DISABLE") +
                " TRIGGER login_known_pairs_data_changes",
          now;
      sa << std::string("ALTER TABLE login_known_pairs ") + (notify ? "ENABLE" : "DISABLE") +
                " TRIGGER login_known_pairs_bench_notify",
          now;
    };

    // One check each.
    beacon::store::PostgresChangeWatch watch;
    watch.changed(sb);
    auto start = Clock::now();
    for (int i = 0; i < n * 5; ++i) watch.changed(sb);
    const double counter_check = microsSince(start, n * 5);
    start = Clock::now();
    for (int i = 0; i < n * 5; ++i) listener.poll();
    const double notify_check = microsSince(start, n * 5);

    // One write transaction each (the baseline has neither trigger).
    useTriggers(false, false);
    const double base_write = writeCost(sa, n);
    useTriggers(true, false);
    const double counter_write = writeCost(sa, n);
    useTriggers(false, true);
    const double notify_write = writeCost(sa, n);

    // Checks on B right after A's COMMIT returned.
    useTriggers(true, true);
    listener.wait();
    watch.changed(sb);
    int counter_missed = 0, notify_missed = 0, notify_lost = 0;
    for (int i = 0; i < n; ++i) {
      writeOnce(sa, i);
      if (!watch.changed(sb)) ++counter_missed;
      if (!listener.poll()) {
        ++notify_missed;
        if (!listener.wait()) ++notify_lost;
      }
    }

    std::printf("check (µs):            counter %.1f   notify %.1f\n", counter_check, notify_check);
    std::printf("write transaction (µs): none %.1f   counter %.1f (%.2fx)   notify %.1f (%.2fx)\n",
                base_write, counter_write, counter_write / base_write, notify_write,
                notify_write / base_write);
    std::printf("missed right after COMMIT, of %d: counter %d   notify %d (%d not within 1 s)\n", n,
                counter_missed, notify_missed, notify_lost);
  } catch (const std::exception& e) {
    std::cerr << "bench_pg_change_watch: " << e.what() << "\n";
    rc = 1;
  }
  admin << "DROP SCHEMA " + schema + " CASCADE", now;
  return rc;
}
