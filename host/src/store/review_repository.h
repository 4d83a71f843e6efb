// ReviewRepository: 评审 (review before approval) and 评估 (periodic
// evaluation) records of plans. Append-only apart from corrections through
// the audit trail. Not thread-safe (follows its Session).
#pragma once

#include <string>
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
  // Stores `after` over review `before.id` with a "correct" audit entry
  // (before, after with the reason). REQUIRES: validated `after`.
  void correct(const sdk::Review& before, const sdk::Review& after, const Actor& actor, const std::string& reason);

 private:
  std::vector<sdk::Review> select(const std::string& where, sdk::RecordId arg);
  Poco::Data::Session& session_;
  AuditLog audit_;
};

}  // namespace beacon::store
