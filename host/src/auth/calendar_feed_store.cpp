#include "auth/calendar_feed_store.h"

#include <vector>

#include "auth/secure_random.h"
#include "auth/sha256.h"
#include "store/record_json.h"
#include "store/row.h"
#include "store/transaction.h"
#include "store/user_repository.h"

using namespace Poco::Data::Keywords;

namespace beacon::auth {

namespace {
constexpr std::size_t kSecretBytes = 32;
constexpr std::size_t kHintDigits = 8;

std::string feedJson(const CalendarFeed& f, const std::string& username) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("id", f.id);
  o->set("user_id", f.user_id);
  o->set("username", username);
  o->set("org_id", f.org_id);
  o->set("hint", f.hint);
  o->set("revoked_at", f.revoked_at);
  return store::stringify(o);
}
}  // namespace

int CalendarFeedStore::revoke(const User& user, sdk::RecordId org_id, const store::Actor& actor) {
  store::Transaction tx(session_);
  std::vector<Poco::Int64> ids;
  std::vector<std::string> hints, created;
  session_ << "SELECT id, hint, created_at FROM calendar_feeds WHERE user_id = $1 AND org_id = $2"
              " AND revoked_at = '' ORDER BY id",
      bind(static_cast<Poco::Int64>(user.id)), bind(static_cast<Poco::Int64>(org_id)), into(ids),
      into(hints), into(created), now;
  const std::string at = store::isoTimestampNow();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    session_ << "UPDATE calendar_feeds SET revoked_at = $1 WHERE id = $2", bind(at), bind(ids[i]),
        now;
    CalendarFeed before{ids[i], user.id, org_id, hints[i], created[i], ""};
    CalendarFeed after = before;
    after.revoked_at = at;
    audit_.append(actor, "revoke", "calendar_feed", ids[i], feedJson(before, user.username),
                  feedJson(after, user.username));
  }
  tx.commit();
  return static_cast<int>(ids.size());
}

CreatedFeed CalendarFeedStore::rotate(const User& user, sdk::RecordId org_id,
                                      const store::Actor& actor) {
  CreatedFeed out;
  out.secret = std::string(kFeedSecretPrefix) + randomHex(kSecretBytes);
  out.feed.user_id = user.id;
  out.feed.org_id = org_id;
  out.feed.hint = out.secret.substr(0, std::string(kFeedSecretPrefix).size() + kHintDigits);
  out.feed.created_at = store::isoTimestampNow();
  store::Transaction tx(session_);
  revoke(user, org_id, actor);
  Poco::Int64 id = 0;
  session_ << "INSERT INTO calendar_feeds(user_id, org_id, secret_hash, hint, created_at)"
              " VALUES($1, $2, $3, $4, $5) RETURNING id",
      bind(static_cast<Poco::Int64>(user.id)), bind(static_cast<Poco::Int64>(org_id)),
      bind(sha256Hex(out.secret)), bind(out.feed.hint), bind(out.feed.created_at), into(id), now;
  out.feed.id = id;
  audit_.append(actor, "create", "calendar_feed", id, "", feedJson(out.feed, user.username));
  tx.commit();
  return out;
}

std::optional<FeedGrant> CalendarFeedStore::verify(const std::string& secret) {
  const std::string prefix = kFeedSecretPrefix;
  if (secret.size() != prefix.size() + kSecretBytes * 2 ||
      secret.compare(0, prefix.size(), prefix) != 0) {
    return std::nullopt;
  }
  std::vector<Poco::Int64> user_ids, org_ids;
  session_
      << "SELECT user_id, org_id FROM calendar_feeds WHERE secret_hash = $1 AND revoked_at = ''",
      bind(sha256Hex(secret)), into(user_ids), into(org_ids), now;
  if (user_ids.size() != 1) return std::nullopt;
  auto user = store::UserRepository(session_).findById(user_ids.front());
  if (!user || user->disabled) return std::nullopt;
  return FeedGrant{std::move(*user), org_ids.front()};
}

}  // namespace beacon::auth
