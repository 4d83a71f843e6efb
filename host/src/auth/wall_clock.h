// WallClock: the source of "now" for state that several server processes
// share through the database (login sessions, login throttling), injectable
// so tests can move time by hand. Wall time, because a monotonic clock means
// nothing to another process or host, nor after a restart; the nodes' clocks
// must agree (NTP), and stepping the system clock moves expiries and waits
// by the step. Copyable function object; the system clock is thread-safe, a
// test clock is whatever the test makes it.
#pragma once

#include <chrono>
#include <functional>

#include <Poco/Types.h>

namespace beacon::auth {

using WallTime = std::chrono::system_clock::time_point;
using WallClock = std::function<WallTime()>;

WallClock systemClock();

// Milliseconds since the Unix epoch, as the database stores times, and back.
Poco::Int64 toEpochMs(WallTime t);
WallTime fromEpochMs(Poco::Int64 ms);

}  // namespace beacon::auth
