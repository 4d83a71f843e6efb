// SessionStore: the web app's server-side login sessions, held in memory
// (sessions end when the server restarts; users log in again). A session id
// is 32 random bytes as hex, sent only in the HttpOnly cookie; the store
// keys sessions by the id's SHA-256 so lookups reveal nothing through
// timing. Each session carries its own random CSRF token for forms. A
// session expires after `idle` without use or `absolute` after login,
// whichever comes first. Thread-safe (one mutex).
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "auth/clock.h"
#include "auth/user.h"

namespace beacon::auth {

struct SessionLimits {
  std::chrono::seconds idle{30 * 60};
  std::chrono::seconds absolute{12 * 60 * 60};
};

struct Session {
  std::string id;          // 64 hex digits; the cookie value
  std::string csrf_token;  // 64 hex digits; the hidden form field
  sdk::RecordId user_id = 0;
  std::string username;
  std::string ip;
  int credentials_generation = 0;  // the user's, when the session was opened
  ClockTime created{};
  ClockTime last_seen{};
};

class SessionStore {
 public:
  static constexpr std::size_t kIdBytes = 32;

  explicit SessionStore(SessionLimits limits = {}, Clock clock = steadyClock());
  SessionStore(const SessionStore&) = delete;
  SessionStore& operator=(const SessionStore&) = delete;

  Session create(const User& user, const std::string& ip);
  // The live session and marks it used now; nullopt (and forgotten) when
  // unknown or expired.
  std::optional<Session> find(const std::string& id);
  void destroy(const std::string& id);
  // Ends every session of a user (password changed, account disabled); returns how many.
  std::size_t destroyForUser(sdk::RecordId user_id);
  std::size_t purgeExpired();
  std::size_t size() const;

  // Constant-time check of a submitted form's CSRF token; false when empty.
  static bool verifyCsrf(const Session& session, const std::string& token);

 private:
  bool expired(const Session& s, ClockTime now) const;
  std::size_t purgeLocked(ClockTime now);

  const SessionLimits limits_;
  const Clock clock_;
  mutable std::mutex mutex_;
  std::map<std::string, Session> sessions_;  // keyed by sha256Hex(id)
  std::size_t creates_since_purge_ = 0;
};

}  // namespace beacon::auth
