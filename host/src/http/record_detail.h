// The detailed JSON views of a plan and a drill shared by the API and the
// pages (which render the same objects through mustache): a plan with its
// owner, versions, reviews, filings, linked drills, open corrective actions
// and attachments; a drill with its organisation, plan, corrective actions
// and attachments; and list items with organisation names. Per request
// (reads the request thread's Database); not shared.
#pragma once

#include <Poco/JSON/Object.h>

#include "beacon/sdk/records.h"
#include "http/org_labels.h"
#include "http/org_tree.h"
#include "http/request_context.h"

namespace beacon::http {

Poco::JSON::Object::Ptr planDetailJson(RequestContext& ctx, const sdk::Plan& plan);
// JustStored: the drill was stored by this request, so it has no corrective
// actions or attachments yet and those two lists are not queried.
enum class DrillAge { Stored, JustStored };
Poco::JSON::Object::Ptr drillDetailJson(RequestContext& ctx, const sdk::Drill& drill,
                                        DrillAge age = DrillAge::Stored);
// A list row: the record plus org_name / org_code (and drill type labels).
Poco::JSON::Object::Ptr planItemJson(RequestContext& ctx, const sdk::Plan& plan);
// The same for a page of plans, with the owners' names and codes from the organisation tree the
// server keeps (WriteVersions::tree, as current as the list's scope) instead of a lookup per plan
// (5.2 % of the server under bench/mixed/run.sh, bench/README.md "Mixed load" 2026-12-04).
Poco::JSON::Object::Ptr planItemJson(const sdk::Plan& plan, const OrgTree& orgs);
Poco::JSON::Object::Ptr drillItemJson(RequestContext& ctx, const sdk::Drill& drill);
// The same for a page of drills, with the organisations read once (OrgLabels).
Poco::JSON::Object::Ptr drillItemJson(RequestContext& ctx, const sdk::Drill& drill, const OrgLabels& orgs);
// OrgLabels for the organisations of these drills.
OrgLabels orgLabelsOf(RequestContext& ctx, const std::vector<sdk::Drill>& drills);

// 404 when the record does not exist, 403 when the user may not read it.
sdk::Plan readablePlan(RequestContext& ctx, sdk::RecordId id);
sdk::Drill readableDrill(RequestContext& ctx, sdk::RecordId id);

}  // namespace beacon::http
