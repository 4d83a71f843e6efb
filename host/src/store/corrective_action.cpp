#include "store/corrective_action.h"

namespace beacon::store {

const char* toId(ActionStatus v) { return v == ActionStatus::Done ? "done" : "open"; }
const char* labelZh(ActionStatus v) { return v == ActionStatus::Done ? "已整改" : "整改中"; }
const char* labelEn(ActionStatus v) { return v == ActionStatus::Done ? "Done" : "Open"; }
const char* toId(SourceKind v) { return v == SourceKind::Review ? "review" : "drill"; }

std::optional<ActionStatus> parseActionStatus(const std::string& text) {
  for (const ActionStatus v : {ActionStatus::Open, ActionStatus::Done}) {
    if (text == toId(v) || text == labelZh(v) || text == labelEn(v)) return v;
  }
  return std::nullopt;
}

}  // namespace beacon::store
