// NotificationFeed: what the notifications page, its API and the header's count read: the
// signed-in user's read scope checked as of today from the compliance engine's kept results
// (ComplianceEngine::checkShared under WebState::app_mutex, for that call only; nothing is
// evaluated again unless a write made it stale), with the day of the user's last look
// (store/notification_look_repository.h); rules/notification_items.h picks the items from it.
// Per request; not shared.
#pragma once

#include <cstddef>
#include <memory>

#include "beacon/sdk/date.h"
#include "http/request_context.h"
#include "rules/obligation_set.h"

namespace beacon::http {

struct NotificationFeed {
  sdk::Date as_of;
  sdk::Date last_look;                                  // unset: never looked
  std::shared_ptr<const rules::ObligationSet> results;  // never null
  int due_soon_days = 0;
};

// The feed of the signed-in user (401 without one).
NotificationFeed notificationFeed(RequestContext& ctx);

// The number of items new to the signed-in user since their last look (the page header's
// count); 0 without a user or when the check fails (a header never fails a page). Remembered
// per user while no commit changed the data (WriteVersions) and the look and day are the same,
// so most page headers ask the engine nothing (thread-safe).
std::size_t newNotificationCount(RequestContext& ctx);

}  // namespace beacon::http
