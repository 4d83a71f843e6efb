// Plan activity counts: how many distinct plans had a version of one action
// (drafted, revised) issued, or a non-voided review of one kind (evaluation)
// dated, within [from, to], per kind of the plan's owner organisation: the
// SQL aggregates behind the annual report's plan figures (summary::countAnnual),
// never a row load. Named queries over plan_versions / reviews, plans and
// organisations. Not thread-safe (follows its Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

namespace beacon::store {

struct OwnerKindCount {
  std::string owner_kind;  // organisations.kind (sdk::OrgKind id)
  int plans = 0;
};

// Plans with a version of `action` (sdk::VersionAction id) issued within [from, to] (YYYY-MM-DD).
std::vector<OwnerKindCount> countPlansIssuedByOwnerKind(Poco::Data::Session& session,
                                                        const std::string& action,
                                                        const std::string& from,
                                                        const std::string& to);
// Plans with a non-voided review of `kind` (sdk::ReviewKind id) dated within [from, to].
std::vector<OwnerKindCount> countPlansReviewedByOwnerKind(Poco::Data::Session& session,
                                                          const std::string& kind,
                                                          const std::string& from,
                                                          const std::string& to);

}  // namespace beacon::store
