// CalendarFeedStore: the secrets of subscribable calendar feeds, in the
// calendar_feeds table (migration 12, store::CalendarFeedRepository). A feed
// secret ("bcf_" + 64 hex digits) belongs to one user and one organisation:
// it opens that organisation's .ics feed, read-only, as that user, and
// nothing else (it is not an API token and no other route accepts it). Only
// its SHA-256 is stored. Rotating a feed revokes the user's old secret for
// that organisation and makes a new one; both are audited without the
// secret. Not thread-safe (follows its Session).
#pragma once

#include <optional>
#include <string>

#include <Poco/Data/Session.h>

#include "auth/user.h"
#include "store/audit_log.h"
#include "store/calendar_feed_repository.h"

namespace beacon::auth {

using CalendarFeed = store::CalendarFeedRow;

struct CreatedFeed {
  CalendarFeed feed;
  std::string secret;  // shown once, never stored
};

// Whom a feed secret lets read which organisation's feed.
struct FeedGrant {
  User user;
  sdk::RecordId org_id = 0;
};

inline constexpr const char* kFeedSecretPrefix = "bcf_";

class CalendarFeedStore {
 public:
  explicit CalendarFeedStore(Poco::Data::Session& session) : session_(session), audit_(session) {}
  // A new secret for `user`'s feed of `org_id`; the previous one stops working.
  CreatedFeed rotate(const User& user, sdk::RecordId org_id, const store::Actor& actor);
  // Revokes `user`'s live feed secrets for `org_id`; returns how many.
  int revoke(const User& user, sdk::RecordId org_id, const store::Actor& actor);
  // The grant of a live secret of an enabled user; nullopt otherwise.
  std::optional<FeedGrant> verify(const std::string& secret);

 private:
  Poco::Data::Session& session_;
  store::AuditLog audit_;
};

}  // namespace beacon::auth
