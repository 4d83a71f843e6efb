// The refusals of a page form as mustache data: each (field, message) made a
// sentence (refusal_text.h), under "errors" by field for the fields `names`
// (error-<field>), and all of them in "error_summary" with "has_errors" for
// the form-error box above the form. Per request; not shared.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "http/request_context.h"

namespace beacon::http {

void setFormRefusals(RequestContext& ctx, kainjow::mustache::data& d,
                     const std::map<std::string, std::string>& errors, const std::vector<std::string>& names);

}  // namespace beacon::http
