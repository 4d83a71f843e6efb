#include "store/rule_change_feed.h"

#include "store/row_scanner.h"

namespace beacon::store {

long long RuleChangeFeed::newest() const {
  long long out = 0;
  RowScanner(session_).scan("SELECT COALESCE(MAX(seq), 0) FROM rule_changes", {},
                            [&](const ScannedRow& r) { out = r.int64(0); });
  return out;
}

std::pair<long long, long long> RuleChangeFeed::bounds() const {
  std::pair<long long, long long> out{0, 0};
  RowScanner(session_).scan(
      "SELECT COALESCE(MIN(seq), 0), COALESCE(MAX(seq), 0) FROM rule_changes", {},
      [&](const ScannedRow& r) { out = {r.int64(0), r.int64(1)}; });
  return out;
}

std::vector<long long> RuleChangeFeed::positionsAfter(long long seq) const {
  std::vector<long long> out;
  RowScanner(session_).scan("SELECT seq FROM rule_changes WHERE seq > $1 ORDER BY seq",
                            {std::to_string(seq)},
                            [&](const ScannedRow& r) { out.push_back(r.int64(0)); });
  return out;
}

void RuleChangeFeed::rows(long long after, long long upto,
                          const std::function<void(long long, sdk::RecordId)>& row) const {
  RowScanner(session_).scan(
      "SELECT seq, org_id FROM rule_changes WHERE seq > $1 AND seq <= $2 ORDER BY seq",
      {std::to_string(after), std::to_string(upto)},
      [&](const ScannedRow& r) { row(r.int64(0), r.int64(1)); });
}

}  // namespace beacon::store
