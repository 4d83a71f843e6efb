#include "http/database_pool.h"

namespace beacon::http {

DatabasePool::Connection& DatabasePool::connectionForThisThread() {
  const auto id = std::this_thread::get_id();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = connections_.find(id);
    if (it != connections_.end()) return *it->second;
  }
  auto connection = std::make_unique<Connection>(path_);
  std::lock_guard<std::mutex> lock(mutex_);
  auto& slot = connections_[id];
  if (!slot) slot = std::move(connection);
  return *slot;
}

store::Database& DatabasePool::forThisThread() { return connectionForThisThread().database; }

ConnectionChanges& DatabasePool::changesForThisThread() { return connectionForThisThread().changes; }

std::size_t DatabasePool::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return connections_.size();
}

}  // namespace beacon::http
