// RuleChanges: reads the rule_changes feed (migration 11), in which triggers
// record, for every write to a table the rules read, the organisations whose
// obligations it may change. Positions are the feed's increasing `seq`.
// Stateless functions over a Session; not thread-safe (follows the Session).
#pragma once

#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::rules {

struct RuleChangesSince {
  long long newest = 0;                // the feed's newest position (0: empty)
  bool complete = true;                // false: rows after the asked position were pruned
  std::vector<sdk::RecordId> org_ids;  // organisations changed after it, unique
};

// The newest position of the feed (0 when it is empty).
long long newestRuleChange(Poco::Data::Session& session);

// What changed after position `seq`.
RuleChangesSince ruleChangesSince(Poco::Data::Session& session, long long seq);

}  // namespace beacon::rules
