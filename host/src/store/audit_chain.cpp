#include "store/audit_chain.h"

#include <deque>
#include <limits>
#include <optional>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include "store/row.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {

constexpr int kPage = 1000;
constexpr sdk::RecordId kBeforeAll =
    std::numeric_limits<sdk::RecordId>::min();  // ids a forger picks may be <= 0

void addValue(Poco::SHA2Engine& sha, const std::string& value) {
  const std::string length = std::to_string(value.size()) + ":";
  sha.update(length);
  sha.update(value);
  sha.update('\n');
}

// Entries with id > `after`, oldest first, at most kPage.
std::vector<AuditEntry> page(Poco::Data::Session& session, sdk::RecordId after) {
  Poco::Data::Statement st(session);
  st << "SELECT id, at, username, action, entity, entity_id, before_json, after_json, os_user, "
        "prev_hash, hash"
        " FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2",
      bind(static_cast<Poco::Int64>(after)), bind(kPage);
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<AuditEntry> out;
  out.reserve(rs.rowCount());
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    Row r(rs, i);
    out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.int64(5), r.text(6),
                   r.text(7), r.text(8), r.text(9), r.text(10)});
  }
  return out;
}

// Reads the log oldest first, a page at a time, with one entry of look-ahead.
class EntryStream {
 public:
  explicit EntryStream(Poco::Data::Session& session) : session_(session) {}
  // The next entry, or nullopt at the end.
  std::optional<AuditEntry> next() {
    fill();
    if (buffer_.empty()) return std::nullopt;
    AuditEntry e = std::move(buffer_.front());
    buffer_.pop_front();
    return e;
  }
  // The entry next() would return, if any.
  const AuditEntry* peek() {
    fill();
    return buffer_.empty() ? nullptr : &buffer_.front();
  }

 private:
  void fill() {
    if (!buffer_.empty() || done_) return;
    auto rows = page(session_, cursor_);
    if (rows.size() < static_cast<std::size_t>(kPage)) done_ = true;
    if (!rows.empty()) cursor_ = rows.back().id;
    for (auto& r : rows) buffer_.push_back(std::move(r));
  }
  Poco::Data::Session& session_;
  std::deque<AuditEntry> buffer_;
  sdk::RecordId cursor_ = kBeforeAll;
  bool done_ = false;
};

}  // namespace

std::string auditEntryHash(const AuditEntry& e, const std::string& prev_hash) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(std::string("beacon-audit-v1\n"));
  addValue(sha, std::to_string(e.id));
  addValue(sha, e.at);
  addValue(sha, e.username);
  addValue(sha, e.os_user);
  addValue(sha, e.action);
  addValue(sha, e.entity);
  addValue(sha, std::to_string(e.entity_id));
  addValue(sha, e.before_json);
  addValue(sha, e.after_json);
  addValue(sha, prev_hash);
  return Poco::DigestEngine::digestToHex(sha.digest());
}

AuditChainReport verifyAuditChain(Poco::Data::Session& session, sdk::RecordId expect_head_id,
                                  const std::string& expect_head_hash) {
  AuditChainReport report;
  EntryStream stream(session);
  std::string last_hash;  // the chain starts from the empty hash
  sdk::RecordId last_id = 0;
  std::optional<std::string> before_last_hash;
  sdk::RecordId before_last_id = 0;
  bool head_seen = false;
  auto fail = [&](AuditChainReport::Problem problem, sdk::RecordId entry, sdk::RecordId after) {
    report.problem = problem;
    report.entry_id = entry;
    report.after_id = after;
    return report;
  };
  while (auto cur = stream.next()) {
    ++report.entries;
    if (auditEntryHash(*cur, cur->prev_hash) != cur->hash) {
      return fail(AuditChainReport::Problem::Changed, cur->id, last_id);
    }
    if (cur->prev_hash != last_hash) {
      if (before_last_hash && cur->prev_hash == *before_last_hash) {
        // cur links past the entry before it: that one was slipped in.
        return fail(AuditChainReport::Problem::Inserted, last_id, before_last_id);
      }
      const AuditEntry* after = stream.peek();
      if (after && after->prev_hash == last_hash) {
        return fail(AuditChainReport::Problem::Inserted, cur->id, last_id);
      }
      return fail(AuditChainReport::Problem::Removed, cur->id, last_id);
    }
    if (expect_head_id != 0 && cur->id == expect_head_id) head_seen = cur->hash == expect_head_hash;
    before_last_hash = last_hash;
    before_last_id = last_id;
    last_hash = cur->hash;
    last_id = cur->id;
  }
  report.head_id = last_id;
  report.head_hash = last_hash;
  if (expect_head_id != 0 && !head_seen) {
    return fail(AuditChainReport::Problem::HeadMismatch, expect_head_id, last_id);
  }
  return report;
}

