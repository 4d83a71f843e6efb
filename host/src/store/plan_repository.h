// PlanRepository: plans and their immutable, numbered versions. A version is
// never changed once stored; revising a plan appends version N+1 and, when
// that version is issued (or the plan has no issued version yet), moves the
// plan's current_version (the version in force) in the same transaction.
// Each write carries its audit entry. Not thread-safe (follows its Session).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"
#include "store/audit_log.h"

namespace beacon::store {

struct PlanFilter {
  std::string domain;                  // empty: all
  std::vector<sdk::RecordId> owner_ids;  // empty: all
  std::string status;                  // empty: all
  int limit = 0;                       // 0: no limit
  int offset = 0;
};

class PlanRepository {
 public:
  explicit PlanRepository(Poco::Data::Session& session) : session_(session), audit_(session) {}
  sdk::RecordId add(sdk::Plan& plan, const Actor& actor);
  // Appends the next version (number assigned). An issued version becomes
  // current, clears revision_required and makes the plan Issued; an unissued
  // one becomes current only while the current version is unissued (or there
  // is none), so a draft revision leaves an issued plan as it is.
  sdk::RecordId addVersion(sdk::PlanVersion& version, const Actor& actor);
  void setStatus(sdk::RecordId plan_id, sdk::PlanStatus status, const Actor& actor);
  void setRevisionRequired(sdk::RecordId plan_id, bool required, const std::string& reason,
                           const Actor& actor);
  std::optional<sdk::Plan> findById(sdk::RecordId id);
  std::optional<sdk::Plan> findByCode(const std::string& code);
  std::vector<sdk::Plan> list(const PlanFilter& filter);
  int count(const PlanFilter& filter);
  // Oldest first; `with_text` loads the full text.
  std::vector<sdk::PlanVersion> versions(sdk::RecordId plan_id, bool with_text);
  std::optional<sdk::PlanVersion> version(sdk::RecordId plan_id, int number);
  std::optional<sdk::PlanVersion> versionById(sdk::RecordId version_id);

 private:
  std::vector<sdk::Plan> select(const std::string& where, const PlanFilter& filter,
                                const std::string& arg);
  void audit(const Actor& actor, const std::string& action, const sdk::Plan& before,
             sdk::RecordId id);
  Poco::Data::Session& session_;
  AuditLog audit_;
};

}  // namespace beacon::store
