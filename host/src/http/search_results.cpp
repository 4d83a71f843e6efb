#include "http/search_results.h"

#include <Poco/JSON/Object.h>
#include <Poco/String.h>

#include "http/http_error.h"
#include "http/label_language.h"

#include "http/page_text.h"

#include "http/org_labels.h"
#include "http/org_scope.h"
#include "http/page_support.h"
#include "store/record_parse.h"

namespace beacon::http {

namespace {

constexpr std::size_t kMaxSearchCharacters = 100;

using Poco::JSON::Object;

std::size_t utf8Length(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// The organisations `hits` name through `org` (a plan's owner, a drill's organisation).
template <class Hit>
std::vector<sdk::RecordId> orgIdsOf(const store::SearchHits<Hit>& hits, sdk::RecordId Hit::*org) {
  std::vector<sdk::RecordId> ids;
  for (const auto& h : hits.items) ids.push_back(h.*org);
  return ids;
}

Poco::JSON::Array::Ptr planItems(RequestContext& ctx,
                                 const store::SearchHits<store::PlanHit>& hits) {
  const bool en = ctx.english();
  const OrgLabels orgs(ctx.db().session(), orgIdsOf(hits, &store::PlanHit::owner_org_id));
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& h : hits.items) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", h.id);
    o->set("code", h.code);
    o->set("title", h.title);
    o->set("domain", h.domain);
    o->set("domain_label", domainLabel(ctx, h.domain));
    o->set("status", h.status);
    const auto status = store::parsePlanStatus(h.status);
    o->set("status_label", status ? labelIn(*status, en) : h.status);
    o->set("owner_org_id", h.owner_org_id);
    o->set("owner_name", orgs.name(h.owner_org_id));
    o->set("href", "/plans/" + std::to_string(h.id));
    items->add(o);
  }
  return items;
}

Poco::JSON::Array::Ptr drillItems(RequestContext& ctx,
                                  const store::SearchHits<store::DrillHit>& hits) {
  const bool en = ctx.english();
  const OrgLabels orgs(ctx.db().session(), orgIdsOf(hits, &store::DrillHit::org_id));
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& h : hits.items) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", h.id);
    o->set("date", h.date);
    o->set("domain", h.domain);
    o->set("domain_label", domainLabel(ctx, h.domain));
    o->set("drill_type", h.drill_type);
    const sdk::DrillType* type = ctx.state.app.plugins().drillType(h.drill_type);
    o->set("drill_type_label",
           type ? inLanguage(en, type->label_en, type->label_zh) : h.drill_type);
    o->set("org_id", h.org_id);
    o->set("org_name", orgs.name(h.org_id));
    o->set("place", h.place);
    o->set("scenario", h.scenario);
    o->set("href", "/drills/" + std::to_string(h.id));
    items->add(o);
  }
  return items;
}

Poco::JSON::Array::Ptr organisationItems(RequestContext& ctx,
                                         const store::SearchHits<store::OrganisationHit>& hits) {
  const bool en = ctx.english();
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& h : hits.items) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", h.id);
    o->set("code", h.code);
    o->set("name", h.name);
    o->set("kind", h.kind);
    const auto kind = store::parseOrgKind(h.kind);
    o->set("kind_label", kind ? labelIn(*kind, en) : h.kind);
    o->set("parent_id", h.parent_id);
    o->set("contact_email", h.contact_email);
    o->set("href", "/organisations#org-" + h.code);
    items->add(o);
  }
  return items;
}

}  // namespace

const char* toId(SearchKind kind) {
  switch (kind) {
    case SearchKind::Plan:
      return "plan";
    case SearchKind::Drill:
      return "drill";
    case SearchKind::Organisation:
      return "organisation";
  }
  return "plan";
}

std::string searchText(RequestContext& ctx) {
  const std::string q = Poco::trim(ctx.query("q"));
  if (utf8Length(q) > kMaxSearchCharacters) {
    throw HttpError::badRequest(pageWord("refuse_search_too_long", ctx.english()), "q");
  }
  return q;
}

std::vector<SearchKind> searchKinds(RequestContext& ctx) {
  const std::string kind = ctx.query("kind");
  if (kind.empty()) return {SearchKind::Plan, SearchKind::Drill, SearchKind::Organisation};
  for (auto k : {SearchKind::Plan, SearchKind::Drill, SearchKind::Organisation}) {
    if (kind == toId(k)) return {k};
  }
  throw HttpError::badRequest(pageWord("refuse_search_kind", ctx.english(), {kind}), "kind");
}

SearchSection searchSection(RequestContext& ctx, SearchKind kind, const std::string& q,
                            const store::SearchPage& page) {
  const OrgFilter readable = readableOrgs(ctx, "", "q");
  store::SearchScope scope{readable.all, readable.ids};
  store::SearchQueries search(ctx.db().session());
  SearchSection out;
  out.kind = kind;
  out.limit = page.limit;
  out.offset = page.offset;
  switch (kind) {
    case SearchKind::Plan: {
      const auto hits = search.plans(q, scope, page);
      out.total = hits.total;
      out.items = planItems(ctx, hits);
      break;
    }
    case SearchKind::Drill: {
      const auto hits = search.drills(q, scope, page);
      out.total = hits.total;
      out.items = drillItems(ctx, hits);
      break;
    }
    case SearchKind::Organisation: {
      const auto hits = search.organisations(q, scope, page);
      out.total = hits.total;
      out.items = organisationItems(ctx, hits);
      break;
    }
  }
  return out;
}

}  // namespace beacon::http
