#include "http/notification_feed.h"

#include "http/org_scope.h"
#include "plugins/domain_services.h"
#include "rules/notification_items.h"
#include "store/notification_look_repository.h"

namespace beacon::http {

NotificationFeed notificationFeed(RequestContext& ctx) {
  const auth::User& user = ctx.requireUser();
  NotificationFeed feed;
  feed.as_of = plugins::DomainServices::systemToday();
  feed.due_soon_days = ctx.state.app.rulesConfig().dueSoonDays();
  feed.last_look = store::NotificationLookRepository(ctx.db().session()).lastLook(user.id);
  feed.results = std::make_shared<const rules::ObligationSet>();
  const OrgFilter filter = readableOrgs(ctx, "", "org");
  if (filter.none()) return feed;
  rules::CheckQuery q;
  q.as_of = feed.as_of;
  q.org_ids = filter.ids;
  std::lock_guard<std::mutex> lock(ctx.state.app_mutex);
  auto results = ctx.state.app.engine().checkShared(q);
  if (!results.isOk()) throw std::runtime_error("compliance check: " + results.status().describe());
  feed.results = std::move(results.value());
  return feed;
}

std::size_t newNotificationCount(RequestContext& ctx) {
  if (!ctx.user) return 0;
  try {
    const NotificationFeed feed = notificationFeed(ctx);
    return rules::notificationCountSince(*feed.results, feed.last_look, feed.as_of,
                                         feed.due_soon_days);
  } catch (const std::exception&) {
    return 0;
  }
}

}  // namespace beacon::http
