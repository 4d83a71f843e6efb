// ObligationView: the compliance engine's answer for one request, limited
// to what the user may read: the query (as of, organisations, domain), the
// engine's kept results for it (shared, never copied: a page copies only
// the rows it shows, rules/obligation_page.h) and the organisations the
// renderings need, kept between organisation writes (http/kept_organisations.h;
// the dashboard, its drill-plan card and the organisation tree use these, not
// another list of their own); plan
// labels are read for the rows shown (planLabels).
// The engine runs on the HostContext's Database under WebState::app_mutex,
// held for the engine call only, never while a page renders. Per request;
// not shared.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "http/kept_organisations.h"
#include "http/request_context.h"
#include "rules/compliance_engine.h"
#include "store/plan_labels.h"

namespace beacon::http {

struct ObligationView {
  rules::CheckQuery query;
  std::shared_ptr<const rules::ObligationSet> results;  // never null
  std::shared_ptr<const KeptOrganisations> kept_orgs;   // never null
  const std::map<sdk::RecordId, sdk::Organisation>& orgs() const { return kept_orgs->orgs; }
  const std::map<sdk::RecordId, std::string>& org_names() const { return kept_orgs->names; }
};

// `as_of` unset: today. `org_ref` empty: the whole read scope. `domain`
// empty: all; otherwise general or an enabled plugin (400 naming "domain").
ObligationView checkObligations(RequestContext& ctx, sdk::Date as_of, const std::string& org_ref,
                                const std::string& domain);

// The code and title of the plans `rows` name (one query per 500 plans).
std::unordered_map<sdk::RecordId, store::PlanLabel> planLabels(
    RequestContext& ctx, const std::vector<rules::ObligationRow>& rows);

}  // namespace beacon::http
