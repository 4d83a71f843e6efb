#include "http/org_scope.h"

#include <limits>
#include <map>

#include "http/http_error.h"
#include "http/page_text.h"

#include "http/org_picker.h"
#include "http/org_tree.h"
#include "http/web_state.h"
#include "http/strict_number.h"

namespace beacon::http {

sdk::Organisation organisationByRef(RequestContext& ctx, const std::string& ref, const std::string& param) {
  std::optional<sdk::Organisation> org;
  if (const auto id = parseWholeNumber(ref, 1, std::numeric_limits<sdk::RecordId>::max())) {
    org = ctx.organisations().findById(*id);
  } else {
    org = ctx.organisations().findByCode(ref);
  }
  if (!org && !ref.empty()) {  // a name, as the dashboard's organisation picker sends it
    std::map<sdk::RecordId, sdk::Organisation> all;
    for (auto& o : ctx.organisations().list()) all.emplace(o.id, std::move(o));
    if (const sdk::Organisation* named = OrgPicker(all).find(ref)) org = *named;
  }
  if (!org) {
    throw HttpError::badRequest(pageWord("refuse_no_organisation_named", ctx.english(), {ref}),
                                param);
  }
  return *org;
}

namespace {

HttpError outsideScope(RequestContext& ctx, const std::string& code, const std::string& name) {
  return HttpError::forbidden(
      pageWord("refuse_organisation_outside_scope", ctx.english(), {code, name}));
}

template <typename Ids>
OrgFilter inScope(const auth::Scope& scope, const Ids& ids) {
  OrgFilter out;
  for (auto id : ids) {
    if (scope.contains(id)) out.ids.push_back(id);
  }
  return out;
}

}  // namespace

OrgFilter readableOrgs(RequestContext& ctx, const std::string& ref, const std::string& param) {
  const auth::User& user = ctx.requireUser();
  const auth::Scope scope = ctx.policy().scope(user);
  if (ref.empty()) {
    OrgFilter out;
    out.all = scope.all;
    if (!scope.all) out.ids = scope.list();
    return out;
  }
  // The kept tree answers an id or a code; a name (the organisation picker's) is read from the store.
  const auto tree = ctx.state.versions.tree(ctx.db().session(), ctx.state.cache);
  if (const auto id = tree->byRef(ref)) {
    const OrgTree::Node* node = tree->find(*id);
    if (!scope.contains(*id)) throw outsideScope(ctx, node->code, node->name);
    return inScope(scope, tree->subtree(*id));
  }
  const sdk::Organisation org = organisationByRef(ctx, ref, param);
  if (!scope.contains(org.id)) throw outsideScope(ctx, org.code, org.name);
  return inScope(scope, ctx.organisations().subtree(org.id));
}

}  // namespace beacon::http
