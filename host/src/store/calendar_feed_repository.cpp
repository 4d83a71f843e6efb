#include "store/calendar_feed_repository.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

sdk::RecordId CalendarFeedRepository::add(const CalendarFeedRow& feed,
                                          const std::string& secret_hash) {
  Poco::Int64 id = 0;
  session_ << "INSERT INTO calendar_feeds(user_id, org_id, secret_hash, hint, created_at)"
              " VALUES($1, $2, $3, $4, $5) RETURNING id",
      bind(static_cast<Poco::Int64>(feed.user_id)), bind(static_cast<Poco::Int64>(feed.org_id)),
      bind(secret_hash), bind(feed.hint), bind(feed.created_at), into(id), now;
  return id;
}

std::vector<CalendarFeedRow> CalendarFeedRepository::listLive(sdk::RecordId user_id,
                                                              sdk::RecordId org_id) {
  std::vector<Poco::Int64> ids;
  std::vector<std::string> hints, created;
  session_ << "SELECT id, hint, created_at FROM calendar_feeds WHERE user_id = $1 AND org_id = $2"
              " AND revoked_at = '' ORDER BY id",
      bind(static_cast<Poco::Int64>(user_id)), bind(static_cast<Poco::Int64>(org_id)), into(ids),
      into(hints), into(created), now;
  std::vector<CalendarFeedRow> out;
  out.reserve(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    out.push_back({ids[i], user_id, org_id, hints[i], created[i], ""});
  }
  return out;
}

std::optional<CalendarFeedRow> CalendarFeedRepository::findLive(const std::string& secret_hash) {
  std::vector<Poco::Int64> user_ids, org_ids;
  session_
      << "SELECT user_id, org_id FROM calendar_feeds WHERE secret_hash = $1 AND revoked_at = ''",
      bind(secret_hash), into(user_ids), into(org_ids), now;
  if (user_ids.size() != 1) return std::nullopt;
  CalendarFeedRow feed;
  feed.user_id = user_ids.front();
  feed.org_id = org_ids.front();
  return feed;
}

void CalendarFeedRepository::setRevokedAt(sdk::RecordId id, const std::string& revoked_at) {
  session_ << "UPDATE calendar_feeds SET revoked_at = $1 WHERE id = $2", bind(revoked_at),
      bind(static_cast<Poco::Int64>(id)), now;
}

}  // namespace beacon::store
