#include "auth/calendar_feed_store.h"

#include "auth/secure_random.h"
#include "auth/sha256.h"
#include "auth/user_repository.h"
#include "store/calendar_feed_repository.h"
#include "store/record_json.h"
#include "store/row.h"
#include "store/transaction.h"

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
  store::CalendarFeedRepository feeds(session_);
  const auto live = feeds.listLive(user.id, org_id);
  const std::string at = store::isoTimestampNow();
  for (const CalendarFeed& before : live) {
    feeds.setRevokedAt(before.id, at);
    CalendarFeed after = before;
    after.revoked_at = at;
    audit_.append(actor, "revoke", "calendar_feed", before.id, feedJson(before, user.username),
                  feedJson(after, user.username));
  }
  tx.commit();
  return static_cast<int>(live.size());
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
  const sdk::RecordId id =
      store::CalendarFeedRepository(session_).add(out.feed, sha256Hex(out.secret));
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
  auto live = store::CalendarFeedRepository(session_).findLive(sha256Hex(secret));
  if (!live) return std::nullopt;
  auto user = auth::UserRepository(session_).findById(live->user_id);
  if (!user || user->disabled) return std::nullopt;
  return FeedGrant{std::move(*user), live->org_id};
}

}  // namespace beacon::auth
