#include "io/export_session.h"

#include "store/record_codes.h"

namespace beacon::io {

void ExportSession::load() {
  if (loaded_) return;
  loaded_ = true;
  store::RecordCodes codes = store::readRecordCodes(db_.session());
  orgs_ = std::move(codes.organisations);
  for (auto& [id, plan] : codes.plans) {
    plans_[id] = std::move(plan.code);
    current_[id] = plan.current_version;
  }
  for (const auto& v : codes.versions) {
    versions_[v.id] = v.number;
    version_issued_[v.id] = v.issued;
    if (!v.issued.empty()) issued_[v.plan_id].emplace_back(v.issued, v.number);
  }
}

const std::string& ExportSession::orgCode(sdk::RecordId id) {
  load();
  auto it = orgs_.find(id);
  return it == orgs_.end() ? none_ : it->second;
}

const std::string& ExportSession::planCode(sdk::RecordId id) {
  load();
  auto it = plans_.find(id);
  return it == plans_.end() ? none_ : it->second;
}

std::string ExportSession::versionNumber(sdk::RecordId version_id) {
  load();
  auto it = versions_.find(version_id);
  return it == versions_.end() ? std::string() : std::to_string(it->second);
}

std::string ExportSession::versionOrCurrent(sdk::RecordId plan_id, sdk::RecordId version_id) {
  if (version_id != 0) return versionNumber(version_id);
  load();
  auto it = current_.find(plan_id);
  return it == current_.end() || it->second == 0 ? std::string() : std::to_string(it->second);
}

std::string ExportSession::versionOn(sdk::RecordId plan_id, sdk::RecordId version_id, const sdk::Date& day) {
  load();
  const std::string d = day.toString();
  if (version_id != 0) {
    auto v = version_issued_.find(version_id);
    if (v == version_issued_.end() || v->second.empty() || v->second <= d) return versionNumber(version_id);
  }
  int number = 0;
  auto it = issued_.find(plan_id);
  if (it != issued_.end()) {
    for (const auto& [issued, n] : it->second) {
      if (issued <= d) number = n;
    }
  }
  return number == 0 ? versionOrCurrent(plan_id, 0) : std::to_string(number);
}

bool ExportSession::voided(store::RecordKind kind, sdk::RecordId id) {
  auto it = voided_.find(kind);
  if (it == voided_.end()) it = voided_.emplace(kind, store::RecordVoids(db_.session()).voidedIds(kind)).first;
  return it->second.count(id) > 0;
}

}  // namespace beacon::io
