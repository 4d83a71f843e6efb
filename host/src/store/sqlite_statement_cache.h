// SqliteStatementCache: the compiled statements of one SQLite connection, kept by their SQL text
// so that a statement a request runs again is not compiled again (each request compiled its
// reads anew: sqlite3_prepare_v2 was 10 % of a kept /drills/new hit, which now costs 0.85× the
// instructions and CPU; bench/README.md, 2026-12-04, branch stmtcache). At most
// kCapacity statements are kept per connection, the least recently used finalized first; each is
// compiled with sqlite3_prepare_v3(SQLITE_PREPARE_PERSISTENT), so SQLite compiles it again by
// itself when the schema changed. A statement is handed out as a Lease, reset and with no
// bindings, and goes back to the cache reset and unbound when the lease ends; a statement in use
// is never handed out twice (a nested lease of the same SQL gets a statement of its own, finalized
// when that lease ends). The cache of a connection is finalized when SQLite closes it, whoever
// closes it (Poco::Data's SQLite session owns the sqlite3*, and closes it with sqlite3_close_v2):
// a sqlite3_trace_v2(SQLITE_TRACE_CLOSE) hook runs before SQLite looks for unfinalized statements,
// so the cache takes that connection's trace callback.
//
// Thread-safety: a connection's cache follows its connection, which is used by one thread at a
// time (store::Database; http::DatabasePool gives each worker thread its own); the map from
// connections to their caches is guarded by a mutex, so threads may use their own connections at
// once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace beacon::store {

class SqliteStatementCache {
  struct Entry;

 public:
  static constexpr std::size_t kCapacity = 64;

  // One statement in use. Ending it resets the statement and clears its bindings.
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();
    sqlite3_stmt* get() const { return stmt_; }

   private:
    friend class SqliteStatementCache;
    Lease(sqlite3_stmt* stmt, Entry* entry) : stmt_(stmt), entry_(entry) {}
    sqlite3_stmt* stmt_;
    Entry* entry_;  // nullptr: a second statement of an SQL in use, finalized at the end
  };

  // The cache of `db`, made on first use. REQUIRES: `db` is open and used by the calling thread
  // only; no lease outlives the connection.
  static SqliteStatementCache& of(sqlite3* db);
  // The cache of `db` if it has one (a closed connection has none).
  static const SqliteStatementCache* find(sqlite3* db);

  SqliteStatementCache(const SqliteStatementCache&) = delete;
  SqliteStatementCache& operator=(const SqliteStatementCache&) = delete;
  ~SqliteStatementCache();

  // A statement of `sql` (the first statement in it), reset and unbound. Throws
  // Poco::Data::DataException with SQLite's message when it cannot be compiled.
  Lease lease(const std::string& sql);

  // Statements kept now (in use or not).
  std::size_t size() const { return entries_.size(); }
  // Statements compiled by this cache since it was made (kept ones and nested ones).
  std::uint64_t compiled() const { return compiled_; }

 private:
  struct Entry {
    std::string sql;
    sqlite3_stmt* stmt;
    bool leased;
  };

  explicit SqliteStatementCache(sqlite3* db) : db_(db) {}
  sqlite3_stmt* compile(const std::string& sql);
  void evictBeyondCapacity();

  sqlite3* db_;
  std::list<Entry> entries_;  // the most recently leased first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> by_sql_;  // views of Entry::sql
  std::uint64_t compiled_ = 0;
};

}  // namespace beacon::store
