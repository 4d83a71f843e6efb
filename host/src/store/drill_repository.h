// DrillRepository: drill records (演练) with their domain fields, and the
// filtered, paged listing every view of drills uses. add() is one
// transaction with its audit entry; addBatch() stores many drills inside the
// caller's transaction (the CSV importer): one COPY stream on PostgreSQL
// (Dialect::copyRows), one prepared statement's step loop on SQLite.
// Every drill write also maintains the summary tables drill_month_counts,
// drill_org_month_counts (migrations 6 and 7) and drill_org_year_counts
// (migration 44) in the same transaction: add() and addBatch() count what
// they insert (one upsert per month or year, type and organisation, not per
// drill); triggers handle updates and deletes.
// Inserts likewise add their (organisation, plan, type) groups and flagged
// fields to drill_groups / drill_flags (migration 10) and their
// organisations to rule_changes (migration 11), once per batch.
// A correction (correct()) and a void (RecordVoids) are updates; migration
// 14's triggers count a drill, and give it flags, only while it is not voided.
// Insert drills only through this class; any new write path, or a port to
// another database, must keep the tables exact (summary::DrillTally reads
// them; its tests compare them with a fresh GROUP BY).
// Not thread-safe (follows its Session).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"
#include "store/audit_log.h"
#include "store/drill_key.h"

namespace beacon::store {

struct DrillFilter {
  sdk::RecordId id = 0;                // 0: all
  std::string domain;                  // empty: all
  std::vector<sdk::RecordId> org_ids;  // empty: all
  std::string drill_type;              // empty: all
  sdk::RecordId plan_id = 0;           // 0: all
  sdk::Date from;                      // unset: open
  sdk::Date to;                        // unset: open
  int limit = 0;                       // 0: no limit
  int offset = 0;
  bool newest_first = true;
  bool include_voided = false;         // voided drills (作废) are left out unless asked for
  // Keyset paging (list() only; offset must be 0): the `limit` drills just after `after`, or just
  // before `before`, in the list's order, listed in that order either way. An index range, so a
  // deep page costs what the first one does (OFFSET N steps over N rows).
  std::optional<DrillKey> after;
  std::optional<DrillKey> before;
};

// The summary-table counts of inserted drills not yet written (DrillRepository::addCounts): an
// import of many batches writes them once at its end. Upserting the same month rows once per
// batch leaves, in one PostgreSQL transaction, a row version per batch that every later upsert
// of the key walks past (a 1M-drill import did not finish in 30 minutes).
struct DrillCounts {
  std::map<std::tuple<std::string, std::string, std::string>, int> by_type;  // month, domain, type
  std::map<std::tuple<std::string, Poco::Int64, std::string>, int> by_org;   // month, org, domain
  void add(const std::vector<sdk::Drill>& drills);
};

class DrillRepository {
 public:
  explicit DrillRepository(Poco::Data::Session& session) : session_(session), audit_(session) {}
  sdk::RecordId add(sdk::Drill& drill, const Actor& actor);
  // Inserts all drills (one COPY on PostgreSQL, one prepared statement on SQLite); ids are not read back.
  // REQUIRES: an open Transaction; the caller writes the audit entry.
  void addBatch(const std::vector<sdk::Drill>& drills);
  // The same, leaving the summary counts in `counts` for addCounts (before the commit).
  void addBatch(const std::vector<sdk::Drill>& drills, DrillCounts& counts);
  // Writes `counts` to the summary tables and empties it. REQUIRES: the batches' Transaction.
  void addCounts(DrillCounts& counts);
  // Finds voided drills too (see RecordVoids::mark).
  std::optional<sdk::Drill> findById(sdk::RecordId id);
  std::vector<sdk::Drill> list(const DrillFilter& filter);
  // Ignores the filter's after/before keys and its limit and offset.
  int count(const DrillFilter& filter);
  // Stores `after` over drill `before.id` with a "correct" audit entry (before,
  // after with the reason). The triggers move its counts, groups and flags and
  // note its organisations in rule_changes. REQUIRES: validated `after`.
  void correct(const sdk::Drill& before, const sdk::Drill& after, const Actor& actor, const std::string& reason);

 private:
  // A deep page by offset over whole months (no plan or date filter, nor a type with
  // organisations): the same filter narrowed to the months that hold the page, with the offset
  // left within them, from the monthly counts (drill_org_month_counts or drill_month_counts,
  // plus the voided drills when listed). OFFSET N alone makes the database sort the first N + limit
  // rows of the subtree (185 ms of CPU for offset 10,000 in a township of 62,638 drills, 1M-drill
  // database); the window sorts one or two months. nullopt: the filter as it is.
  std::optional<DrillFilter> monthWindow(const DrillFilter& filter);
  // The drills the filter lists per month ("YYYY-MM"), from the monthly counts (and the voided
  // drills, when listed); nullopt for a plan, a date range, or a type with organisations.
  std::optional<std::map<std::string, long long>> monthCounts(const DrillFilter& filter);

  Poco::Data::Session& session_;
  AuditLog audit_;
};

}  // namespace beacon::store
