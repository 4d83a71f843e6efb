// ReviewRepository: 评审 (review before approval) and 评估 (periodic
// evaluation) records of plans. Append-only apart from corrections through
// the audit trail. Not thread-safe (follows its Session).
#pragma once

#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"
#include "store/audit_log.h"

namespace beacon::store {

class ReviewRepository {
 public:
  explicit ReviewRepository(Poco::Data::Session& session) : session_(session), audit_(session) {}
  sdk::RecordId add(sdk::Review& review, const Actor& actor);
  // Oldest first; plan_id 0 lists every plan's reviews.
  std::vector<sdk::Review> listForPlan(sdk::RecordId plan_id);
  std::optional<sdk::Review> findById(sdk::RecordId id);

 private:
  std::vector<sdk::Review> select(const std::string& where, sdk::RecordId arg);
  Poco::Data::Session& session_;
  AuditLog audit_;
};

}  // namespace beacon::store
