#include "http/org_scope.h"

#include <Poco/NumberParser.h>

#include "http/http_error.h"

namespace beacon::http {

sdk::Organisation organisationByRef(RequestContext& ctx, const std::string& ref, const std::string& param) {
  Poco::Int64 id = 0;
  std::optional<sdk::Organisation> org;
  if (Poco::NumberParser::tryParse64(ref, id)) {
    org = ctx.organisations().findById(id);
  } else {
    org = ctx.organisations().findByCode(ref);
  }
  if (!org) throw HttpError::badRequest("no organisation \"" + ref + "\"", param);
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
