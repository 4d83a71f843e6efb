// GET /calendar-feed: the signed-in user's calendar subscription (订阅日历)
// for their own organisation (the city for the administrator) and everything
// under it: whether a
// subscription link exists (its hint and day, never the secret), and a button
// that makes one. POST /calendar-feed (CSRF-checked) makes a new link, which
// stops the old one (auth::CalendarFeedStore::rotate, audited), and shows it
// once: the address to paste into a calendar app and a webcal:// link that
// opens one. The address is built from the page's own origin (the POST's
// Origin header, else its Host), so it is the one the user reached the server
// by. The form carries no submission token on purpose: an idempotent replay
// would keep the answer, and with it the secret, in the database.
#include <optional>

#include <Poco/URI.h>

#include "auth/calendar_feed_store.h"
#include "http/dashboard_routes.h"
#include "http/download_name.h"
#include "http/http_error.h"
#include "http/page_text.h"
#include "store/calendar_feed_repository.h"

namespace beacon::http {

namespace {

using kainjow::mustache::data;

// "http://host:port" of the page the user is on.
std::string pageOrigin(RequestContext& ctx) {
  const std::string origin = ctx.request.get("Origin", "");
  if (!origin.empty() && origin != "null") {
    try {
      const Poco::URI uri(origin);
      if ((uri.getScheme() == "http" || uri.getScheme() == "https") && !uri.getHost().empty())
        return origin;
    } catch (const Poco::Exception&) {
      // fall back to the Host header
    }
  }
  return "http://" + ctx.request.get("Host", "127.0.0.1");
}

// The user's organisation; for a city-wide account without one (the administrator), the city.
sdk::Organisation feedOrganisation(RequestContext& ctx) {
  const auth::User& user = ctx.requireUser();
  if (auto org = ctx.organisations().findById(user.org_id)) return *org;
  if (ctx.policy().scope(user).all) {
    for (const auto& o : ctx.organisations().list()) {
      if (o.parent_id == 0) return o;
    }
  }
  throw HttpError::notFound(pageWord("refuse_account_without_organisation", ctx.english()));
}

void sendFeedPage(RequestContext& ctx, const std::string& secret) {
  const auth::User& user = ctx.requireUser();
  const std::optional<sdk::Organisation> org = feedOrganisation(ctx);
  data d;
  d.set("org_name", org->name);
  data feeds{data::type::list};
  bool has_feed = false;
  for (const auto& f :
       store::CalendarFeedRepository(ctx.db().session()).listLive(user.id, org->id)) {
    data item;
    item.set("hint", f.hint);
    item.set("created_at", f.created_at.substr(0, 10));
    feeds.push_back(item);
    has_feed = true;
  }
  d.set("has_feed", has_feed);
  d.set("feeds", feeds);
  if (!secret.empty()) {
    const std::string path = "/calendar/" + percentEncoded(org->code) + ".ics?key=" + secret;
    const std::string address = pageOrigin(ctx) + path;
    d.set("feed_url", address);
    d.set("webcal_url", "webcal" + address.substr(address.find(':')));
  }
  ctx.response.set("Cache-Control", "private, no-store");
  ctx.sendPage(200, "calendar_feed.html", d, pageWord("calendar_feed", ctx.english()));
}

void showFeed(RequestContext& ctx) { sendFeedPage(ctx, ""); }

void makeFeed(RequestContext& ctx) {
  ctx.form();  // the CSRF check comes before anything else
  const auth::User& user = ctx.requireUser();
  const auth::CreatedFeed created = auth::CalendarFeedStore(ctx.db().session())
                                        .rotate(user, feedOrganisation(ctx).id, ctx.actor());
  sendFeedPage(ctx, created.secret);
}

}  // namespace

void addCalendarFeedPage(Router& router) {
  router.add("GET", "/calendar-feed", showFeed);
  router.add("POST", "/calendar-feed", makeFeed);
}

}  // namespace beacon::http
