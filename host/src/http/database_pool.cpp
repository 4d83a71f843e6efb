#include "http/database_pool.h"

namespace beacon::http {

store::Database& DatabasePool::forThisThread() {
  const auto id = std::this_thread::get_id();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = databases_.find(id);
    if (it != databases_.end()) return *it->second;
  }
  auto db = std::make_unique<store::Database>(path_);
  std::lock_guard<std::mutex> lock(mutex_);
  auto& slot = databases_[id];
  if (!slot) slot = std::move(db);
  return *slot;
}

std::size_t DatabasePool::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return databases_.size();
}

}  // namespace beacon::http
