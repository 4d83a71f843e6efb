#include "auth/wall_clock.h"

namespace beacon::auth {

WallClock systemClock() {
  return [] { return std::chrono::system_clock::now(); };
}

Poco::Int64 toEpochMs(WallTime t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

WallTime fromEpochMs(Poco::Int64 ms) {
  return WallTime(std::chrono::duration_cast<WallTime::duration>(std::chrono::milliseconds(ms)));
}

}  // namespace beacon::auth
