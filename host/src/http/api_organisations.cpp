// GET /api/v1/organisations, /api/v1/organisations/tree, /api/v1/organisations/{id}: each
// organisation as store::toJson writes it plus its contact_email ("" : none).
#include <map>

#include <Poco/JSON/Array.h>

#include "http/http_error.h"
#include "http/request_context.h"
#include "http/routes.h"
#include "store/organisation_contacts.h"
#include "store/record_json.h"
#include "store/record_parse.h"

namespace beacon::http {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

using ContactEmails = std::map<sdk::RecordId, std::string>;

Object::Ptr organisationJson(const sdk::Organisation& o, const ContactEmails& emails) {
  Object::Ptr json = store::toJson(o);
  auto it = emails.find(o.id);
  json->set("contact_email", it == emails.end() ? std::string() : it->second);
  return json;
}

void listOrganisations(RequestContext& ctx) {
  const auth::Scope scope = ctx.policy().scope(ctx.requireUser());
  const std::string kind = ctx.query("kind");
  if (!kind.empty() && !store::parseOrgKind(kind))
    throw HttpError::badRequest("unknown kind \"" + kind + "\"", "kind");
  const ContactEmails emails = store::organisationContactEmails(ctx.db().session());
  Array::Ptr items = new Array();
  for (const auto& o : ctx.organisations().list()) {
    if (!scope.contains(o.id)) continue;
    if (!kind.empty() && store::parseOrgKind(kind) != o.kind) continue;
    items->add(organisationJson(o, emails));
  }
  Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  out->set("total", items->size());
  out->set("items", items);
  ctx.sendJson(200, out);
}

Object::Ptr treeNode(const sdk::Organisation& o,
                     const std::multimap<sdk::RecordId, const sdk::Organisation*>& children,
                     const ContactEmails& emails) {
  Object::Ptr node = organisationJson(o, emails);
  Array::Ptr kids = new Array();
  auto range = children.equal_range(o.id);
  for (auto it = range.first; it != range.second; ++it)
    kids->add(treeNode(*it->second, children, emails));
  node->set("children", kids);
  return node;
}

void organisationTree(RequestContext& ctx) {
  const auth::Scope scope = ctx.policy().scope(ctx.requireUser());
  const auto all = ctx.organisations().list();
  std::multimap<sdk::RecordId, const sdk::Organisation*> children;
  for (const auto& o : all) {
    if (scope.contains(o.id)) children.emplace(o.parent_id, &o);
  }
  const ContactEmails emails = store::organisationContactEmails(ctx.db().session());
  Array::Ptr roots = new Array();
  for (const auto& o : all) {
    if (scope.contains(o.id) && (o.parent_id == 0 || !scope.contains(o.parent_id))) {
      roots->add(treeNode(o, children, emails));
    }
  }
  Object::Ptr out = new Object();
  out->set("roots", roots);
  ctx.sendJson(200, out);
}

void showOrganisation(RequestContext& ctx) {
  auto org = ctx.organisations().findById(ctx.idParam("id"));
  if (!org) throw HttpError::notFound("no organisation " + ctx.param("id"));
  ctx.requireRead(org->id);
  Object::Ptr json = store::toJson(*org);
  json->set("contact_email", store::organisationContactEmail(ctx.db().session(), org->id));
  ctx.sendJson(200, json);
}

}  // namespace

void addOrganisationApi(Router& router) {
  router.addCacheable("/api/v1/organisations", listOrganisations);
  router.addCacheable("/api/v1/organisations/tree", organisationTree);
  router.addCacheable("/api/v1/organisations/{id}", showOrganisation);
}

}  // namespace beacon::http
