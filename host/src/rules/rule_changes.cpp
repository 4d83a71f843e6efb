#include "rules/rule_changes.h"

#include "rules/row_scanner.h"

namespace beacon::rules {

long long newestRuleChange(Poco::Data::Session& session) {
  long long newest = 0;
  RowScanner(session).scan("SELECT COALESCE(MAX(seq), 0) FROM rule_changes", {},
                           [&](const ScannedRow& r) { newest = r.int64(0); });
  return newest;
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
  if (out.newest <= seq) return out;
  // Pruning keeps the newest rows only: a gap after `seq` means changes were lost.
  out.complete = oldest <= seq + 1;
  if (!out.complete) return out;
  scanner.scan("SELECT DISTINCT org_id FROM rule_changes WHERE seq > $1 AND seq <= $2",
               {std::to_string(seq), std::to_string(out.newest)},
               [&](const ScannedRow& r) { out.org_ids.push_back(r.int64(0)); });
  return out;
}

}  // namespace beacon::rules
