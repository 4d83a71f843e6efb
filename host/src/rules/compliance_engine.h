// ComplianceEngine: answers "what is due, overdue or met as of this date" for
// every plan and organisation. Runs the host's core rules (all domains,
// `general` included) and then each enabled plugin's DomainRules, each call
// guarded so a failing plugin is logged and skipped while the others still
// report; turns each obligation into a status with the deployment's due-soon
// margin, and filters by organisation and domain.
//
// It keeps the full evaluation of the last two as-of dates, in chunks per
// organisation and domain in the compact form of rules/result_chunk.h (each
// rule's texts held once, in the engine's RuleTable), and brings a kept one up to date instead of
// starting again: when the store's DataVersion (store/data_version.h) is unchanged nothing is read;
// otherwise the rule_changes feed (migration 11) names the organisations
// written since, and only the obligations those writes can change are evaluated
// again, through record readers limited to them, and their chunks replaced:
// by each rule's declared sdk::RuleScope, the written organisations (Organisation),
// also those above them read with their subtrees (Subtree), or all (City). It evaluates
// everything again when many organisations changed, when the feed has been
// pruned past its position, or when a plugin failed. A one-off process (the CLI's check and
// summary) asks evaluateOnlyWhatIsAsked(): then a check of some organisations that no current
// kept evaluation answers evaluates only them and keeps nothing, as checkOrganisations() does.
// Not thread-safe (uses the
// Database's Session); give each thread its own engine and Database.
#pragma once

#include <list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "beacon/sdk/obligation.h"
#include "beacon/sdk/status.h"
#include "plugins/plugin_registry.h"
#include "rules/holiday_calendar.h"
#include "rules/obligation_set.h"
#include "rules/result_builder.h"
#include "rules/rule_table.h"
#include "rules/rule_scope_plan.h"
#include "rules/rules_config.h"
#include "rules/store_record_reader.h"
#include "store/data_version.h"
#include "store/database.h"

namespace beacon::rules {

struct CheckQuery {
  sdk::Date as_of;
  std::vector<sdk::RecordId>
      org_ids;         // empty: all; else only obligations of these orgs (a subtree)
  std::string domain;  // empty: all
};

// How the last check got its results.
enum class CheckRefresh { Reused, Incremental, Full };

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

  // Obligations as of q.as_of ordered by organisation, domain, plan and rule.
  // Calendar and store errors come back as a Status, never thrown.
  sdk::Result<std::vector<ObligationResult>> check(const CheckQuery& q);
  // The same, sharing the kept results instead of copying them; they stay
  // valid (and unchanged) while the caller holds the pointer.
  sdk::Result<std::shared_ptr<const ObligationSet>> checkShared(const CheckQuery& q);
  // The obligations of `org_ids` only as of `as_of`: exactly what check() gives with
  // q.org_ids = org_ids, in the same order. A kept evaluation of that date that is still current
  // answers it; otherwise only those organisations are evaluated, through record readers limited
  // to them (with the parents their records name, as the incremental refresh does), and nothing
  // is kept: a page about one organisation does not pay for the whole city's check.
  sdk::Result<std::vector<ObligationResult>> checkOrganisations(
      const std::vector<sdk::RecordId>& org_ids, const sdk::Date& as_of);
  // From now on checkShared() of a query naming organisations evaluates only them when no kept
  // evaluation of its date is current (see above); one that names none still evaluates the
  // city and keeps it. For a process that answers one question and exits.
  void evaluateOnlyWhatIsAsked() { only_what_is_asked_ = true; }
  // Core rules, then every enabled plugin's, for documentation (`beacon check --rules`).
  std::vector<sdk::RuleInfo> rules() const;
  // "<plugin id>: <what went wrong>" for each plugin skipped by the last check().
  const std::vector<std::string>& pluginErrors() const { return plugin_errors_; }
  CheckRefresh lastRefresh() const { return last_refresh_; }
  // The rule parameters the engine evaluates with (for a plugin's PeriodCalendar too).
  const RulesConfig& config() const { return config_; }

  // At most this many changed organisations (and this share of all) are
  // evaluated again one by one; more, and the engine evaluates everything.
  static constexpr std::size_t kMaxIncrementalOrgs = 2000;

 private:
  using ChunkKey = std::pair<sdk::RecordId, std::string>;  // organisation, domain
  struct Evaluation {
    sdk::Date as_of;
    std::string plugins;       // the enabled plugins' ids
    long long change_seq = 0;  // the rule_changes position it covers
    std::optional<store::DataVersion> version;
    std::map<ChunkKey, ObligationChunk> chunks;
    std::vector<std::string> plugin_errors;
  };

  // Every obligation as of `as_of` (with a plan, of its result organisations, each rule read as
  // its scope needs; results for other organisations may come too and are dropped by the caller),
  // unfiltered and unsorted, added to `results` in the kept form as each rule's output comes.
  sdk::Status evaluate(const sdk::Date& as_of, const RuleScopePlan* plan, ResultBuilder& results);
  // The widest RuleInfo::scope of the enabled plugins (the core rules are Organisation).
  sdk::RuleScope widestRuleScope() const;
  // What an evaluation of `org_ids` must evaluate and read (rule_scope_plan.h).
  RuleScopePlan scopePlan(const std::vector<sdk::RecordId>& org_ids, bool after_write);
  sdk::Status refresh(Evaluation& kept, long long seq_now,
                      const std::optional<store::DataVersion>& version);
  sdk::Status evaluateAll(Evaluation& e);
  // The obligations of q.org_ids (of q.domain when set) as of q.as_of from an evaluation of only
  // those organisations, kept nowhere; nullptr when a kept evaluation of the date is current or
  // the scope plan needs the whole city (the caller then checks as usual).
  sdk::Result<std::shared_ptr<const ObligationSet>> evaluateScopeOnly(const CheckQuery& q);
  std::string enabledPlugins() const;

  store::Database& db_;
  const plugins::PluginRegistry& registry_;
  const RulesConfig& config_;
  const HolidayCalendar& calendar_;
  std::vector<std::string> plugin_errors_;
  std::list<Evaluation> kept_;  // most recently used first
  RuleTable rule_table_;        // the rule texts the kept rows point to
  CheckRefresh last_refresh_ = CheckRefresh::Full;
  bool only_what_is_asked_ = false;
};

}  // namespace beacon::rules
