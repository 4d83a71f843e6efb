// DrillValidator: the drill checks of the service layer with cached lookups
// of organisations, plans and plan versions, so a bulk import validates
// each row without a query: construct once per import and call preload().
// Without preload() each lookup queries the store once and is cached.
// Also resolves the codes CSV files use (organisation and plan codes).
// Not thread-safe (follows its Database); the registry must outlive it.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "plugins/plugin_registry.h"
#include "store/database.h"
#include "store/reference_rows.h"

namespace beacon::service {

class DrillValidator {
 public:
  DrillValidator(store::Database& db, const plugins::PluginRegistry& registry);
  // Loads every organisation, plan and plan version id; later misses mean "does not exist".
  void preload();
  // Normalises `drill` (trims and canonicalises fields, defaults plan_version_id
  // to the plan's current version) and validates it. The failed Status names
  // the field: domain, drill_type, org_id, date, participants, evacuees,
  // plan_id, plan_version_id, fields.<name>, or what the plugin names.
  sdk::Status prepare(sdk::Drill& drill);
  std::optional<sdk::RecordId> orgIdByCode(const std::string& code);
  std::optional<sdk::RecordId> planIdByCode(const std::string& code);
  // The id of version `number` of a plan, if it exists.
  std::optional<sdk::RecordId> versionId(sdk::RecordId plan_id, int number);
  void setToday(const sdk::Date& today) { latest_ = today.addDays(1); }

 private:
  struct OrgInfo {
    sdk::RecordId parent_id = 0;
  };
  struct PlanInfo {
    std::string code;
    std::string domain;
    sdk::RecordId owner_org_id = 0;
    int current_version = 0;
    std::map<int, sdk::RecordId> versions;  // number -> id
  };
  const OrgInfo* org(sdk::RecordId id);
  const PlanInfo* plan(sdk::RecordId id);
  void loadOrgs(const store::ReferenceKey& key);
  void loadPlans(const store::ReferenceKey& key);

  store::Database& db_;
  const plugins::PluginRegistry& registry_;
  bool preloaded_ = false;
  sdk::Date latest_;
  std::map<sdk::RecordId, std::optional<OrgInfo>> orgs_;
  std::map<std::string, sdk::RecordId> org_codes_;
  std::map<sdk::RecordId, std::optional<PlanInfo>> plans_;
  std::map<std::string, sdk::RecordId> plan_codes_;
  std::map<sdk::RecordId, sdk::RecordId> version_plan_;  // version id -> plan id
};

}  // namespace beacon::service
