#include "rules/rule_changes.h"

#include <algorithm>
#include <set>

#include "rules/row_scanner.h"

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
  long long newest = 0;
  RowScanner(session).scan("SELECT COALESCE(MAX(seq), 0) FROM rule_changes", {},
                           [&](const ScannedRow& r) { newest = r.int64(0); });
  return newest;
}

long long confirmedRuleChange(Poco::Data::Session& session) {
  const long long newest = newestRuleChange(session);
  std::vector<long long> seen;
  RowScanner(session).scan("SELECT seq FROM rule_changes WHERE seq > $1 ORDER BY seq",
                           {std::to_string(newest - kRuleFeedHoleWindow)},
                           [&](const ScannedRow& r) { seen.push_back(r.int64(0)); });
  if (seen.empty()) return newest;
  // Below the oldest row in the window nothing is known (pruned or never written): no hole there.
  const long long first = seen.front();
  seen.erase(seen.begin());
  return lastBeforeHole(first, newest, seen);
}

RuleChangesSince ruleChangesSince(Poco::Data::Session& session, long long seq) {
  RuleChangesSince out;
  long long oldest = 0;
  RowScanner scanner(session);
  scanner.scan("SELECT COALESCE(MIN(seq), 0), COALESCE(MAX(seq), 0) FROM rule_changes", {},
               [&](const ScannedRow& r) {
                 oldest = r.int64(0);
                 out.newest = r.int64(1);
               });
  out.confirmed = seq;
  if (out.newest <= seq) return out;
  // Pruning keeps the newest rows only: a gap after `seq` means changes were lost.
  out.complete = oldest <= seq + 1;
  if (!out.complete) return out;
  std::vector<long long> seen;
  std::set<sdk::RecordId> orgs;
  scanner.scan("SELECT seq, org_id FROM rule_changes WHERE seq > $1 AND seq <= $2 ORDER BY seq",
               {std::to_string(seq), std::to_string(out.newest)}, [&](const ScannedRow& r) {
                 seen.push_back(r.int64(0));
                 orgs.insert(r.int64(1));
               });
  out.confirmed = lastBeforeHole(seq, out.newest, seen);
  out.org_ids.assign(orgs.begin(), orgs.end());
  return out;
}

}  // namespace beacon::rules
