// Write stamps (migration 35): every write transaction committed through store::Transaction, by
// any process or node, leaves one row in write_stamps saying what it may have changed, so that
// the web server's response cache drops only the answers a commit can change
// (http/write_versions.h) instead of all of them. A stamp is written once per transaction, not
// per row (the per-row cache-version triggers of branch perf-cache doubled the demo city's load
// time): Transaction::commit writes it when the transaction wrote anything. Its subject is
// kAnySubject ("may have changed anything") unless the code that opened the transaction knows
// every row it writes and says so (Transaction::stampAs): DrillService::log stamps
// "drills:<domain>" (store/drill_write_subject.h). Seq grows in commit order (SQLite has one
// writer; PostgreSQL writers take turns under the dialect's advisory lock). A commit outside
// store::Transaction (hand-written SQL, an older binary) leaves no stamp; the change watch still
// sees it, and the reader then drops everything (WriteVersions::refresh).
// Functions follow their Session (not thread-safe).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>
#include <Poco/Types.h>

namespace beacon::store {

inline constexpr const char* kAnySubject = "*";
inline constexpr const char* kDrillsSubject = "drills";  // drills of any domain, one organisation
// Bookkeeping no cached answer shows: login sessions, failed logins, login audit entries, a
// user's last look at the notifications page, the digest log. WriteVersions makes nothing stale
// for it, so a login, a session touch or a look keeps every cached page.
inline constexpr const char* kBookkeepingSubject = "bookkeeping";

struct WriteStamp {
  Poco::Int64 seq = 0;
  std::string subject;
  Poco::Int64 org_id = 0;  // 0: no one organisation
};

// A count that grows with every row this connection writes (SQLite: sqlite3_total_changes64);
// 0 on PostgreSQL, which asks the server instead (stampCommit).
Poco::Int64 connectionChangeCount(Poco::Data::Session& session);

// Writes the stamp of the write transaction open on `session` when it wrote anything since
// `changes_at_begin` (connectionChangeCount at its BEGIN; on PostgreSQL: when the transaction
// has a transaction id). `subject` is one of the constants above. Nothing on a schema older
// than migration 35. Throws Poco::Exception when the database fails.
void stampCommit(Poco::Data::Session& session, Poco::Int64 changes_at_begin,
                 const std::string& subject, Poco::Int64 org_id);

class WriteStampFeed {
 public:
  explicit WriteStampFeed(Poco::Data::Session& session) : session_(session) {}
  // The stamps after `seq`, ascending (at most `limit`).
  std::vector<WriteStamp> after(Poco::Int64 seq, int limit) const;
  // The oldest kept and the newest seq ({0, 0} when there is none).
  std::pair<Poco::Int64, Poco::Int64> bounds() const;

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
