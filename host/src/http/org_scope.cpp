#include "http/org_scope.h"

#include <limits>
#include <map>

#include "http/http_error.h"
#include "http/org_picker.h"
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
    throw HttpError::badRequest(
        ctx.english() ? "no organisation \"" + ref + "\"" : "没有名称或编码为“" + ref + "”的单位", param);
  }
  return *org;
}

OrgFilter readableOrgs(RequestContext& ctx, const std::string& ref, const std::string& param) {
  const auth::User& user = ctx.requireUser();
  const auth::Scope scope = ctx.policy().scope(user);
  OrgFilter out;
  if (ref.empty()) {
    out.all = scope.all;
    if (!scope.all) out.ids = scope.list();
    return out;
  }
  const sdk::Organisation org = organisationByRef(ctx, ref, param);
  if (!scope.contains(org.id)) {
    throw HttpError::forbidden(ctx.english() ? "organisation " + org.code + " is outside your scope"
                                             : "单位 " + org.name + " 不在您的管辖范围内");
  }
  for (auto id : ctx.organisations().subtree(org.id)) {
    if (scope.contains(id)) out.ids.push_back(id);
  }
  return out;
}

}  // namespace beacon::http
