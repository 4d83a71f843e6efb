// AuditQueries: the audit log read for the 审计记录 page, newest first, by
// record (entity and id), user and day range, one page at a time with the
// total. Read-only; not thread-safe (follows its Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/audit_log.h"

namespace beacon::store {

struct AuditFilter {
  std::string entity;           // empty: every kind of record
  sdk::RecordId entity_id = 0;  // 0: every record
  std::string username;         // empty: every user
  std::string from;             // YYYY-MM-DD, inclusive; empty: no bound
  std::string to;               // YYYY-MM-DD, inclusive; empty: no bound
  int limit = 50;
  int offset = 0;
};

class AuditQueries {
 public:
  explicit AuditQueries(Poco::Data::Session& session) : session_(session) {}
  std::vector<AuditEntry> list(const AuditFilter& filter);
  int count(const AuditFilter& filter);

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
