// Demo queries: what the deterministic Xinmi data set (demo::loadDemo) reads
// back while it builds and to say whether a database holds it: the first
// drills of a verdict on or after a date (their findings become corrective
// actions), and the number of audit entries of one entity (the data set
// writes one under its own). Named queries; not thread-safe (follows its
// Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

struct DrillSource {
  sdk::RecordId id = 0;
  sdk::RecordId org_id = 0;
  sdk::RecordId plan_id = 0;  // 0: none
};

// At most `limit` drills with `verdict` (sdk::DrillVerdict id) dated on or after `from`, by id.
std::vector<DrillSource> firstDrillsWithVerdict(Poco::Data::Session& session,
                                                const std::string& verdict, const std::string& from,
                                                int limit);
int countAuditEntries(Poco::Data::Session& session, const std::string& entity);

}  // namespace beacon::store
