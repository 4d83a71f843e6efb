// PostgresChangeWatch: the ChangeWatch of a PostgreSQL database. Migration 28 gives every table
// a statement-level trigger that, once per write transaction, adds one to the single row of
// data_changes; the watch reads that number on the caller's connection and says "changed" when
// it differs from the number it read last (from any thread). A commit by any node on the same
// schema is seen by the next read after COMMIT returns, because the counter is ordinary table
// data: it changes with the commit and never before it.
//
// Why a polled counter and not LISTEN/NOTIFY (bench/bench_pg_change_watch.cpp measured both on
// one PG 15 cluster, 2,000 commits): a NOTIFY reaches the listener asynchronously after the
// writer's COMMIT returns, so a node asked right after another node's commit still said
// "unchanged" 84 times in 2,000 (the counter: 0), which breaks "a drill posted on A is in B's
// list at once". LISTEN also needs one more connection per process, kept listening and re-armed
// after a reconnect (what was sent meanwhile is lost), and each committing NOTIFY takes the
// cluster-wide notify queue lock. What the counter costs instead: a check is a one-row SELECT,
// one round trip (1.3 ms wall on the loaded machine, against 0.2 µs for reading a LISTEN socket;
// a cache miss costs several such statements), and a write transaction runs one more one-row
// UPDATE (writers already take turns under the dialect's advisory lock, so its row lock adds no
// waiting; the bench's write timings were within the machine's noise).
//
// Thread-safe: the last number is an atomic; two threads racing may both say "changed" for one
// commit (allowed), never "unchanged" after a commit neither had seen.
#pragma once

#include <atomic>

#include <Poco/Types.h>

#include "store/change_watch.h"

namespace beacon::store {

class PostgresChangeWatch : public ChangeWatch {
 public:
  PostgresChangeWatch() = default;
  PostgresChangeWatch(const PostgresChangeWatch&) = delete;
  PostgresChangeWatch& operator=(const PostgresChangeWatch&) = delete;

  bool changed(Poco::Data::Session& connection) override;
  bool seesEveryConnection() override { return true; }

 private:
  static constexpr Poco::Int64 kNothingSeen = -1;
  std::atomic<Poco::Int64> last_{kNothingSeen};
};

// The number of write transactions committed on the schema `connection` uses (data_changes.n):
// it grows with every commit that wrote to any table. Throws Poco::Exception when it cannot be
// read.
Poco::Int64 committedWriteCount(Poco::Data::Session& connection);

}  // namespace beacon::store
