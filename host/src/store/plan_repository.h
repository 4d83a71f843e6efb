// PlanRepository: plans and their numbered versions. An issued version is
// never changed (only the text of a draft not yet issued is edited:
// editDraftText); revising a plan appends version N+1 and, when
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

// What 印发 (issue) sets on a draft version, and what it answers: the issue
// and effective dates, the approving body (审批机关), the 文号, and for a minor
// revision the corrective action whose finding it answers (0: none).
struct VersionIssue {
  sdk::Date issued;
  sdk::Date effective;
  std::string approved_by;
  std::string document_no;
  sdk::RecordId addresses_action_id = 0;
};

// When a plan was abolished (unset: not abolished, or abolished before the
// day was recorded) and the plan that replaced it (0: none).
struct PlanAbolition {
  sdk::Date date;
  sdk::RecordId replaced_by = 0;
};

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
  // 印发: sets the unissued version's issue record (its text never changes),
  // makes it the version in force and the plan Issued, and clears
  // revision_required like an issued addVersion.
  void issueVersion(sdk::RecordId version_id, const VersionIssue& issue, const Actor& actor);
  // The text of a version not yet issued (编制中), with its audit entry (before and after, with
  // the text). Returns false, writing nothing, when the version is issued or absent.
  bool editDraftText(sdk::RecordId version_id, const std::string& text, const Actor& actor);
  // Records the corrective action a new (minor) version answers.
  void setAddressedAction(sdk::RecordId version_id, sdk::RecordId action_id, const Actor& actor);
  VersionIssue issueOf(sdk::RecordId version_id);
  // 废止: the plan becomes Abolished on `date`, replaced by `replaced_by` (0: none).
  void abolish(sdk::RecordId plan_id, const PlanAbolition& abolition, const Actor& actor);
  PlanAbolition abolitionOf(sdk::RecordId plan_id);
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
