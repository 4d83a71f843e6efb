#include "store/sqlite_statement_cache.h"

#include <sqlite3.h>

#include <memory>
#include <mutex>

#include <Poco/Data/DataException.h>

namespace beacon::store {

namespace {

struct Registry {
  std::mutex mutex;
  std::unordered_map<sqlite3*, std::unique_ptr<SqliteStatementCache>> caches;
};

// Never destroyed: a connection may close during static destruction.
Registry& registry() {
  static auto* r = new Registry;
  return *r;
}

int finalizeOnClose(unsigned type, void* /*context*/, void* connection, void* /*unused*/) {
  if (type != SQLITE_TRACE_CLOSE) return 0;
  std::unique_ptr<SqliteStatementCache> cache;
  {
    Registry& r = registry();
    std::lock_guard<std::mutex> lock(r.mutex);
    auto it = r.caches.find(static_cast<sqlite3*>(connection));
    if (it == r.caches.end()) return 0;
    cache = std::move(it->second);
    r.caches.erase(it);
  }
  return 0;  // `cache` finalizes its statements here, before SQLite checks for any left
}

}  // namespace

SqliteStatementCache::Lease::Lease(Lease&& other) noexcept
    : stmt_(other.stmt_), entry_(other.entry_) {
  other.stmt_ = nullptr;
  other.entry_ = nullptr;
}

SqliteStatementCache::Lease::~Lease() {
  if (!stmt_) return;
  if (!entry_) {
    sqlite3_finalize(stmt_);
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  entry_->leased = false;
}

SqliteStatementCache& SqliteStatementCache::of(sqlite3* db) {
  Registry& r = registry();
  {
    std::lock_guard<std::mutex> lock(r.mutex);
    auto it = r.caches.find(db);
    if (it != r.caches.end()) return *it->second;
  }
  // Outside the registry's lock: the close hook takes it while SQLite holds the connection's.
  std::unique_ptr<SqliteStatementCache> made(new SqliteStatementCache(db));
  if (sqlite3_trace_v2(db, SQLITE_TRACE_CLOSE, finalizeOnClose, nullptr) != SQLITE_OK) {
    throw Poco::Data::DataException(std::string("sqlite3_trace_v2: ") + sqlite3_errmsg(db));
  }
  std::lock_guard<std::mutex> lock(r.mutex);
  auto& slot = r.caches[db];
  slot = std::move(made);
  return *slot;
}

const SqliteStatementCache* SqliteStatementCache::find(sqlite3* db) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  auto it = r.caches.find(db);
  return it == r.caches.end() ? nullptr : it->second.get();
}

SqliteStatementCache::~SqliteStatementCache() {
  for (auto& e : entries_) sqlite3_finalize(e.stmt);
}

sqlite3_stmt* SqliteStatementCache::compile(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK) {
    sqlite3_finalize(stmt);
    throw Poco::Data::DataException(sqlite3_errmsg(db_));
  }
  if (!stmt) throw Poco::Data::DataException("no SQL statement in: " + sql);
  ++compiled_;
  return stmt;
}

SqliteStatementCache::Lease SqliteStatementCache::lease(const std::string& sql) {
  auto found = by_sql_.find(sql);
  if (found != by_sql_.end()) {
    auto entry = found->second;
    if (entry->leased) return Lease(compile(sql), nullptr);
    entries_.splice(entries_.begin(), entries_, entry);
    entry->leased = true;
    return Lease(entry->stmt, &*entry);
  }
  sqlite3_stmt* stmt = compile(sql);
  entries_.push_front(Entry{sql, stmt, true});
  by_sql_.emplace(entries_.front().sql, entries_.begin());
  evictBeyondCapacity();
  return Lease(stmt, &entries_.front());
}

void SqliteStatementCache::evictBeyondCapacity() {
  auto it = entries_.end();
  while (entries_.size() > kCapacity && it != entries_.begin()) {
    --it;
    if (it->leased) continue;
    sqlite3_finalize(it->stmt);
    by_sql_.erase(it->sql);
    it = entries_.erase(it);
  }
}

}  // namespace beacon::store
