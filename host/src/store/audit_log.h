// AuditLog: the append-only record of every change: who, when, what, and the
// record as JSON before and after. Repositories append within the change's
// own transaction, so a change and its audit entry commit or fail together.
// The table refuses UPDATE and DELETE. Not thread-safe (follows its Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

// Who is making a change; every repository write takes one.
struct Actor {
  std::string username;
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
};

class AuditLog {
 public:
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
