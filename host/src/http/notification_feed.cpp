#include "http/notification_feed.h"

#include <mutex>
#include <unordered_map>
#include <vector>

#include "http/cache_scope.h"

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

namespace {

// The last count of each user with what it was counted from: while no commit changed the data
// (the write version of an answer that shows everything, WriteVersions::stamp; bookkeeping writes
// such as a look leave it) and the look and day are the same, the count is too, and a page
// header asks the engine nothing.
struct CountMemo {
  const WebState* server = nullptr;
  std::uint64_t version = 0;
  sdk::Date since, as_of;
  std::size_t count = 0;
};

std::mutex memo_mutex;
std::unordered_map<sdk::RecordId, CountMemo> memos;  // by user id; guarded by memo_mutex

}  // namespace

std::size_t newNotificationCount(RequestContext& ctx) {
  if (!ctx.user) return 0;
  try {
    const sdk::RecordId user = ctx.user->id;
    ctx.state.versions.refresh(ctx.db().session(), ctx.state.cache);
    const std::uint64_t version = ctx.state.versions.stamp(CacheScope{}, 0);
    const sdk::Date today = plugins::DomainServices::systemToday();
    const sdk::Date look = store::NotificationLookRepository(ctx.db().session()).lastLook(user);
    {
      std::lock_guard<std::mutex> lock(memo_mutex);
      const auto memo = memos.find(user);
      if (memo != memos.end() && memo->second.server == &ctx.state &&
          memo->second.version == version && memo->second.since == look &&
          memo->second.as_of == today) {
        return memo->second.count;
      }
    }
    const NotificationFeed feed = notificationFeed(ctx);
    CountMemo fresh{&ctx.state, version, feed.last_look, feed.as_of,
                    rules::notificationCountSince(*feed.results, feed.last_look, feed.as_of,
                                                  feed.due_soon_days)};
    std::lock_guard<std::mutex> lock(memo_mutex);
    memos[user] = fresh;
    return fresh.count;
  } catch (const std::exception&) {
    return 0;
  }
}

}  // namespace beacon::http
