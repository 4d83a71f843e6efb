// SessionStore: the web app's server-side login sessions, kept in the
// database (web_sessions, store::WebSessionRepository), so that every
// `beacon serve` process on it shares them: a login on one is valid on the
// others, a logout on one ends the session on all, and sessions outlive a
// restart. A session id is 32 random bytes as hex, sent only in the HttpOnly
// cookie; the table holds the id's SHA-256, so a copy of the database opens
// no session and lookups reveal nothing through timing. Each session carries
// its own random CSRF token for forms. A session expires after `idle`
// without use or `absolute` after login, whichever comes first; its use is
// written back at most every kTouchEvery, so idle time counts from a use up
// to that much earlier (and a request is not a write). No in-process cache:
// the lookup by primary key measured 0.7 times the user-row read every
// request already makes (467 µs against 664 µs per statement, 20,000 each on
// a WAL file of 1,000 rows, on the shared, loaded 2-core build machine), so a
// cache would save less than that read costs, and would need revalidating
// across processes. Expired sessions are removed at each login. Not
// thread-safe (follows its Session): make one per request over that thread's
// connection.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include <Poco/Data/Session.h>

#include "auth/user.h"
#include "auth/wall_clock.h"

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
  WallTime created{};
  WallTime last_seen{};  // as stored: at most kTouchEvery before the last use
};

class SessionStore {
 public:
  static constexpr std::size_t kIdBytes = 32;
  static constexpr std::chrono::seconds kTouchEvery{60};

  SessionStore(Poco::Data::Session& connection, SessionLimits limits = {},
               WallClock clock = systemClock());

  // Opens a session (and removes the expired ones first).
  Session create(const User& user, const std::string& ip);
  // The live session, marked used now; nullopt (and removed) when unknown or expired.
  std::optional<Session> find(const std::string& id);
  void destroy(const std::string& id);
  // Ends every session of a user (password changed, account disabled); returns how many.
  std::size_t destroyForUser(sdk::RecordId user_id);
  std::size_t purgeExpired();
  std::size_t size();

  // Constant-time check of a submitted form's CSRF token; false when empty.
  static bool verifyCsrf(const Session& session, const std::string& token);

 private:
  Poco::Data::Session& connection_;
  const SessionLimits limits_;
  const WallClock clock_;
};

}  // namespace beacon::auth
