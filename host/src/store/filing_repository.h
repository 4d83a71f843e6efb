// FilingRepository: 备案 records (target body, submitted date, registration
// number) and the publication date of a plan version. Not thread-safe
// (follows its Session).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"
#include "store/audit_log.h"

namespace beacon::store {

class FilingRepository {
 public:
  explicit FilingRepository(Poco::Data::Session& session) : session_(session), audit_(session) {}
  sdk::RecordId add(sdk::Filing& filing, const Actor& actor);
  // Oldest first; plan_id 0 lists every plan's filings.
  std::vector<sdk::Filing> listForPlan(sdk::RecordId plan_id);
  std::optional<sdk::Filing> findById(sdk::RecordId id);
  // Stores `after` over filing `before.id` with a "correct" audit entry
  // (before, after with the reason). REQUIRES: validated `after`.
  void correct(const sdk::Filing& before, const sdk::Filing& after, const Actor& actor, const std::string& reason);

 private:
  std::vector<sdk::Filing> select(const std::string& where, sdk::RecordId arg);
  Poco::Data::Session& session_;
  AuditLog audit_;
};

}  // namespace beacon::store
