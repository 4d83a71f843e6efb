#include "http/database_pool.h"

namespace beacon::http {

store::Database& DatabasePool::forThisThread() {
  const auto id = std::this_thread::get_id();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = connections_.find(id);
    if (it != connections_.end()) return *it->second;
  }
  auto connection = std::make_unique<store::Database>(path_);
  std::lock_guard<std::mutex> lock(mutex_);
  auto& slot = connections_[id];
  if (!slot) slot = std::move(connection);
  return *slot;
}

std::size_t DatabasePool::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return connections_.size();
}

}  // namespace beacon::http
