#include "rules/rule_changes.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "store/rule_change_feed.h"

namespace beacon::rules {

namespace {
// The last position of `seen` (ascending, all above `after`) before its first hole, counting
// only holes within the window below `newest`; `after` when the first row is missing.
long long lastBeforeHole(long long after, long long newest, const std::vector<long long>& seen) {
  long long confirmed = after;
  for (const long long s : seen) {
    if (s != confirmed + 1 && s > newest - kRuleFeedHoleWindow &&
        confirmed >= newest - kRuleFeedHoleWindow) {
      return confirmed;
    }
    confirmed = s;
  }
  return confirmed;
}
}  // namespace

long long newestRuleChange(Poco::Data::Session& session) {
  return store::RuleChangeFeed(session).newest();
}

long long confirmedRuleChange(Poco::Data::Session& session) {
  const long long newest = newestRuleChange(session);
  std::vector<long long> seen =
      store::RuleChangeFeed(session).positionsAfter(newest - kRuleFeedHoleWindow);
  if (seen.empty()) return newest;
  // Below the oldest row in the window nothing is known (pruned or never written): no hole there.
  const long long first = seen.front();
  seen.erase(seen.begin());
  return lastBeforeHole(first, newest, seen);
}

RuleChangesSince ruleChangesSince(Poco::Data::Session& session, long long seq) {
  RuleChangesSince out;
  const store::RuleChangeFeed feed(session);
  long long oldest = 0;
  std::tie(oldest, out.newest) = feed.bounds();
  out.confirmed = seq;
  if (out.newest <= seq) return out;
  // Pruning keeps the newest rows only: a gap after `seq` means changes were lost.
  out.complete = oldest <= seq + 1;
  if (!out.complete) return out;
  std::vector<long long> seen;
  std::set<sdk::RecordId> orgs;
  feed.rows(seq, out.newest, [&](long long position, sdk::RecordId org_id) {
    seen.push_back(position);
    orgs.insert(org_id);
  });
  out.confirmed = lastBeforeHole(seq, out.newest, seen);
  out.org_ids.assign(orgs.begin(), orgs.end());
  return out;
}

}  // namespace beacon::rules
