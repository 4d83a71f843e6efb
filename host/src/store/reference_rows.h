// Reference rows: the ids, codes and links of organisations, plans and plan
// versions that a drill is checked against and that ledger files name
// (service::DrillValidator caches them): all of them for a bulk import, or
// one looked up by id or code. Named queries; plain data; not thread-safe
// (follows its Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

// Which rows to read: every one, the one with an id, or the one with a code.
struct ReferenceKey {
  enum class By { All, Id, Code };
  By by = By::All;
  sdk::RecordId id = 0;
  std::string code;
  static ReferenceKey all() { return {}; }
  static ReferenceKey withId(sdk::RecordId id) { return {By::Id, id, {}}; }
  static ReferenceKey withCode(const std::string& code) { return {By::Code, 0, code}; }
};

struct OrgReference {
  sdk::RecordId id = 0;
  std::string code;
  sdk::RecordId parent_id = 0;  // 0: none
};

struct PlanReference {
  sdk::RecordId id = 0;
  std::string code;
  std::string domain;
  sdk::RecordId owner_org_id = 0;
  int current_version = 0;
};

struct VersionReference {
  sdk::RecordId id = 0;
  sdk::RecordId plan_id = 0;
  int number = 0;
};

std::vector<OrgReference> readOrgReferences(Poco::Data::Session& session, const ReferenceKey& key);
std::vector<PlanReference> readPlanReferences(Poco::Data::Session& session, const ReferenceKey& key);
// The versions of plan `plan_id`; 0: of every plan.
std::vector<VersionReference> readVersionReferences(Poco::Data::Session& session,
                                                    sdk::RecordId plan_id);

}  // namespace beacon::store
