#include "store/wal_index_watch.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>

#include <sqlite3.h>

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Statement.h>
#include <Poco/String.h>

namespace beacon::store {

namespace {

constexpr std::uint32_t kWalIndexVersion = 3007000;  // WalIndexHdr.iVersion
constexpr std::size_t kIsInitOffset = 12;            // WalIndexHdr.isInit
constexpr std::size_t kMapBytes = 4096;              // the first page holds both copies
constexpr unsigned kRecheckEvery = 1024;  // polls between checks that the file is current

}  // namespace

WalIndexWatch::~WalIndexWatch() { unmap(); }

bool WalIndexWatch::map(Poco::Data::Session& connection) {
  if (never_) return false;
  if (shm_path_.empty()) {
    never_ = true;
    if (Poco::icompare(connection.connector(), std::string("sqlite")) != 0) return false;
    std::string mode;
    connection << "PRAGMA journal_mode", Poco::Data::Keywords::into(mode),
        Poco::Data::Keywords::now;
    if (Poco::toLower(mode) != "wal") return false;
    const char* name =
        sqlite3_db_filename(Poco::Data::SQLite::Utility::dbHandle(connection), "main");
    if (!name || !*name) return false;  // in memory or temporary
    shm_path_ = std::string(name) + "-shm";
    never_ = false;
  }
  const int fd = ::open(shm_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  // The first page must lie within the file: reading a mapped page past its
  // end would raise SIGBUS. SQLite sizes the file in 32 KB steps.
  if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(kMapBytes)) {
    ::close(fd);
    return false;
  }
  void* at = ::mmap(nullptr, kMapBytes, PROT_READ, MAP_SHARED, fd, 0);
  if (at == MAP_FAILED) {
    ::close(fd);
    return false;
  }
  fd_ = fd;
  header_.store(static_cast<const unsigned char*>(at), std::memory_order_release);
  return true;
}

void WalIndexWatch::unmap() {
  retired_.push_back(header_.exchange(nullptr));
  for (const unsigned char* at : retired_) {
    if (at) ::munmap(const_cast<unsigned char*>(at), kMapBytes);
  }
  retired_.clear();
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

bool WalIndexWatch::watching() {
  std::lock_guard<std::mutex> lock(mutex_);
  return have_last_;
}

const unsigned char* WalIndexWatch::mapped(Poco::Data::Session& connection) {
  const unsigned char* at = header_.load(std::memory_order_acquire);
  const bool recheck =
      polls_.fetch_add(1, std::memory_order_relaxed) % kRecheckEvery == kRecheckEvery - 1;
  if (at && !recheck) return at;
  std::lock_guard<std::mutex> lock(mutex_);
  at = header_.load(std::memory_order_acquire);
  if (at && recheck) {
    // SQLite removes the file when the last connection to the database
    // closes (the server's stay open, so this is a safeguard); follow the name.
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || st.st_nlink == 0) {
      // Readers may still hold the old mapping: keep it (one page) rather than unmap under them.
      retired_.push_back(header_.exchange(nullptr));
      ::close(fd_);
      fd_ = -1;
      have_last_ = false;
      at = nullptr;
    }
  }
  if (!at && map(connection)) at = header_.load(std::memory_order_acquire);
  return at;
}

WalIndexWatch::Seen WalIndexWatch::poll(Poco::Data::Session& connection) {
  const unsigned char* at = mapped(connection);
  if (!at) return Seen::Unavailable;
  // As SQLite's readers (walIndexTryHdr): the first copy, a barrier, the
  // second; a writer stores the second copy, a barrier, the first.
  Header first{};
  Header second{};
  std::memcpy(first.data(), at, kHeaderBytes);
  std::atomic_thread_fence(std::memory_order_seq_cst);
  std::memcpy(second.data(), at + kHeaderBytes, kHeaderBytes);
  std::uint32_t version = 0;
  std::memcpy(&version, first.data(), sizeof version);
  std::lock_guard<std::mutex> lock(mutex_);
  if (first != second) {
    have_last_ = false;  // a commit is updating the header: changed, and so is the next stable read
    return Seen::Changed;
  }
  if (version != kWalIndexVersion || first[kIsInitOffset] != 1) return Seen::Unavailable;
  const bool changed = !have_last_ || first != last_;
  last_ = first;
  have_last_ = true;
  return changed ? Seen::Changed : Seen::Unchanged;
}

}  // namespace beacon::store
