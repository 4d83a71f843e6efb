// ExportSession: what an export shares with its kind: the database and
// registry, the column set, the header language (which also picks ids or
// zh-CN labels for choices), and the codes that stand for internal ids in a
// file (organisation and plan codes, version numbers), read once. One per
// export; not thread-safe.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "beacon/sdk/records.h"
#include "io/csv_columns.h"
#include "plugins/plugin_registry.h"
#include "store/database.h"
#include "store/record_voids.h"

namespace beacon::io {

class ExportSession {
 public:
  ExportSession(store::Database& db, const plugins::PluginRegistry& registry,
                const CsvColumns& columns, bool english)
      : db_(db), registry_(registry), columns_(columns), english_(english) {}
  store::Database& db() { return db_; }
  const plugins::PluginRegistry& registry() const { return registry_; }
  const CsvColumns& columns() const { return columns_; }
  bool english() const { return english_; }
  // A choice as the file writes it: its id (English headers) or zh-CN label.
  std::string choice(const char* id, const char* label_zh) const {
    return english_ ? id : label_zh;
  }
  // "" for 0 or an unknown id.
  const std::string& orgCode(sdk::RecordId id);
  const std::string& planCode(sdk::RecordId id);
  // The number of a plan version, "" for 0.
  std::string versionNumber(sdk::RecordId version_id);
  // The number of `version_id`; for 0 (a record stored without its version)
  // the plan's current version, which an import of an empty cell would store.
  std::string versionOrCurrent(sdk::RecordId plan_id, sdk::RecordId version_id);
  // For an evaluation: its version, unless that was issued only after `day`
  // or none is stored (older records); then the version in force on `day`
  // (the last issued on or before it), which is what an import of an empty
  // cell stores (PlanService::addReview) and the only one it accepts.
  std::string versionOn(sdk::RecordId plan_id, sdk::RecordId version_id, const sdk::Date& day);
  // Whether record `id` of `kind` is voided (作废).
  bool voided(store::RecordKind kind, sdk::RecordId id);

 private:
  void load();
  store::Database& db_;
  const plugins::PluginRegistry& registry_;
  const CsvColumns& columns_;
  bool english_;
  bool loaded_ = false;
  std::map<sdk::RecordId, std::string> orgs_;
  std::map<sdk::RecordId, std::string> plans_;
  std::map<sdk::RecordId, int> versions_;
  std::map<sdk::RecordId, int> current_;  // plan id -> current version number
  std::map<sdk::RecordId, std::vector<std::pair<std::string, int>>> issued_;  // plan id -> (issued, number)
  std::map<sdk::RecordId, std::string> version_issued_;  // version id -> issued date  // plan id -> (issued, number)
  std::map<store::RecordKind, std::set<sdk::RecordId>> voided_;  // kind -> voided ids
  std::string none_;
};

}  // namespace beacon::io
