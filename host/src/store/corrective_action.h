// CorrectiveAction (整改措施): a fix a drill or a review found necessary, with
// its source, responsible organisation, due date and state. A host record:
// plugins never see it (it moved out of the SDK in 4.0). Plain values, with
// the stable string ids and official labels of its enumerations;
// thread-safe.
#pragma once

#include <optional>
#include <string>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::store {

enum class ActionStatus { Open, Done };
enum class SourceKind { Drill, Review };

const char* toId(ActionStatus);
const char* labelZh(ActionStatus);
const char* labelEn(ActionStatus);
const char* toId(SourceKind);
// The status from its id or its zh-CN / English label; nullopt if unknown.
std::optional<ActionStatus> parseActionStatus(const std::string&);

struct CorrectiveAction {
  sdk::RecordId id = 0;
  SourceKind source_kind = SourceKind::Drill;
  sdk::RecordId source_id = 0;
  sdk::RecordId plan_id = 0;
  std::string description;
  sdk::RecordId responsible_org_id = 0;
  sdk::Date due;
  ActionStatus status = ActionStatus::Open;
  bool plan_defect = false;  // sets "revision required" on the plan
};

}  // namespace beacon::store
