// CalendarFeedRepository: the rows of the calendar_feeds table (migration
// 12), one per feed secret a user made for an organisation's .ics feed, each
// holding the secret's SHA-256 (never the secret). The named statements only:
// making secrets and auditing are auth::CalendarFeedStore's. Not thread-safe
// (follows its Session).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

// A feed secret as stored, without the secret's hash (auth::CalendarFeed).
struct CalendarFeedRow {
  sdk::RecordId id = 0;
  sdk::RecordId user_id = 0;
  sdk::RecordId org_id = 0;
  std::string hint;  // "bcf_1a2b3c4d"
  std::string created_at;
  std::string revoked_at;  // empty while valid
};

class CalendarFeedRepository {
 public:
  explicit CalendarFeedRepository(Poco::Data::Session& session) : session_(session) {}
  // Stores `feed` (its id is ignored) under `secret_hash`; returns the new id.
  sdk::RecordId add(const CalendarFeedRow& feed, const std::string& secret_hash);
  // The user's unrevoked feeds of `org_id`, ordered by id.
  std::vector<CalendarFeedRow> listLive(sdk::RecordId user_id, sdk::RecordId org_id);
  // The unrevoked feed with `secret_hash` (user and organisation only); nullopt
  // unless exactly one is.
  std::optional<CalendarFeedRow> findLive(const std::string& secret_hash);
  void setRevokedAt(sdk::RecordId id, const std::string& revoked_at);

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
