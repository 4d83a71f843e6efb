#include "auth/session_store.h"

#include "auth/constant_time.h"
#include "auth/secure_random.h"
#include "auth/sha256.h"

namespace beacon::auth {

namespace {
constexpr std::size_t kPurgeEvery = 256;
}

SessionStore::SessionStore(SessionLimits limits, Clock clock) : limits_(limits), clock_(std::move(clock)) {}

bool SessionStore::expired(const Session& s, ClockTime now) const {
  return now - s.last_seen >= limits_.idle || now - s.created >= limits_.absolute;
}

Session SessionStore::create(const User& user, const std::string& ip) {
  Session s;
  s.id = randomHex(kIdBytes);
  s.csrf_token = randomHex(kIdBytes);
  s.user_id = user.id;
  s.username = user.username;
  s.ip = ip;
  s.credentials_generation = user.credentials_generation;
  const std::string key = sha256Hex(s.id);
  std::lock_guard<std::mutex> lock(mutex_);
  s.created = s.last_seen = clock_();
  if (++creates_since_purge_ >= kPurgeEvery) purgeLocked(s.created);
  sessions_[key] = s;
  return s;
}

std::optional<Session> SessionStore::find(const std::string& id) {
  if (id.size() != kIdBytes * 2) return std::nullopt;
  const std::string key = sha256Hex(id);
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = sessions_.find(key);
  if (it == sessions_.end()) return std::nullopt;
  const ClockTime now = clock_();
  if (expired(it->second, now)) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_seen = now;
  return it->second;
}

void SessionStore::destroy(const std::string& id) {
  const std::string key = sha256Hex(id);
  std::lock_guard<std::mutex> lock(mutex_);
  sessions_.erase(key);
}

std::size_t SessionStore::destroyForUser(sdk::RecordId user_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::size_t n = 0;
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (it->second.user_id == user_id) {
      it = sessions_.erase(it);
      ++n;
    } else {
      ++it;
    }
  }
  return n;
}

std::size_t SessionStore::purgeLocked(ClockTime now) {
  creates_since_purge_ = 0;
  std::size_t n = 0;
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (expired(it->second, now)) {
      it = sessions_.erase(it);
      ++n;
    } else {
      ++it;
    }
  }
  return n;
}

std::size_t SessionStore::purgeExpired() {
  std::lock_guard<std::mutex> lock(mutex_);
  return purgeLocked(clock_());
}

std::size_t SessionStore::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return sessions_.size();
}

bool SessionStore::verifyCsrf(const Session& session, const std::string& token) {
  if (token.empty() || session.csrf_token.empty()) return false;
  return constantTimeEquals(session.csrf_token, token);
}

}  // namespace beacon::auth
