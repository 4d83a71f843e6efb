// The write stamp subject (store/write_stamp.h) of the login bookkeeping: web_sessions,
// login_failures, login_known_pairs and audit entries of entity "login", which no cached answer
// shows. auth::SessionStore, LoginRateLimiter and LoginAudit stamp their transactions with it,
// so a login, a failed login, a logout or a session touch drops no cached answer; WriteVersions
// (http/write_versions.h) passes over it. Plain constant; thread-safe.
#pragma once

namespace beacon::store {

inline constexpr const char* kSessionsSubject = "sessions";

}  // namespace beacon::store