std::string AuditChainReport::describe(bool english) const {
  const std::string n = std::to_string(entry_id);
  const std::string m = std::to_string(after_id);
  switch (problem) {
    case Problem::None:
      return english ? "audit log intact: " + std::to_string(entries) + " entries, head " +
                           std::to_string(head_id) + ":" + head_hash
                     : "审计日志完整：共 " + std::to_string(entries) + " 条，链尾 " +
                           std::to_string(head_id) + ":" + head_hash;
    case Problem::Changed:
      return english ? "audit entry " + n + " was changed: its content does not match its hash"
                     : "审计日志第 " + n + " 条被改动：内容与哈希不符";
    case Problem::Removed:
      if (after_id == 0) {
        return english
                   ? "audit entry " + n +
                         " is the oldest but does not start the chain: earlier entries "
                         "were removed"
                   : "审计日志第 " + n + " 条是最早的一条，却不是哈希链的起点：之前的条目被删除";
      }
      return english ? "audit entry " + n + " does not follow entry " + m +
                           ": an entry between them was removed, or entry " + m +
                           " was changed and re-hashed"
                     : "审计日志第 " + n + " 条不接续第 " + m + " 条：其间有条目被删除，或第 " + m +
                           " 条被改动后重算了哈希";
    case Problem::Inserted:
      if (after_id == 0) {
        return english ? "audit entry " + n +
                             " was inserted out of order at the start: the chain does not pass "
                             "through it"
                       : "审计日志第 " + n + " 条是插入在开头的：不在哈希链上";
      }
      return english ? "audit entry " + n + " was inserted out of order after entry " + m +
                           ": the chain does not pass through it"
                     : "审计日志第 " + n + " 条是在第 " + m + " 条之后插入的：不在哈希链上";
    case Problem::HeadMismatch:
      return english
                 ? "audit entry " + n +
                       " does not have the expected hash (or is gone): entries were "
                       "removed from the end or the chain was rewritten; the chain now ends at "
                       "entry " +
                       m
                 : "审计日志第 " + n +
                       " 条的哈希与记录的链尾不符（或该条已不存在）：末尾条目被删除或哈希链被重写；"
                       "现在的链尾为第 " +
                       m + " 条";
  }
  return std::string();
}

void chainUnhashedAuditEntries(Poco::Data::Session& session) {
  session << "DROP TRIGGER IF EXISTS audit_log_no_update", now;
  chainAuditEntries(session);
  session << "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
             " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
      now;
}

void chainAuditEntries(Poco::Data::Session& session) {
  std::string last_hash;
  sdk::RecordId cursor = kBeforeAll;
  while (true) {
    auto rows = page(session, cursor);
    for (auto& e : rows) {
      if (e.hash.empty()) {
        e.prev_hash = last_hash;
        e.hash = auditEntryHash(e, e.prev_hash);
        session << "UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE id = $3",
            bind(e.prev_hash), bind(e.hash), bind(static_cast<Poco::Int64>(e.id)), now;
      }
      last_hash = e.hash;
      cursor = e.id;
    }
    if (rows.size() < static_cast<std::size_t>(kPage)) break;
  }
}

}  // namespace beacon::store
