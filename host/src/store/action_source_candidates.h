// actionSourceCandidates: the records a corrective action's source columns
// can name in a ledger file, which has no internal ids: the non-voided
// drills of one organisation on one date (of one drill type, when given), or
// the non-voided reviews of one plan on one date (of one kind), oldest first.
// The corrective-actions import and export number rivals by their position
// here. A named query; not thread-safe (follows its Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"
#include "store/corrective_action.h"

namespace beacon::store {

// `owner`: the organisation (drills) or the plan (reviews); `type` empty: any.
std::vector<sdk::RecordId> actionSourceCandidates(Poco::Data::Session& session,
                                                  store::SourceKind kind, sdk::RecordId owner,
                                                  const std::string& date, const std::string& type);

}  // namespace beacon::store
