#include "store/busy_timeout.h"

#include <atomic>

namespace beacon::store {

namespace {
std::atomic<int>& value() {
  static std::atomic<int> ms{kDefaultBusyTimeoutMs};
  return ms;
}
}  // namespace

void setBusyTimeoutMs(int ms) { value().store(ms < 0 ? 0 : ms); }

int busyTimeoutMs() { return value().load(); }

}  // namespace beacon::store
