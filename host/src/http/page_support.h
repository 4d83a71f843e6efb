// Building blocks the server-rendered pages share: domain choices, one
// plugin FieldSpec as a form input (choice → select with zh labels, boolean
// → checkbox, date → date input, integer → number), field error lookup and
// the pager. Per request; not shared.
#pragma once

#include <map>
#include <string>

#include <kainjow/mustache.hpp>

#include "beacon/sdk/field_spec.h"
#include "http/request_context.h"

namespace beacon::http {

kainjow::mustache::data domainOptions(RequestContext& ctx, const std::string& selected, bool include_general);
kainjow::mustache::data fieldInput(RequestContext& ctx, const sdk::FieldSpec& spec, const std::string& name,
                                   const std::string& value, const std::string& error);
std::string errorFor(const std::map<std::string, std::string>& errors, const std::string& name);
// Sets prev_href / next_href (keeping the other query parameters) and the range shown.
void setPager(RequestContext& ctx, kainjow::mustache::data& d, int offset, int limit, int total);

}  // namespace beacon::http
