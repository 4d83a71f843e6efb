#include "rules/compliance_engine.h"

#include <algorithm>
#include <unordered_set>
#include <tuple>

#include <Poco/Logger.h>

#include "rules/core_rules.h"
#include "rules/store_record_reader.h"

namespace beacon::rules {

namespace {
Poco::Logger& logger() { return Poco::Logger::get("beacon.rules"); }

// Runs one plugin's rules; any failure is reported in `error` and nothing is appended.
void runPlugin(const plugins::PluginRecord& record, const sdk::RuleContext& ctx,
               std::vector<sdk::Obligation>& out, std::string& error) {
  std::vector<sdk::Obligation> mine;
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
    out.push_back(std::move(o));
  }
}
}  // namespace

ComplianceEngine::ComplianceEngine(store::Database& db, const plugins::PluginRegistry& registry,
                                   const RulesConfig& config, const HolidayCalendar& calendar)
    : db_(db), registry_(registry), config_(config), calendar_(calendar) {}

sdk::Result<std::vector<ObligationResult>> ComplianceEngine::check(const CheckQuery& q) {
  auto shared = checkShared(q);
  if (!shared.isOk()) return shared.status();
  return *shared.value();
}

sdk::Result<std::shared_ptr<const std::vector<ObligationResult>>> ComplianceEngine::checkShared(
    const CheckQuery& q) {
  plugin_errors_.clear();
  if (!q.as_of.isSet()) return sdk::Status::invalid("as_of", "a check needs an as-of date");
  if (!q.domain.empty() && q.domain != sdk::kGeneralDomain && !registry_.byDomain(q.domain)) {
    std::string known = sdk::kGeneralDomain;
    for (const auto* r : registry_.enabled()) known += ", " + r->id;
    return sdk::Status::invalid("domain", "unknown domain \"" + q.domain + "\" (known: " + known + ")");
  }
  std::optional<DataVersion> version;
  Cached key;
  try {
    version = currentDataVersion(db_.session());
  } catch (const std::exception& e) {
    return sdk::Status::error(std::string("compliance check failed reading the store: ") + e.what());
  }
  if (version) {
    key.version = *version;
    key.as_of = q.as_of;
    key.org_ids = q.org_ids;
    std::sort(key.org_ids.begin(), key.org_ids.end());
    key.org_ids.erase(std::unique(key.org_ids.begin(), key.org_ids.end()), key.org_ids.end());
    key.domain = q.domain;
    for (const auto* r : registry_.enabled()) key.plugins += r->id + (r->plugin ? "+" : "-") + ",";
    if (cache_ && cache_->version == key.version && cache_->as_of == key.as_of && cache_->org_ids == key.org_ids &&
        cache_->domain == key.domain && cache_->plugins == key.plugins) {
      plugin_errors_ = cache_->plugin_errors;
      return cache_->results;
    }
  }
  auto results = evaluate(q);
  if (!results.isOk()) return results.status();
  auto shared = std::make_shared<const std::vector<ObligationResult>>(std::move(results.value()));
  if (version) {
    key.results = shared;
    key.plugin_errors = plugin_errors_;
    cache_ = std::move(key);
  }
  return shared;
}

sdk::Result<std::vector<ObligationResult>> ComplianceEngine::evaluate(const CheckQuery& q) {
  const int due_soon = config_.dueSoonDays();
  std::vector<ObligationResult> results;
  const std::unordered_set<sdk::RecordId> orgs(q.org_ids.begin(), q.org_ids.end());
  auto wanted = [&](const sdk::Obligation& o) {
    if (!q.domain.empty() && o.domain != q.domain) return false;
    return orgs.empty() || orgs.count(o.org_id) > 0;
  };

  try {
    std::vector<CoreObligation> core;
    const StoreRecordReader core_records(db_, q.domain, true);
    const sdk::Status s = CoreRules().evaluate(core_records, config_, calendar_, q.as_of, core);
    if (!s.isOk()) return s;
    results.reserve(core.size());
    for (auto& c : core) {
      if (!wanted(c.obligation)) continue;
      sdk::ObligationStatus status = sdk::statusOf(c.obligation, q.as_of, due_soon);
      if (c.warn_from.isSet() && q.as_of >= c.warn_from &&
          (status == sdk::ObligationStatus::Met || status == sdk::ObligationStatus::Upcoming)) {
        status = sdk::ObligationStatus::DueSoon;
      }
      results.push_back({std::move(c.obligation), status});
    }

    for (const auto* record : registry_.enabled()) {
      if (!record->plugin) continue;
      if (!q.domain.empty() && record->id != q.domain) continue;
      const StoreRecordReader records(db_, record->id, true);
      const sdk::RuleContext ctx{q.as_of, records, config_, calendar_};
      std::vector<sdk::Obligation> out;
      std::string error;
      runPlugin(*record, ctx, out, error);
      if (!error.empty()) {
        plugin_errors_.push_back(record->id + ": " + error);
        logger().error("rules of plugin " + record->id + " skipped: " + error);
        continue;
      }
      for (auto& o : out) {
        if (!wanted(o)) continue;
        const sdk::ObligationStatus status = sdk::statusOf(o, q.as_of, due_soon);
        results.push_back({std::move(o), status});
      }
    }
  } catch (const std::exception& e) {
    return sdk::Status::error(std::string("compliance check failed reading the store: ") + e.what());
  }

  // Sorts indices, then moves each result once: the results are large.
  std::vector<std::size_t> order(results.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&results](std::size_t x, std::size_t y) {
    const sdk::Obligation& a = results[x].obligation;
    const sdk::Obligation& b = results[y].obligation;
    return std::tie(a.org_id, a.plan_id, a.rule_id) < std::tie(b.org_id, b.plan_id, b.rule_id);
  });
  std::vector<ObligationResult> sorted;
  sorted.reserve(results.size());
  for (std::size_t i : order) sorted.push_back(std::move(results[i]));
  return sorted;
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
