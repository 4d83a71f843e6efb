#include "rules/compliance_engine.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_set>

#include <malloc.h>

#include <Poco/Logger.h>

#include "rules/as_of_record_reader.h"
#include "rules/core_rules.h"
#include "rules/drill_duties.h"
#include "rules/recording_calendar.h"
#include "rules/plan_history.h"
#include "rules/result_builder.h"
#include "rules/rule_changes.h"
#include "store/organisation_repository.h"
#include "store/storage_error.h"
#include "store/transaction.h"

namespace beacon::rules {

namespace {
constexpr std::size_t kKeptDates = 2;

Poco::Logger& logger() { return Poco::Logger::get("beacon.rules"); }

// Runs one plugin's rules into `mine`; any failure is reported in `error` (and `mine` is to be
// dropped).
void runPlugin(const plugins::PluginRecord& record, const sdk::RuleContext& ctx,
               std::vector<sdk::Obligation>& mine, std::string& error) {
  try {
    const sdk::Status s = record.plugin->rules().evaluate(ctx, mine);
    if (!s.isOk()) {
      error = s.describe();
      return;
    }
  } catch (const std::exception& e) {
    error = std::string("threw: ") + e.what();
    return;
  } catch (...) {
    error = "threw an unknown exception";
    return;
  }
  for (auto& o : mine) {
    if (o.domain.empty()) o.domain = record.id;
  }
}

// One rule for every duty, core or plugin: met after the due date it answered is 逾期完成.
void addResult(ResultBuilder& out, const sdk::Obligation& o, sdk::ObligationStatus status) {
  out.add(o, status, status == sdk::ObligationStatus::MetLate ? sdk::daysLate(o) : 0);
}

long long organisationCount(store::Database& db) {
  return store::OrganisationRepository(db.session()).count();
}

// A read the store failed: busy and I/O rethrown as store::StorageError, anything else a Status.
sdk::Status readFailure(const Poco::Exception& e) {
  store::throwIfStorageFailure(e, "compliance check failed reading the store");
  return store::failureStatus(e, "compliance check failed reading the store: " + e.displayText());
}
sdk::Status readFailure(const std::exception& e) {
  return sdk::Status::internal(std::string("compliance check failed reading the store: ") +
                               e.what());
}
}  // namespace

ComplianceEngine::ComplianceEngine(store::Database& db, const plugins::PluginRegistry& registry,
                                   const RulesConfig& config, const HolidayCalendar& calendar)
    : db_(db), registry_(registry), config_(config), calendar_(calendar) {}

std::string ComplianceEngine::enabledPlugins() const {
  std::string ids;
  for (const auto* r : registry_.enabled()) ids += r->id + (r->plugin ? "+" : "-") + ",";
  return ids;
}

sdk::Result<std::vector<ObligationResult>> ComplianceEngine::check(const CheckQuery& q) {
  auto shared = checkShared(q);
  if (!shared.isOk()) return shared.status();
  return shared.value()->toVector();
}

sdk::Result<std::shared_ptr<const ObligationSet>> ComplianceEngine::checkShared(
    const CheckQuery& q) {
  plugin_errors_.clear();
  if (!q.as_of.isSet()) return sdk::Status::invalid("as_of", "a check needs an as-of date");
  if (!q.domain.empty() && q.domain != sdk::kGeneralDomain && !registry_.byDomain(q.domain)) {
    std::string known = sdk::kGeneralDomain;
    for (const auto* r : registry_.enabled()) known += ", " + r->id;
    return sdk::Status::invalid("domain",
                                "unknown domain \"" + q.domain + "\" (known: " + known + ")");
  }
  if (only_what_is_asked_ && !q.org_ids.empty()) {
    auto scoped = evaluateScopeOnly(q);
    if (!scoped.isOk() || scoped.value()) return scoped;
  }
  const std::string plugins = enabledPlugins();
  auto kept = std::find_if(kept_.begin(), kept_.end(), [&](const Evaluation& e) {
    return e.as_of == q.as_of && e.plugins == plugins;
  });
  try {
    // One read transaction: the feed position and the records it covers are one snapshot.
    store::Transaction snapshot(db_.session(), store::Transaction::Mode::Read);
    const std::optional<store::DataVersion> version = store::currentDataVersion(db_.session());
    if (kept == kept_.end()) {
      // The least recently used date goes before the new one is built, not after: the peak holds
      // kKeptDates evaluations, not one more.
      if (kept_.size() >= kKeptDates) kept_.pop_back();
      Evaluation fresh;
      fresh.as_of = q.as_of;
      fresh.plugins = plugins;
      fresh.version = version;
      const sdk::Status s = evaluateAll(fresh);
      if (!s.isOk()) return s;
      kept_.push_front(std::move(fresh));
    } else {
      kept_.splice(kept_.begin(), kept_, kept);
      Evaluation& e = kept_.front();
      if (version && e.version && *version == *e.version) {
        last_refresh_ = CheckRefresh::Reused;
      } else {
        const sdk::Status s = refresh(e, newestRuleChange(db_.session()), version);
        if (!s.isOk()) {
          kept_.pop_front();
          return s;
        }
      }
    }
    snapshot.commit();
    rule_table_.prune();
    // An evaluation reads the city's records and its rules' obligations (hundreds of MB on the
    // 50.8k-plan city) and frees them; glibc keeps those pages in its arenas unless trimmed, so
    // without this the server's RSS stays at the evaluation's peak (bench/README.md, 2026-12-02
    // perf-memory: 321 MB at start, 741 MB after 8 dashboards, against the kept rows' ~40 MB).
    if (last_refresh_ == CheckRefresh::Full) malloc_trim(0);
  } catch (const Poco::Exception& e) {
    return readFailure(e);
  } catch (const std::exception& e) {
    return readFailure(e);
  }

  const Evaluation& e = kept_.front();
  plugin_errors_ = e.plugin_errors;
  const std::unordered_set<sdk::RecordId> orgs(q.org_ids.begin(), q.org_ids.end());
  std::vector<ObligationChunk> chunks;
  for (const auto& [key, chunk] : e.chunks) {
    if (!q.domain.empty() && key.second != q.domain) continue;
    if (!orgs.empty() && orgs.count(key.first) == 0) continue;
    chunks.push_back(chunk);
  }
  return std::make_shared<const ObligationSet>(std::move(chunks));
}

sdk::Result<std::vector<ObligationResult>> ComplianceEngine::checkOrganisations(
    const std::vector<sdk::RecordId>& org_ids, const sdk::Date& as_of) {
  CheckQuery q;
  q.as_of = as_of;
  q.org_ids = org_ids;
  if (as_of.isSet() && !org_ids.empty()) {
    auto scoped = evaluateScopeOnly(q);
    if (!scoped.isOk()) return scoped.status();
    if (scoped.value()) return scoped.value()->toVector();
  }
  return check(q);
}

sdk::Result<std::shared_ptr<const ObligationSet>> ComplianceEngine::evaluateScopeOnly(
    const CheckQuery& q) {
  const std::shared_ptr<const ObligationSet> none;
  const std::string plugins = enabledPlugins();
  try {
    store::Transaction snapshot(db_.session(), store::Transaction::Mode::Read);
    const std::optional<store::DataVersion> version = store::currentDataVersion(db_.session());
    const bool kept = std::any_of(kept_.begin(), kept_.end(), [&](const Evaluation& e) {
      return e.as_of == q.as_of && e.plugins == plugins && version && e.version &&
             *version == *e.version;
    });
    if (kept) {
      snapshot.commit();
      return none;
    }
    plugin_errors_.clear();
    const RuleScopePlan plan = scopePlan(q.org_ids, false);
    if (!plan.results()) {
      snapshot.commit();
      return none;
    }
    ResultBuilder mine(rule_table_);
    const sdk::Status s = evaluate(q.as_of, &plan, mine);
    if (!s.isOk()) return s;
    snapshot.commit();
    mine.keepOrganisations(plan.results()->ids);
    std::map<ChunkKey, ObligationChunk> chunks;
    mine.chunksInto(chunks);
    std::vector<ObligationChunk> asked;
    for (auto& [key, chunk] : chunks) {
      if (!q.domain.empty() && key.second != q.domain) continue;
      asked.push_back(std::move(chunk));
    }
    chunks.clear();
    auto set = std::make_shared<const ObligationSet>(std::move(asked));
    rule_table_.prune();
    return set;
  } catch (const Poco::Exception& e) {
    return readFailure(e);
  } catch (const std::exception& e) {
    return readFailure(e);
  }
}

sdk::Status ComplianceEngine::evaluateAll(Evaluation& e) {
  last_refresh_ = CheckRefresh::Full;
  e.change_seq = confirmedRuleChange(db_.session());
  plugin_errors_.clear();
  // Callers drop `e` when this fails, so its old chunks can go before the new ones are built.
  e.chunks.clear();
  ResultBuilder results(rule_table_);
  const sdk::Status s = evaluate(e.as_of, nullptr, results);
  if (!s.isOk()) return s;
  results.chunksInto(e.chunks);
  e.plugin_errors = plugin_errors_;
  return sdk::Status::ok();
}

sdk::Status ComplianceEngine::refresh(Evaluation& e, long long seq_now,
                                      const std::optional<store::DataVersion>& version) {
  e.version = version;
  if (seq_now == e.change_seq) {
    last_refresh_ = CheckRefresh::Reused;
    return sdk::Status::ok();
  }
  const RuleChangesSince changes = ruleChangesSince(db_.session(), e.change_seq);
  if (!changes.complete || !e.plugin_errors.empty() || changes.org_ids.size() > kMaxIncrementalOrgs) {
    return evaluateAll(e);
  }
  if (changes.org_ids.empty()) {  // nothing the rules read was written
    last_refresh_ = CheckRefresh::Incremental;
    e.change_seq = changes.confirmed;
    return sdk::Status::ok();
  }
  const RuleScopePlan plan = scopePlan(changes.org_ids, true);
  if (!plan.results()) return evaluateAll(e);
  const std::vector<sdk::RecordId>& scope = plan.results()->ids;
  if (scope.size() > kMaxIncrementalOrgs ||
      static_cast<long long>(scope.size()) * 4 > organisationCount(db_)) {
    return evaluateAll(e);
  }

  last_refresh_ = CheckRefresh::Incremental;
  plugin_errors_.clear();
  ResultBuilder fresh(rule_table_);
  const sdk::Status s = evaluate(e.as_of, &plan, fresh);
  if (!s.isOk()) return s;
  if (!plugin_errors_.empty()) return evaluateAll(e);
  fresh.keepOrganisations(scope);
  for (auto it = e.chunks.begin(); it != e.chunks.end();) {
    if (std::binary_search(scope.begin(), scope.end(), it->first.first)) {
      it = e.chunks.erase(it);
    } else {
      ++it;
    }
  }
  fresh.chunksInto(e.chunks);
  e.change_seq = changes.confirmed;
  return sdk::Status::ok();
}

sdk::RuleScope ComplianceEngine::widestRuleScope() const {
  sdk::RuleScope widest = sdk::RuleScope::Organisation;
  for (const auto* record : registry_.enabled()) {
    if (record->plugin) widest = sdk::widerScope(widest, record->rule_scope);
  }
  return widest;
}

RuleScopePlan ComplianceEngine::scopePlan(const std::vector<sdk::RecordId>& org_ids, bool after_write) {
  const sdk::RuleScope widest = widestRuleScope();
  std::map<sdk::RecordId, sdk::RecordId> parents;
  if (widest != sdk::RuleScope::Organisation) parents = store::OrganisationRepository(db_.session()).parents();
  return RuleScopePlan(org_ids, parents, widest, after_write);
}

sdk::Status ComplianceEngine::evaluate(const sdk::Date& as_of, const RuleScopePlan* plan,
                                       ResultBuilder& results) {
  const std::shared_ptr<const OrgScope> scope = plan ? plan->results() : nullptr;
  const int due_soon = config_.dueSoonDays();

  // Every rule sees the records as they stood on as_of (PlanHistory, AsOfRecordReader).
  const PlanHistory history = PlanHistory::load(db_.session(), "");
  {  // the core rules' records and obligations go before the plugins read theirs
    std::vector<CoreObligation> core;
    // Kept form as each part comes: the plan rules' obligations go before the drill duties'.
    auto keep = [&] {
      for (const auto& c : core) {
        sdk::ObligationStatus status = sdk::statusOf(c.obligation, as_of, due_soon);
        if (c.warn_from.isSet() && as_of >= c.warn_from &&
            (status == sdk::ObligationStatus::Met || status == sdk::ObligationStatus::MetLate ||
             status == sdk::ObligationStatus::Upcoming)) {
          status = sdk::ObligationStatus::DueSoon;
        }
        addResult(results, c.obligation, status);
      }
      core = {};
    };
    const StoreRecordReader core_records(db_, "", true, scope);
    const CoreRules core_rules(
        FilingTarget::load(db_.session(), config_.stringValue(kParentAuthorityKey, "")));
    const sdk::Status s =
        core_rules.evaluate(core_records, history, config_, calendar_, as_of, core);
    if (!s.isOk()) return s;
    keep();
    DrillDuties::evaluate(core_records, DrillRecordReader(db_, scope), config_, as_of, core);
    keep();
  }

  for (const auto* record : registry_.enabled()) {
    if (!record->plugin) continue;
    const StoreRecordReader stored(db_, record->id, true, plan ? plan->readerFor(record->rule_scope) : nullptr);
    const AsOfRecordReader records(stored, history, as_of);
    const RecordingCalendar calendar(calendar_);
    const sdk::RuleContext ctx{as_of, records, config_, calendar};
    std::vector<sdk::Obligation> out;
    std::string error;
    runPlugin(*record, ctx, out, error);
    if (!error.empty()) {
      plugin_errors_.push_back(record->id + ": " + error);
      logger().error("rules of plugin " + record->id + " skipped: " + error);
      continue;
    }
    for (auto& o : out) {
      if (calendar.isProvisionalDeadline(o.due)) {
        o.note += (o.note.empty() ? "" : "; ") + std::string(kProvisionalNote);
      }
      addResult(results, o, sdk::statusOf(o, as_of, due_soon));
    }
  }
  return sdk::Status::ok();
}

std::vector<sdk::RuleInfo> ComplianceEngine::rules() const {
  std::vector<sdk::RuleInfo> out = CoreRules().rules();
  for (const auto* record : registry_.enabled()) {
    if (!record->plugin) continue;
    try {
      for (auto& r : record->plugin->rules().rules()) out.push_back(std::move(r));
    } catch (const std::exception& e) {
      logger().error("rules() of plugin " + record->id + " threw: " + e.what());
    } catch (...) {
      logger().error("rules() of plugin " + record->id + " threw an unknown exception");
    }
  }
  return out;
}

}  // namespace beacon::rules
