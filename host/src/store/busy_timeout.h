// Busy timeout: how long a connection waits for another connection's write
// lock before SQLite gives up (and the store reports a StorageError). One
// process-wide value, read by each Database when it opens; set once at start
// from `beacon.busy_timeout_ms` (etc/beacon.properties, default 30000).
// Thread-safe (an atomic).
#pragma once

namespace beacon::store {

constexpr int kDefaultBusyTimeoutMs = 30000;

// REQUIRES: ms >= 0. Applies to Databases opened afterwards.
void setBusyTimeoutMs(int ms);
int busyTimeoutMs();

}  // namespace beacon::store
