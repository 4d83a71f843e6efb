#include "service/drill_validator.h"

#include <algorithm>
#include <set>

#include "service/record_checks.h"
#include "service/text_limits.h"

namespace beacon::service {

DrillValidator::DrillValidator(store::Database& db, const plugins::PluginRegistry& registry)
    : db_(db), registry_(registry), latest_(today().addDays(1)) {}

void DrillValidator::loadOrgs(const store::ReferenceKey& key) {
  for (auto& r : store::readOrgReferences(db_.session(), key)) {
    orgs_[r.id] = OrgInfo{r.parent_id};
    org_codes_[std::move(r.code)] = r.id;
  }
}

void DrillValidator::loadPlans(const store::ReferenceKey& key) {
  std::set<sdk::RecordId> ids;
  for (auto& r : store::readPlanReferences(db_.session(), key)) {
    PlanInfo p;
    p.code = std::move(r.code);
    p.domain = std::move(r.domain);
    p.owner_org_id = r.owner_org_id;
    p.current_version = r.current_version;
    plan_codes_[p.code] = r.id;
    plans_[r.id] = std::move(p);
    ids.insert(r.id);
  }
  if (ids.empty()) return;
  for (const auto& v : store::readVersionReferences(db_.session(), ids.size() == 1 ? *ids.begin() : 0)) {
    auto it = plans_.find(v.plan_id);
    if (it == plans_.end() || !it->second) continue;
    it->second->versions[v.number] = v.id;
    version_plan_[v.id] = v.plan_id;
  }
}

void DrillValidator::preload() {
  orgs_.clear();
  org_codes_.clear();
  plans_.clear();
  plan_codes_.clear();
  version_plan_.clear();
  loadOrgs(store::ReferenceKey::all());
  loadPlans(store::ReferenceKey::all());
  preloaded_ = true;
}

const DrillValidator::OrgInfo* DrillValidator::org(sdk::RecordId id) {
  auto it = orgs_.find(id);
  if (it == orgs_.end() && !preloaded_) {
    loadOrgs(store::ReferenceKey::withId(id));
    it = orgs_.find(id);
    if (it == orgs_.end()) it = orgs_.emplace(id, std::nullopt).first;
  }
  if (it == orgs_.end() || !it->second) return nullptr;
  return &*it->second;
}

const DrillValidator::PlanInfo* DrillValidator::plan(sdk::RecordId id) {
  auto it = plans_.find(id);
  if (it == plans_.end() && !preloaded_) {
    loadPlans(store::ReferenceKey::withId(id));
    it = plans_.find(id);
    if (it == plans_.end()) it = plans_.emplace(id, std::nullopt).first;
  }
  if (it == plans_.end() || !it->second) return nullptr;
  return &*it->second;
}

std::optional<sdk::RecordId> DrillValidator::orgIdByCode(const std::string& code) {
  auto it = org_codes_.find(code);
  if (it == org_codes_.end() && !preloaded_) {
    loadOrgs(store::ReferenceKey::withCode(code));
    it = org_codes_.find(code);
  }
  if (it == org_codes_.end()) return std::nullopt;
  return it->second;
}

std::optional<sdk::RecordId> DrillValidator::planIdByCode(const std::string& code) {
  auto it = plan_codes_.find(code);
  if (it == plan_codes_.end() && !preloaded_) {
    loadPlans(store::ReferenceKey::withCode(code));
    it = plan_codes_.find(code);
  }
  if (it == plan_codes_.end()) return std::nullopt;
  return it->second;
}

std::optional<sdk::RecordId> DrillValidator::versionId(sdk::RecordId plan_id, int number) {
  const PlanInfo* p = plan(plan_id);
  if (!p) return std::nullopt;
  auto it = p->versions.find(number);
  if (it == p->versions.end()) return std::nullopt;
  return it->second;
}

sdk::Status DrillValidator::prepare(sdk::Drill& d) {
  for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"place", &d.place},
                                     {"scenario", &d.scenario},
                                     {"findings", &d.findings}}) {
    if (sdk::Status s = checkText("drill", field, *value); !s.isOk()) return s;
  }
  for (const auto& [name, value] : d.fields) {
    if (sdk::Status s = checkText("drill", "fields." + name, value); !s.isOk()) return s;
  }
  const plugins::PluginRecord* rec = registry_.byDomain(d.domain);
  if (!rec) {
    return sdk::Status::invalid("domain", "\"" + d.domain + "\" is not an enabled plugin's domain");
  }
  const bool type_ok = std::any_of(rec->drill_types.begin(), rec->drill_types.end(),
                                   [&](const sdk::DrillType& t) { return t.id == d.drill_type; });
  if (!type_ok) {
    return sdk::Status::invalid("drill_type", "\"" + d.drill_type + "\" is not a drill type of domain " +
                                                  d.domain);
  }
  const OrgInfo* o = d.org_id != 0 ? org(d.org_id) : nullptr;
  if (!o) return sdk::Status::invalid("org_id", "no organisation with id " + std::to_string(d.org_id));
  if (!isValidDate(d.date)) return sdk::Status::invalid("date", "is required (YYYY-MM-DD)");
  if (d.date > latest_) {
    return sdk::Status::invalid("date", d.date.toString() + " is in the future (latest allowed " +
                                            latest_.toString() + ")");
  }
  if (d.participants < 0) return sdk::Status::invalid("participants", "must not be negative");
  if (d.evacuees < 0) return sdk::Status::invalid("evacuees", "must not be negative");
  if (d.plan_id != 0) {
    const PlanInfo* p = plan(d.plan_id);
    if (!p) return sdk::Status::invalid("plan_id", "no plan with id " + std::to_string(d.plan_id));
    if (p->domain != d.domain && p->domain != sdk::kGeneralDomain) {
      return sdk::Status::invalid("plan_id", "plan " + p->code + " belongs to domain " + p->domain +
                                                 ", not " + d.domain);
    }
    bool owned = false;
    sdk::RecordId cur = d.org_id;
    for (int depth = 0; cur != 0 && depth < 64; ++depth) {
      if (cur == p->owner_org_id) {
        owned = true;
        break;
      }
      const OrgInfo* c = org(cur);
      cur = c ? c->parent_id : 0;
    }
    if (!owned) {
      return sdk::Status::invalid("plan_id", "plan " + p->code +
                                                 " is not owned by the organisation or one above it");
    }
    if (d.plan_version_id == 0) {
      if (p->current_version == 0) {
        return sdk::Status::invalid("plan_id", "plan " + p->code + " has no version yet");
      }
      auto v = p->versions.find(p->current_version);
      if (v == p->versions.end()) {
        return sdk::Status::invalid("plan_id", "plan " + p->code + " has no current version");
      }
      d.plan_version_id = v->second;
    } else {
      const bool belongs = std::any_of(p->versions.begin(), p->versions.end(),
                                       [&](const auto& kv) { return kv.second == d.plan_version_id; });
      if (!belongs) {
        return sdk::Status::invalid("plan_version_id", "version " + std::to_string(d.plan_version_id) +
                                                           " is not a version of plan " + p->code);
      }
    }
  } else if (d.plan_version_id != 0) {
    return sdk::Status::invalid("plan_version_id", "given without a plan");
  }
  d.fields = sdk::normalizeFields(rec->drill_fields, d.fields);
  sdk::Status s = sdk::validateFields(rec->drill_fields, d.fields);
  if (!s.isOk()) return sdk::Status::invalid("fields." + s.field(), s.message());
  if (!rec->plugin) return sdk::Status::ok();
  try {
    s = rec->plugin->validateDrill(d);
  } catch (const std::exception& e) {
    return sdk::Status::internal("plugin " + rec->id +
                                 " failed while validating the drill: " + e.what());
  } catch (...) {
    return sdk::Status::internal("plugin " + rec->id + " failed while validating the drill");
  }
  if (!s.isOk()) {
    const bool is_field = std::any_of(rec->drill_fields.begin(), rec->drill_fields.end(),
                                      [&](const sdk::FieldSpec& f) { return f.name == s.field(); });
    if (is_field) return sdk::Status::invalid("fields." + s.field(), s.message());
    return s;
  }
  return sdk::Status::ok();
}

}  // namespace beacon::service
