// ComplianceEngine: answers "what is due, overdue or met as of this date" for
// every plan and organisation. Runs the host's core rules (all domains,
// `general` included) and then each enabled plugin's DomainRules, each call
// guarded so a failing plugin is logged and skipped while the others still
// report; filters by organisation and domain and turns each obligation into
// a status with the deployment's due-soon margin. The last check's results
// are kept and returned again for the same query while the store's
// DataVersion is unchanged (any write through this connection or a commit
// by another one starts a fresh check). Not thread-safe (uses the
// Database's Session); give each thread its own engine and Database.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "beacon/sdk/obligation.h"
#include "beacon/sdk/status.h"
#include "plugins/plugin_registry.h"
#include "rules/data_version.h"
#include "rules/holiday_calendar.h"
#include "rules/rules_config.h"
#include "store/database.h"

namespace beacon::rules {

struct CheckQuery {
  sdk::Date as_of;
  std::vector<sdk::RecordId> org_ids;  // empty: all; else only obligations of these orgs (a subtree)
  std::string domain;                  // empty: all
};

struct ObligationResult {
  sdk::Obligation obligation;
  sdk::ObligationStatus status = sdk::ObligationStatus::Upcoming;
};

class ComplianceEngine {
 public:
  // All four outlive the engine.
  ComplianceEngine(store::Database& db, const plugins::PluginRegistry& registry,
                   const RulesConfig& config, const HolidayCalendar& calendar);
  // The engine keeps references: temporaries would dangle.
  ComplianceEngine(store::Database&, const plugins::PluginRegistry&, RulesConfig&&,
                   const HolidayCalendar&) = delete;
  ComplianceEngine(store::Database&, const plugins::PluginRegistry&, const RulesConfig&,
                   HolidayCalendar&&) = delete;

  // Obligations as of q.as_of ordered by organisation, plan and rule. Calendar
  // and store errors come back as a Status, never thrown.
  sdk::Result<std::vector<ObligationResult>> check(const CheckQuery& q);
  // The same, sharing the kept results instead of copying them; they stay
  // valid (and unchanged) while the caller holds the pointer.
  sdk::Result<std::shared_ptr<const std::vector<ObligationResult>>> checkShared(const CheckQuery& q);
  // Core rules, then every enabled plugin's, for documentation (`beacon check --rules`).
  std::vector<sdk::RuleInfo> rules() const;
  // "<plugin id>: <what went wrong>" for each plugin skipped by the last check().
  const std::vector<std::string>& pluginErrors() const { return plugin_errors_; }

 private:
  struct Cached {
    DataVersion version;
    sdk::Date as_of;
    std::vector<sdk::RecordId> org_ids;  // sorted, unique
    std::string domain;
    std::string plugins;  // the enabled plugins' ids
    std::shared_ptr<const std::vector<ObligationResult>> results;
    std::vector<std::string> plugin_errors;
  };

  sdk::Result<std::vector<ObligationResult>> evaluate(const CheckQuery& q);

  store::Database& db_;
  const plugins::PluginRegistry& registry_;
  const RulesConfig& config_;
  const HolidayCalendar& calendar_;
  std::vector<std::string> plugin_errors_;
  std::optional<Cached> cache_;
};

}  // namespace beacon::rules
