// RuleChangeFeed: the statements over the rule_changes feed (migration 11), in which every
// write to a table the rules read records the organisations whose obligations it may change,
// at increasing positions (`seq`). What a consumer makes of them (holes, pruning) is
// rules/rule_changes.h. Not thread-safe (follows its Session).
#pragma once

#include <functional>
#include <utility>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

class RuleChangeFeed {
 public:
  explicit RuleChangeFeed(Poco::Data::Session& session) : session_(session) {}
  // The newest position (0 when the feed is empty).
  long long newest() const;
  // The oldest and the newest position ({0, 0} when the feed is empty).
  std::pair<long long, long long> bounds() const;
  // The positions after `seq`, ascending.
  std::vector<long long> positionsAfter(long long seq) const;
  // Each row after `after` and up to `upto`, by position.
  void rows(long long after, long long upto,
            const std::function<void(long long seq, sdk::RecordId org_id)>& row) const;

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
