// Building blocks the server-rendered pages share: domain choices, one
// plugin FieldSpec as a form input (choice → select with zh labels, boolean
// → checkbox, date → date input, integer → number), field error lookup, the
// pager and the signed-in user's name in the header. Per request; not shared.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "beacon/sdk/field_spec.h"
#include "http/request_context.h"

namespace beacon::http {

kainjow::mustache::data domainOptions(RequestContext& ctx, const std::string& selected, bool include_general);
// A domain's name in the request's language (the plugin's; 综合/其他 for general; else the id).
std::string domainLabel(RequestContext& ctx, const std::string& domain);
// `error` is set only when there is one: kainjow renders {{#error}} for an empty string too.
kainjow::mustache::data fieldInput(RequestContext& ctx, const sdk::FieldSpec& spec, const std::string& name,
                                   const std::string& value, const std::string& error);
std::string errorFor(const std::map<std::string, std::string>& errors, const std::string& name);
// The errors of `names` that have one, as {name: message}: a name without an error is absent.
kainjow::mustache::data fieldErrors(const std::map<std::string, std::string>& errors,
                                    const std::vector<std::string>& names);
// Sets prev_href / next_href (keeping the other query parameters) and the range shown.
void setPager(RequestContext& ctx, kainjow::mustache::data& d, int offset, int limit, int total);
// The header's name for the signed-in user: "display name (role)", or the display name alone
// when it already holds the role's words ("市应急管理局管理员" is both a name and a role).
std::string userBadge(const std::string& display_name, const std::string& role_label);

}  // namespace beacon::http
