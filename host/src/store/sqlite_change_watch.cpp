#include "store/sqlite_change_watch.h"

namespace beacon::store {

bool SqliteChangeWatch::changed(Poco::Data::Session& connection) {
  const WalIndexWatch::Seen seen = wal_.poll(connection);
  if (seen != WalIndexWatch::Seen::Unavailable) return seen == WalIndexWatch::Seen::Changed;
  ConnectionChanges* changes = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& slot = fallback_[&connection];
    if (!slot) slot = std::make_unique<ConnectionChanges>(connection);
    changes = slot.get();
  }
  // One connection belongs to one thread at a time, and so does its ConnectionChanges.
  return changes->changed();
}

}  // namespace beacon::store
