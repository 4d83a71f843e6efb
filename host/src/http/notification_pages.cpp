// The 提醒 (notifications) page GET /notifications, its API GET /api/v1/notifications and the
// digest log GET /notifications/digests. The page lists, newest first, the duties in the user's
// read scope that became due soon (即将到期), overdue (逾期) or were met late (逾期完成) after the
// day of their last look (?all=1: every current one), 100 a page, each linking to its plan or to
// the drills of its organisation, and records today as the look (a bookkeeping write: no cached
// page is dropped for it, store/write_stamp.h); its pager keeps the day it started from (?since=).
// The API answers the same items as JSON and records no look (a GET of the API changes nothing).
// The digest log (city administrator only) pages through digest_log, newest day first.
#include <Poco/URI.h>

#include "auth/access_policy.h"
#include "http/http_error.h"
#include "http/label_language.h"
#include "http/notification_feed.h"
#include "http/notification_routes.h"
#include "http/obligation_list_query.h"
#include "http/obligation_view.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "rules/notification_items.h"
#include "rules/obligation_tally.h"
#include "store/digest_log_repository.h"
#include "store/notification_look_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_labels.h"

namespace beacon::http {

namespace {

using kainjow::mustache::data;

constexpr int kPageRows = 100;
constexpr int kDigestRows = 50;

struct Listing {
  NotificationFeed feed;
  sdk::Date since;  // unset: every current item
  std::vector<rules::NotificationItem> items;
  std::map<sdk::RecordId, sdk::Organisation> orgs;
  std::unordered_map<sdk::RecordId, store::PlanLabel> plans;  // of the page's rows
  int offset = 0;
  int limit = kPageRows;
};

Listing listing(RequestContext& ctx, int limit) {
  Listing l;
  l.feed = notificationFeed(ctx);
  l.limit = limit;
  l.offset = ctx.queryInt("offset", 0, 0, 100000000);
  if (ctx.query("all") == "1") {
    l.since = {};
  } else if (ctx.hasQuery("since")) {
    l.since = ctx.queryDate("since");
  } else {
    l.since = l.feed.last_look;
  }
  l.items = rules::notificationsSince(*l.feed.results, l.since, l.feed.as_of, l.feed.due_soon_days);
  std::vector<sdk::RecordId> plan_ids;
  const std::size_t end = std::min(l.items.size(), static_cast<std::size_t>(l.offset + l.limit));
  for (std::size_t i = static_cast<std::size_t>(l.offset); i < end; ++i) {
    if (l.items[i].row.planId() != 0) plan_ids.push_back(l.items[i].row.planId());
  }
  l.plans = store::readPlanLabels(ctx.db().session(), std::move(plan_ids));
  for (auto& o : ctx.organisations().list()) l.orgs.emplace(o.id, std::move(o));
  return l;
}

std::string kindId(sdk::ObligationStatus s) {
  switch (s) {
    case sdk::ObligationStatus::DueSoon:
      return "due_soon";
    case sdk::ObligationStatus::Overdue:
      return "overdue";
    default:
      return "met_late";
  }
}

std::string hrefOf(const rules::ObligationRow& r, const Listing& l) {
  if (r.planId() != 0) return "/plans/" + std::to_string(r.planId());
  const auto o = l.orgs.find(r.orgId());
  Poco::URI uri("/drills");
  uri.addQueryParameter("org", o == l.orgs.end() ? std::to_string(r.orgId()) : o->second.code);
  uri.addQueryParameter("domain", r.domain());
  return uri.toString();
}

std::string orgName(const Listing& l, sdk::RecordId id) {
  const auto o = l.orgs.find(id);
  return o == l.orgs.end() ? std::to_string(id) : o->second.name;
}

void notificationsPage(RequestContext& ctx) {
  const bool en = ctx.english();
  Listing l = listing(ctx, kPageRows);
  const bool everything = ctx.query("all") == "1";
  data d;
  data rows{data::type::list};
  const std::size_t end = std::min(l.items.size(), static_cast<std::size_t>(l.offset + l.limit));
  for (std::size_t i = static_cast<std::size_t>(l.offset); i < end; ++i) {
    const auto& item = l.items[i];
    const rules::ObligationRow& r = item.row;
    data row;
    row.set("crossed", item.crossed.toString());
    row.set("kind", kindId(r.status()));
    row.set("kind_label", labelIn(r.status(), en));
    row.set("title", r.title(en));
    row.set("domain", domainLabel(ctx, r.domain()));
    row.set("org_name", orgName(l, r.orgId()));
    row.set("due", rules::listedDue(r).toString());
    if (const auto p = l.plans.find(r.planId()); r.planId() != 0 && p != l.plans.end()) {
      row.set("plan_title", p->second.title);
    }
    row.set("href", hrefOf(r, l));
    rows.push_back(row);
  }
  d.set("rows", rows);
  d.set("total", std::to_string(l.items.size()));
  d.set("as_of", l.feed.as_of.toString());
  if (everything) {
    d.set("everything", true);
  } else if (l.since.isSet()) {
    d.set("since", l.since.toString());
  } else {
    d.set("first_look", true);
  }
  if (!everything) d.set("all_href", "/notifications?all=1");
  if (auth::AccessPolicy::canAdminister(ctx.requireUser()))
    d.set("digests_href", "/notifications/digests");
  // The pager keeps the day this listing started from, which the look below moves.
  const int total = static_cast<int>(l.items.size());
  auto pageHref = [&](int offset) {
    Poco::URI uri("/notifications");
    for (const auto& [k, v] : ctx.queryParameters()) {
      if (k != "offset" && k != "since" && (k != "all" || everything)) uri.addQueryParameter(k, v);
    }
    if (l.since.isSet()) {
      uri.addQueryParameter("since", l.since.toString());
    } else if (!everything) {
      uri.addQueryParameter("all", "1");  // a first look lists every current item
    }
    uri.addQueryParameter("offset", std::to_string(offset));
    return uri.toString();
  };
  if (l.offset > 0) d.set("prev_href", pageHref(l.offset > l.limit ? l.offset - l.limit : 0));
  if (l.offset + l.limit < total) d.set("next_href", pageHref(l.offset + l.limit));
  d.set("range", total == 0 ? "0"
                            : std::to_string(l.offset + 1) + "–" +
                                  std::to_string(std::min(l.offset + l.limit, total)));
  store::NotificationLookRepository(ctx.db().session()).record(ctx.requireUser().id, l.feed.as_of);
  ctx.sendPage(200, "notifications.html", d, pageWord("notifications", en));
}

void notificationsApi(RequestContext& ctx) {
  const int limit = ctx.queryInt("limit", 50, 1, 500);
  Listing l = listing(ctx, limit);
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  const std::size_t end = std::min(l.items.size(), static_cast<std::size_t>(l.offset + l.limit));
  for (std::size_t i = static_cast<std::size_t>(l.offset); i < end; ++i) {
    const auto& item = l.items[i];
    const rules::ObligationRow& r = item.row;
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("kind", kindId(r.status()));
    o->set("crossed", item.crossed.toString());
    o->set("due", rules::listedDue(r).toString());
    o->set("rule_id", r.ruleId());
    o->set("title", r.title(ctx.english()));
    o->set("domain", r.domain());
    o->set("org_id", static_cast<Poco::Int64>(r.orgId()));
    o->set("org_name", orgName(l, r.orgId()));
    o->set("plan_id", static_cast<Poco::Int64>(r.planId()));
    if (const auto p = l.plans.find(r.planId()); r.planId() != 0 && p != l.plans.end()) {
      o->set("plan_code", p->second.code);
      o->set("plan_title", p->second.title);
    }
    o->set("href", hrefOf(r, l));
    items->add(o);
  }
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("as_of", l.feed.as_of.toString());
  body->set("since", l.since.toString());
  body->set("last_look", l.feed.last_look.toString());
  body->set("total", static_cast<Poco::Int64>(l.items.size()));
  body->set("limit", l.limit);
  body->set("offset", l.offset);
  body->set("items", items);
  ctx.sendJson(200, body);
}

const char* digestStatusWord(const std::string& status) {
  if (status == store::kDigestSent) return "digest_sent";
  if (status == store::kDigestFailed) return "digest_failed";
  return "digest_sending";
}

void digestsPage(RequestContext& ctx) {
  const bool en = ctx.english();
  if (!auth::AccessPolicy::canAdminister(ctx.requireUser())) {
    throw HttpError::forbidden(pageWord("refuse_digest_admin_only", en));
  }
  store::DigestLogRepository log(ctx.db().session());
  const int offset = ctx.queryInt("offset", 0, 0, 100000000);
  const int total = log.count();
  std::map<sdk::RecordId, std::string> names;
  for (const auto& o : ctx.organisations().list()) names[o.id] = o.name;
  data rows{data::type::list};
  for (const auto& r : log.page(offset, kDigestRows)) {
    data row;
    row.set("digest_date", r.digest_date);
    const auto n = names.find(r.org_id);
    row.set("org_name", n == names.end() ? std::to_string(r.org_id) : n->second);
    row.set("recipient", r.recipient);
    row.set("items", std::to_string(r.items));
    row.set("status", r.status);
    row.set("status_label", pageWord(digestStatusWord(r.status), en));
    row.set("error", r.error);
    row.set("attempts", std::to_string(r.attempts));
    row.set("sent_at", r.sent_at);
    rows.push_back(row);
  }
  data d;
  d.set("rows", rows);
  d.set("total", std::to_string(total));
  setPager(ctx, d, offset, kDigestRows, total);
  ctx.sendPage(200, "digests.html", d, pageWord("digest_log", en));
}

}  // namespace

void addNotificationRoutes(Router& router) {
  router.add("GET", "/notifications", notificationsPage);
  router.add("GET", "/notifications/digests", digestsPage);
  router.add("GET", "/api/v1/notifications", notificationsApi);
}

}  // namespace beacon::http
