// CorrectiveActionRepository: actions raised by drills and reviews (整改),
// with their responsible organisation, due date and status. Not thread-safe
// (follows its Session).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"
#include "store/audit_log.h"
#include "store/corrective_action.h"

namespace beacon::store {

class CorrectiveActionRepository {
 public:
  explicit CorrectiveActionRepository(Poco::Data::Session& session)
      : session_(session), audit_(session) {}
  sdk::RecordId add(store::CorrectiveAction& action, const Actor& actor);
  void setStatus(sdk::RecordId id, store::ActionStatus status, const Actor& actor);
  std::optional<store::CorrectiveAction> findById(sdk::RecordId id);
  // Stores `after`'s description, responsible organisation and due date over
  // action `before.id` with a "correct" audit entry. REQUIRES: validated `after`.
  void correct(const store::CorrectiveAction& before, const store::CorrectiveAction& after,
               const Actor& actor, const std::string& reason);
  // plan_id 0: every action; open_only filters to open ones.
  std::vector<store::CorrectiveAction> listForPlan(sdk::RecordId plan_id, bool open_only);
  std::vector<store::CorrectiveAction> listForSource(store::SourceKind kind,
                                                     sdk::RecordId source_id);

 private:
  std::vector<store::CorrectiveAction> select(const std::string& where, Poco::Int64 a,
                                              Poco::Int64 b, const std::string& text);
  Poco::Data::Session& session_;
  AuditLog audit_;
};

}  // namespace beacon::store
