// AuditLog: the append-only record of every change: who, when, what, and the
// record as JSON before and after. Repositories append within the change's
// own transaction, so a change and its audit entry commit or fail together.
// The table refuses UPDATE and DELETE, and the entries form a SHA-256 hash
// chain (audit_chain.h): append() links each entry to the newest one inside a
// write transaction, so concurrent writers still form one chain, and
// `beacon audit verify` finds an entry changed, removed or inserted behind the
// application's back. Not thread-safe (follows its Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

// Who is making a change; every repository write takes one.
struct Actor {
  std::string username;
  // The operating-system account that ran the CLI (empty for web requests),
  // recorded next to the name given with --user, which anyone can type.
  std::string os_user = std::string();
};

struct AuditEntry {
  sdk::RecordId id = 0;
  std::string at;
  std::string username;
  std::string action;  // create, update, revise, import, ...
  std::string entity;  // organisation, plan, plan_version, drill, ...
  sdk::RecordId entity_id = 0;
  std::string before_json;
  std::string after_json;
  std::string os_user;
  std::string prev_hash;  // the previous entry's hash; empty for the first entry
  std::string hash;       // SHA-256 (hex) over this entry's canonical content and prev_hash
};

class AuditLog {
 public:
  // Appends the entry linked to the newest one; opens its own transaction
  // (store::Transaction) when called outside one.
  explicit AuditLog(Poco::Data::Session& session) : session_(session) {}
  void append(const Actor& actor, const std::string& action, const std::string& entity,
              sdk::RecordId entity_id, const std::string& before_json,
              const std::string& after_json);
  // Newest first; empty `entity` means all.
  std::vector<AuditEntry> list(const std::string& entity, sdk::RecordId entity_id, int limit);

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
