// GET /calendar/{org code}.ics?key=<feed secret>: a subscribable calendar
// of an organisation's (and its subtree's) upcoming, due-soon and overdue
// evaluations, drills and filings from the compliance engine. Calendar
// apps cannot send cookies, so the feed's own read-only secret (`beacon
// user feed`, CalendarFeedStore) in the query authenticates, for that
// organisation's feed only; API tokens are refused in the URL. A logged-in
// browser session works too. Scope rules as everywhere.
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include "auth/calendar_feed_store.h"
#include "http/http_error.h"
#include "http/label_language.h"

#include "http/ics_calendar.h"
#include "http/obligation_view.h"
#include "http/org_scope.h"
#include "http/page_text.h"
#include "http/routes.h"
#include "rules/citation_text.h"

namespace beacon::http {

namespace {

void feed(RequestContext& ctx) {
  if (ctx.hasQuery("token")) {
    throw HttpError(401, "unauthenticated", pageWord("refuse_token_in_url", ctx.english()));
  }
  std::optional<auth::FeedGrant> grant;
  if (ctx.hasQuery("key")) {
    grant = auth::CalendarFeedStore(ctx.db().session()).verify(ctx.query("key"));
    if (!grant) {
      throw HttpError(401, "unauthenticated", pageWord("refuse_calendar_key", ctx.english()));
    }
    ctx.user = grant->user;
    ctx.session.reset();
    ctx.via_token = true;
  }
  ctx.requireUser();
  // A key opens its own organisation's feed and nothing else (404 alike for any other).
  if (grant) {
    auto keyed = ctx.organisations().findByCode(ctx.param("code"));
    if (!keyed || keyed->id != grant->org_id)
      throw HttpError::notFound("no calendar feed here for this key");
  }
  const sdk::Organisation org = organisationByRef(ctx, ctx.param("code"), "code");
  const ObligationView view = checkObligations(ctx, ctx.queryDate("as_of"), org.code, "");
  IcsCalendar calendar("Beacon · " + org.name);
  const std::vector<rules::ObligationRow> rows(view.results->begin(), view.results->end());
  const auto plans = planLabels(ctx, rows);
  for (const auto& r : rows) {
    const sdk::ObligationKind kind = r.kind();
    if (!r.due().isSet() || r.status() == sdk::ObligationStatus::NotApplicable) continue;
    if (kind != sdk::ObligationKind::Evaluation && kind != sdk::ObligationKind::Drill &&
        kind != sdk::ObligationKind::Filing && kind != sdk::ObligationKind::Publication &&
        kind != sdk::ObligationKind::Review && kind != sdk::ObligationKind::Revision) {
      continue;
    }
    IcsEvent e;
    e.uid = r.ruleId() + "-" + std::to_string(r.orgId()) + "-" + std::to_string(r.planId()) + "-" +
            r.due().toString() + "@beacon";
    e.date = r.due();
    auto org_name = view.org_names().find(r.orgId());
    const std::string& title = r.title(ctx.english());
    e.summary = "[" + labelIn(r.status(), ctx.english()) + "] " + title +
                (org_name != view.org_names().end() ? " · " + org_name->second : "");
    auto plan = plans.find(r.planId());
    const rules::CitationText citation = rules::userCitation(r.citation());
    e.description = (plan != plans.end() ? plan->second.title + "\n" : "") + citation.text +
                    (citation.note.empty() ? "" : "\n※ " + citation.note) +
                    (r.note().empty() ? "" : "\n" + r.note());
    calendar.add(e);
  }
  const std::string stamp = Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y%m%dT%H%M%SZ");
  ctx.response.set("Content-Disposition", "inline; filename=\"" + org.code + ".ics\"");
  ctx.send(200, "text/calendar; charset=utf-8", calendar.toString(stamp));
}

}  // namespace

void addCalendarFeed(Router& router) { router.add("GET", "/calendar/{code}.ics", feed, Access::Public); }

}  // namespace beacon::http
