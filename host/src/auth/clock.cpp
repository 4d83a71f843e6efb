#include "auth/clock.h"

namespace beacon::auth {

Clock steadyClock() {
  return [] { return std::chrono::steady_clock::now(); };
}

}  // namespace beacon::auth
