// RuleChanges: reads the rule_changes feed (migration 11), in which triggers
// record, for every write to a table the rules read, the organisations whose
// obligations it may change. Positions are the feed's increasing `seq`.
//
// Why a consumer misses nothing. A consumer keeps one position: every row at
// or below it has been read. Reading stops short of a hole: the position
// advances only to the last row before the first missing `seq`, so the rows
// above a hole are read again next time, and the row that fills it is read
// when it is committed.
//  - On SQLite every write transaction holds the write lock from BEGIN
//    IMMEDIATE (store::Transaction) to COMMIT, and AUTOINCREMENT takes each
//    `seq` under that lock, so rows are committed in `seq` order and a
//    rolled-back allocation is rolled back with its transaction: there are no
//    holes, and a snapshot that sees `seq` N sees every row below N.
//  - Where that does not hold (a sequence allocated outside the write lock,
//    as on PostgreSQL, or a row written with an explicit lower `seq`), a row
//    committed late below the newest one read is still within the consumer's
//    position. A hole more than kRuleFeedHoleWindow positions behind the
//    newest row is taken for an allocation that was rolled back and skipped
//    (its writer would have had to stay open while that many later rows were
//    committed); pruned rows below the oldest one are not holes.
// Stateless functions over a Session; not thread-safe (follows the Session).
// Read inside one read transaction with the records the changes cover.
#pragma once

#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::rules {

constexpr long long kRuleFeedHoleWindow = 10000;

struct RuleChangesSince {
  long long newest = 0;                // the feed's newest position (0: empty)
  long long confirmed = 0;             // the position to continue from (every row up to it read)
  bool complete = true;                // false: rows after the asked position were pruned
  std::vector<sdk::RecordId> org_ids;  // organisations changed after it, unique
};

// The newest position of the feed (0 when it is empty).
long long newestRuleChange(Poco::Data::Session& session);

// The position a consumer that has read everything committed now continues from:
// the newest row, or the row before the first hole within the window.
long long confirmedRuleChange(Poco::Data::Session& session);

// What changed after position `seq` (rows above the first hole included).
RuleChangesSince ruleChangesSince(Poco::Data::Session& session, long long seq);

}  // namespace beacon::rules
