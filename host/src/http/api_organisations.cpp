// GET /api/v1/organisations, /api/v1/organisations/tree, /api/v1/organisations/{id}
#include <map>

#include <Poco/JSON/Array.h>

#include "http/http_error.h"
#include "http/request_context.h"
#include "http/routes.h"
#include "store/record_json.h"
#include "store/record_parse.h"

namespace beacon::http {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

void listOrganisations(RequestContext& ctx) {
  const auth::Scope scope = ctx.policy().scope(ctx.requireUser());
  const std::string kind = ctx.query("kind");
  if (!kind.empty() && !store::parseOrgKind(kind))
    throw HttpError::badRequest("unknown kind \"" + kind + "\"", "kind");
  Array::Ptr items = new Array();
  for (const auto& o : ctx.organisations().list()) {
    if (!scope.contains(o.id)) continue;
    if (!kind.empty() && store::parseOrgKind(kind) != o.kind) continue;
    items->add(store::toJson(o));
  }
  Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  out->set("total", items->size());
  out->set("items", items);
  ctx.sendJson(200, out);
}

Object::Ptr treeNode(const sdk::Organisation& o, const std::multimap<sdk::RecordId, const sdk::Organisation*>& children) {
  Object::Ptr node = store::toJson(o);
  Array::Ptr kids = new Array();
  auto range = children.equal_range(o.id);
  for (auto it = range.first; it != range.second; ++it) kids->add(treeNode(*it->second, children));
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
  Array::Ptr roots = new Array();
  for (const auto& o : all) {
    if (scope.contains(o.id) && (o.parent_id == 0 || !scope.contains(o.parent_id))) {
      roots->add(treeNode(o, children));
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
  ctx.sendJson(200, store::toJson(*org));
}

}  // namespace

void addOrganisationApi(Router& router) {
  router.addCacheable("/api/v1/organisations", listOrganisations);
  router.addCacheable("/api/v1/organisations/tree", organisationTree);
  router.addCacheable("/api/v1/organisations/{id}", showOrganisation);
}

}  // namespace beacon::http
