// ObligationView: the compliance engine's answer for one request, limited
// to what the user may read: the query (as of, organisations, domain), the
// results and the organisation and plan names the renderings need. The
// engine runs on the AppContext's Database under WebState::app_mutex.
// Per request; not shared.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "http/request_context.h"
#include "rules/compliance_engine.h"

namespace beacon::http {

struct ObligationView {
  rules::CheckQuery query;
  std::vector<rules::ObligationResult> results;
  std::map<sdk::RecordId, std::string> org_names;
  std::map<sdk::RecordId, std::string> plan_titles;
  std::map<sdk::RecordId, std::string> plan_codes;
};

// `as_of` unset: today. `org_ref` empty: the whole read scope. `domain`
// empty: all; otherwise general or an enabled plugin (400 naming "domain").
ObligationView checkObligations(RequestContext& ctx, sdk::Date as_of, const std::string& org_ref,
                                const std::string& domain);

}  // namespace beacon::http
