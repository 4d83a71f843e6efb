#include "store/write_stamp.h"

#include <sqlite3.h>

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Exception.h>
#include <Poco/String.h>

#include "store/drill_write_subject.h"
#include "store/row_scanner.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {

bool isSqlite(Poco::Data::Session& session) {
  return Poco::icompare(session.connector(), std::string("sqlite")) == 0;
}

}  // namespace

Poco::Int64 connectionChangeCount(Poco::Data::Session& session) {
  if (!isSqlite(session)) return 0;
  return sqlite3_total_changes64(Poco::Data::SQLite::Utility::dbHandle(session));
}

void stampCommit(Poco::Data::Session& session, Poco::Int64 changes_at_begin,
                 const std::string& subject, Poco::Int64 org_id) {
  if (isSqlite(session)) {
    if (connectionChangeCount(session) == changes_at_begin) return;
    try {
      session << "INSERT INTO write_stamps(subject, org_id) VALUES($1, $2)", bind(subject),
          bind(org_id), now;
    } catch (const Poco::Exception& e) {
      // A schema before migration 35 (a failed statement leaves SQLite's transaction as it was).
      if (e.displayText().find("no such table: write_stamps") == std::string::npos) throw;
    }
    return;
  }
  // One round trip. The DO block is planned when it runs, so a schema before migration 35 (no
  // table) is no error; the subject is one of the constants of the header or a drill write
  // subject (a plugin id after "drills:") and the organisation a number, so both are written into
  // the text.
  if (subject != kAnySubject && subject != kBookkeepingSubject && !drillWriteDomain(subject))
    throw Poco::InvalidArgumentException("write stamp subject: " + subject);
  session << "DO $$ BEGIN IF txid_current_if_assigned() IS NOT NULL AND "
             "to_regclass('write_stamps') IS NOT NULL"
             " THEN INSERT INTO write_stamps(subject, org_id) VALUES('" +
                 subject + "', " + std::to_string(org_id) + "); END IF; END $$",
      now;
}

std::vector<WriteStamp> WriteStampFeed::after(Poco::Int64 seq, int limit) const {
  std::vector<WriteStamp> out;
  RowScanner(session_).scan(
      "SELECT seq, subject, org_id FROM write_stamps WHERE seq > $1 ORDER BY seq LIMIT $2",
      {std::to_string(seq), std::to_string(limit)}, [&](const ScannedRow& r) {
        out.push_back({r.int64(0), r.text(1), r.int64(2)});
      });
  return out;
}

std::pair<Poco::Int64, Poco::Int64> WriteStampFeed::bounds() const {
  std::pair<Poco::Int64, Poco::Int64> out{0, 0};
  RowScanner(session_).scan("SELECT COALESCE(MIN(seq), 0), COALESCE(MAX(seq), 0) FROM write_stamps",
                            {}, [&](const ScannedRow& r) {
                              out = {r.int64(0), r.int64(1)};
                            });
  return out;
}

}  // namespace beacon::store
