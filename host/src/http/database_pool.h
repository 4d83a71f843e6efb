// DatabasePool: one store::Database per server worker thread, all on the
// same SQLite file (WAL and a busy timeout let them read concurrently and
// queue writers). A Database is single-threaded, so each thread only ever
// touches its own; the pool's map is guarded by a mutex.
// The pool must outlive the threads' use of it (the server stops its threads
// first).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "store/database.h"

namespace beacon::http {

class DatabasePool {
 public:
  explicit DatabasePool(std::string path) : path_(std::move(path)) {}
  // The calling thread's Database, opened on first use. Throws Poco::Exception
  // when the file cannot be opened.
  store::Database& forThisThread();
  std::size_t size() const;

 private:
  std::string path_;
  mutable std::mutex mutex_;
  std::map<std::thread::id, std::unique_ptr<store::Database>> connections_;
};

}  // namespace beacon::http
