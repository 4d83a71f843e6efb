// Clock: the source of "now" for expiry and rate limiting, injectable so tests
// can move time by hand. A monotonic clock, so changing the system time
// neither ends sessions nor lifts lockouts. Copyable function object; the
// system clock is thread-safe, a test clock is whatever the test makes it.
#pragma once

#include <chrono>
#include <functional>

namespace beacon::auth {

using ClockTime = std::chrono::steady_clock::time_point;
using Clock = std::function<ClockTime()>;

Clock steadyClock();

}  // namespace beacon::auth
