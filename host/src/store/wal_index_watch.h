// WalIndexWatch: tells whether any connection, in this process or another,
// may have committed to a WAL-mode SQLite database since it was last asked,
// by reading the WAL-index header from the database's "-shm" file. SQLite
// updates that header on every commit (its iChange counter, mxFrame, salts
// and checksums; https://www.sqlite.org/walformat.html, "The WAL-Index
// Header"), and readers find new commits through it, so a header that has
// not changed means no new data. The header is held twice; as SQLite's own
// readers do, the watch reads the first copy, then the second, and trusts
// them only when they agree (a writer updates the second copy first).
// The file's first page is mapped read-only, so asking costs two 48-byte
// copies and a mutex; PRAGMA data_version costs a read transaction (file and
// shared-memory locks taken and released), which under eight workers cut the
// cached list from ~31k to ~12-20k answers/s. The mapping is safe while any
// connection of this process has the database open (SQLite truncates or
// removes the file only when no connection anywhere has it); the server's
// pooled connections stay open while it serves, and poll() is given one.
// poll() answers Unavailable when the connection is not SQLite in WAL mode,
// there is no such file, or the header is not one it knows (version 3007000,
// initialised): the caller must then use another check (ConnectionChanges).
// The file is found on first use from the connection (sqlite3_db_filename,
// the resolved path SQLite itself appends "-shm" to); every 1024th poll
// checks it is still the file of that name and maps the new one if not.
// The one place that reads SQLite's files behind its back. Kept on the
// end-to-end figure above (bench/wrk/README.md: the cached list at 12-22k/s
// with each worker's prepared pragma, 20-36k/s with this watch, 1.6x). In
// isolation (bench_wal_watch, 8 threads asking under one mutex as
// WriteVersions does, a commit every 20 ms, 2 shared cores, load 9,
// 2026-12-03: `build/bin/bench_wal_watch`): 73 ns of CPU per question here
// against 1,337 ns for the pragma on one connection kept for the watch
// (which also sees each commit once): that alternative would cost about 2 %
// of a cached answer and was not measured end to end (bench/README.md).
// Thread-safe: the header is read without the lock, compared under it.
#pragma once

#include <array>
#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

namespace beacon::store {

class WalIndexWatch {
 public:
  enum class Seen { Unchanged, Changed, Unavailable };

  WalIndexWatch() = default;
  ~WalIndexWatch();
  WalIndexWatch(const WalIndexWatch&) = delete;
  WalIndexWatch& operator=(const WalIndexWatch&) = delete;

  // Changed on the first successful read, whenever the header differs from
  // the previous read, and when the two copies disagree (a commit in
  // progress); Unchanged only when the header is the one read last time.
  // `connection` is any open connection to the database (used to find the
  // file on first use; not otherwise touched).
  Seen poll(Poco::Data::Session& connection);
  // Whether the last poll read the header (without polling: a poll that
  // answers Changed obliges its caller to act on it).
  bool watching();

 private:
  static constexpr std::size_t kHeaderBytes = 48;
  using Header = std::array<unsigned char, kHeaderBytes>;
  bool map(Poco::Data::Session& connection);  // REQUIRES: mutex_ held
  void unmap();
  const unsigned char* mapped(Poco::Data::Session& connection);

  std::string shm_path_;
  bool never_ = false;  // not SQLite in WAL mode on a file: always Unavailable
  std::mutex mutex_;    // guards all members but header_ and polls_
  int fd_ = -1;
  std::atomic<const unsigned char*> header_{nullptr};
  std::atomic<unsigned> polls_{0};
  std::vector<const unsigned char*> retired_;  // replaced mappings, unmapped at destruction
  bool have_last_ = false;                     // last_ holds the header read by the last poll
  Header last_{};
};

}  // namespace beacon::store
