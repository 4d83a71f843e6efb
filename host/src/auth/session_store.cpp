#include "auth/session_store.h"

#include "auth/constant_time.h"
#include "auth/secure_random.h"
#include "auth/sha256.h"
#include "store/transaction.h"
#include "store/web_session_repository.h"
#include "store/write_stamp.h"

namespace beacon::auth {

namespace {
Poco::Int64 ms(std::chrono::seconds s) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(s).count();
}

// A write transaction stamped as login bookkeeping, which drops no cached answer
// (store/write_stamp.h); inside another transaction it joins that one and its stamp.
struct SessionWrite {
  explicit SessionWrite(Poco::Data::Session& connection) : tx(connection) {
    tx.stampAs(store::kBookkeepingSubject, 0);
  }
  store::Transaction tx;
};
}  // namespace

SessionStore::SessionStore(Poco::Data::Session& connection, SessionLimits limits, WallClock clock)
    : connection_(connection), limits_(limits), clock_(std::move(clock)) {}

Session SessionStore::create(const User& user, const std::string& ip) {
  Session s;
  s.id = randomHex(kIdBytes);
  s.csrf_token = randomHex(kIdBytes);
  s.user_id = user.id;
  s.username = user.username;
  s.ip = ip;
  s.credentials_generation = user.credentials_generation;
  s.created = s.last_seen = clock_();
  const Poco::Int64 now_ms = toEpochMs(s.created);
  SessionWrite write(connection_);
  store::WebSessionRepository sessions(connection_);
  sessions.removeExpired(now_ms - ms(limits_.idle), now_ms - ms(limits_.absolute));
  sessions.add({sha256Hex(s.id), s.csrf_token, s.user_id, s.username, s.ip,
                s.credentials_generation, now_ms, now_ms});
  write.tx.commit();
  return s;
}

std::optional<Session> SessionStore::find(const std::string& id) {
  if (id.size() != kIdBytes * 2) return std::nullopt;
  const std::string key = sha256Hex(id);
  store::WebSessionRepository sessions(connection_);
  auto row = sessions.find(key);
  if (!row) return std::nullopt;
  const Poco::Int64 now_ms = toEpochMs(clock_());
  if (now_ms - row->last_seen_ms >= ms(limits_.idle) ||
      now_ms - row->created_ms >= ms(limits_.absolute)) {
    SessionWrite write(connection_);
    sessions.remove(key);
    write.tx.commit();
    return std::nullopt;
  }
  if (now_ms - row->last_seen_ms >= ms(kTouchEvery)) {
    SessionWrite write(connection_);
    sessions.touch(key, now_ms);
    write.tx.commit();
    row->last_seen_ms = now_ms;
  }
  Session s;
  s.id = id;
  s.csrf_token = row->csrf_token;
  s.user_id = row->user_id;
  s.username = row->username;
  s.ip = row->ip;
  s.credentials_generation = row->credentials_generation;
  s.created = fromEpochMs(row->created_ms);
  s.last_seen = fromEpochMs(row->last_seen_ms);
  return s;
}

void SessionStore::destroy(const std::string& id) {
  SessionWrite write(connection_);
  store::WebSessionRepository(connection_).remove(sha256Hex(id));
  write.tx.commit();
}

std::size_t SessionStore::destroyForUser(sdk::RecordId user_id) {
  SessionWrite write(connection_);
  const std::size_t n = store::WebSessionRepository(connection_).removeForUser(user_id);
  write.tx.commit();
  return n;
}

std::size_t SessionStore::purgeExpired() {
  const Poco::Int64 now_ms = toEpochMs(clock_());
  SessionWrite write(connection_);
  const std::size_t n =
      store::WebSessionRepository(connection_)
          .removeExpired(now_ms - ms(limits_.idle), now_ms - ms(limits_.absolute));
  write.tx.commit();
  return n;
}

std::size_t SessionStore::size() { return store::WebSessionRepository(connection_).count(); }

bool SessionStore::verifyCsrf(const Session& session, const std::string& token) {
  if (token.empty() || session.csrf_token.empty()) return false;
  return constantTimeEquals(session.csrf_token, token);
}

}  // namespace beacon::auth
