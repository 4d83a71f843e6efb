// AuditChain: the SHA-256 hash chain over the audit log. Each entry's hash
// covers its canonical content (id, time, user, OS user, action, record,
// before and after JSON) and the previous entry's hash, so changing, removing
// or inserting an entry behind the application's back breaks the chain at
// that entry. The canonical form is "beacon-audit-v1" followed by each value
// as <byte length>:<bytes>\n, so no two entries serialise alike.
// verifyAuditChain reads the log in pages (memory does not grow with it).
// A hash chain cannot tell that the newest entries were cut off, or that
// someone recomputed every hash after an edit: compare the head (newest id
// and hash) with one recorded elsewhere (AuditChainReport::head_*). Free
// functions; each call follows its Session (not thread-safe on one Session).
#pragma once

#include <string>

#include <Poco/Data/Session.h>

#include "store/audit_log.h"

namespace beacon::store {

// The hash `entry` must carry when it follows an entry whose hash is `prev_hash`.
std::string auditEntryHash(const AuditEntry& entry, const std::string& prev_hash);

struct AuditChainReport {
  enum class Problem {
    None,
    Changed,  // entry_id's content or hash is not what was written
    Removed,  // one or more entries before entry_id are gone (it follows after_id's hash in no row)
    Inserted,      // entry_id is not on the chain: the entry after it links to after_id
    HeadMismatch,  // the chain is whole but does not hold the expected head entry/hash
  };
  Problem problem = Problem::None;
  sdk::RecordId entry_id = 0;  // the first entry found wrong
  sdk::RecordId after_id = 0;  // the last good entry before it (0: none)
  std::size_t entries = 0;     // entries checked
  sdk::RecordId head_id = 0;   // the newest entry checked, and its hash
  std::string head_hash;
  bool ok() const { return problem == Problem::None; }
  // One line in zh-CN or English, naming the entry.
  std::string describe(bool english) const;
};

// Checks every entry in id order and stops at the first problem. When
// `expect_head_id` is set, the chain must also hold that entry with
// `expect_head_hash` (a head recorded earlier), which catches entries cut off
// the end or a chain rewritten from that entry on.
AuditChainReport verifyAuditChain(Poco::Data::Session& session, sdk::RecordId expect_head_id = 0,
                                  const std::string& expect_head_hash = std::string());

// Gives every entry that has no hash yet (rows written before the chain
// existed) its link, in id order. SQLite dialect: lifts the append-only
// trigger for the duration. REQUIRES: a write transaction on `session`.
void chainUnhashedAuditEntries(Poco::Data::Session& session);
// The same links without touching any trigger (the PostgreSQL migration disables its own).
void chainAuditEntries(Poco::Data::Session& session);

}  // namespace beacon::store
