// RuleHarness: runs a plugin's DomainRules over fake records, parameters and
// calendar as of a date, and finds the obligation a test asserts on. Part of
// the SDK's test kit (sdk/testing, installed with the SDK, linked as
// BeaconSDK::beacon_sdk_testing); header-only, needs GoogleTest. Not thread-safe.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "beacon/sdk/domain_rules.h"
#include "beacon/sdk/interval_rule.h"
#include "beacon/sdk/testing/fake_record_reader.h"
#include "beacon/sdk/testing/fake_rule_parameters.h"
#include "beacon/sdk/testing/fake_working_calendar.h"

namespace beacon::sdk::testing {

inline sdk::Date day(const char* text) {
  auto d = sdk::Date::parse(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d ? *d : sdk::Date{};
}

struct BadParameter {
  const char* key;
  const char* value;
};

struct RuleHarness {
  FakeRecordReader records;
  FakeRuleParameters parameters;
  FakeWorkingCalendar calendar{2020, 2030};
  int due_soon_days = 30;

  sdk::Status evaluate(const sdk::DomainRules& rules, const sdk::Date& as_of,
                       std::vector<sdk::Obligation>& out) const {
    sdk::RuleContext ctx{as_of, records, parameters, calendar};
    return rules.evaluate(ctx, out);
  }

  // All obligations as of `as_of`; fails the test when evaluation fails.
  std::vector<sdk::Obligation> obligations(const sdk::DomainRules& rules, const char* as_of) const {
    std::vector<sdk::Obligation> out;
    sdk::Status s = evaluate(rules, day(as_of), out);
    EXPECT_TRUE(s.isOk()) << s.describe();
    return out;
  }

  // The one obligation of `rule_id` for org (and plan); fails the test otherwise.
  sdk::Obligation find(const sdk::DomainRules& rules, const char* as_of, const std::string& rule_id,
                       sdk::RecordId org_id, sdk::RecordId plan_id = 0) const {
    std::vector<sdk::Obligation> matches;
    for (const auto& o : obligations(rules, as_of)) {
      if (o.rule_id == rule_id && o.org_id == org_id && o.plan_id == plan_id) matches.push_back(o);
    }
    EXPECT_EQ(matches.size(), 1u) << rule_id << " for org " << org_id << " plan " << plan_id << " as of " << as_of;
    return matches.empty() ? sdk::Obligation{} : matches.front();
  }

  // How many obligations of `rule_id` exist for org (and plan) as of `as_of`.
  std::size_t count(const sdk::DomainRules& rules, const char* as_of, const std::string& rule_id,
                    sdk::RecordId org_id, sdk::RecordId plan_id = 0) const {
    std::size_t n = 0;
    for (const auto& o : obligations(rules, as_of)) {
      if (o.rule_id == rule_id && o.org_id == org_id && o.plan_id == plan_id) ++n;
    }
    return n;
  }

  // The status string ("met", "overdue"...) the host would show.
  std::string status(const sdk::DomainRules& rules, const char* as_of, const std::string& rule_id,
                     sdk::RecordId org_id, sdk::RecordId plan_id = 0) const {
    sdk::Obligation o = find(rules, as_of, rule_id, org_id, plan_id);
    return sdk::toId(sdk::statusOf(o, day(as_of), due_soon_days));
  }

  sdk::RecordId org(sdk::OrgKind kind, sdk::FieldValues attributes = {}) {
    sdk::Organisation o;
    o.kind = kind;
    o.code = "org" + std::to_string(records.organisations_.size() + 1);
    o.name = o.code;
    o.attributes = std::move(attributes);
    return records.add(o);
  }

  sdk::RecordId drill(const std::string& domain, const std::string& type, sdk::RecordId org_id,
                      const char* date, sdk::RecordId plan_id = 0, sdk::FieldValues fields = {}) {
    sdk::Drill d;
    d.domain = domain;
    d.drill_type = type;
    d.org_id = org_id;
    d.plan_id = plan_id;
    d.date = day(date);
    d.fields = std::move(fields);
    return records.add(d);
  }

  // A plan with one issued version (issued unset when `issued` is null).
  sdk::RecordId plan(const std::string& domain, const std::string& category, sdk::RecordId owner,
                     const char* issued, sdk::PlanStatus status = sdk::PlanStatus::Issued) {
    sdk::Plan p;
    p.domain = domain;
    p.category = category;
    p.owner_org_id = owner;
    p.status = status;
    p.code = "plan" + std::to_string(records.plans_.size() + 1);
    p.title = p.code;
    p.current_version = 1;
    const sdk::RecordId id = records.add(p);
    sdk::PlanVersion v;
    v.plan_id = id;
    v.number = 1;
    if (issued) v.issued = day(issued);
    records.add(v);
    return id;
  }

  // Adds version `number` issued on `issued` and makes it the plan's current one.
  sdk::RecordId revise(sdk::RecordId plan_id, int number, const char* issued) {
    sdk::PlanVersion v;
    v.plan_id = plan_id;
    v.number = number;
    v.action = sdk::VersionAction::Revised;
    if (issued) v.issued = day(issued);
    const sdk::RecordId id = records.add(v);
    for (auto& p : records.plans_) {
      if (p.id == plan_id) p.current_version = number;
    }
    return id;
  }

  sdk::RecordId versionId(sdk::RecordId plan_id, int number) const {
    for (const auto& v : records.versions_) {
      if (v.plan_id == plan_id && v.number == number) return v.id;
    }
    return 0;
  }
};

// One row of a boundary table: as of this date, the duty has this status.
struct StatusCase {
  const char* as_of;
  const char* expected;
};

// For each case, a fresh harness with one organisation of `kind` (and
// `attributes`) and that one parameter set: evaluation as of `as_of` must
// fail naming the key and append nothing.
inline void expectEachBadParameterRefused(const sdk::DomainRules& rules, const std::vector<BadParameter>& cases,
                                          sdk::OrgKind kind, const sdk::FieldValues& attributes,
                                          const char* as_of) {
  for (const auto& c : cases) {
    RuleHarness h;
    h.org(kind, attributes);
    h.parameters.set(c.key, c.value);
    std::vector<sdk::Obligation> out;
    sdk::Status s = h.evaluate(rules, day(as_of), out);
    EXPECT_FALSE(s.isOk()) << c.key << "=" << c.value;
    EXPECT_EQ(s.field(), c.key) << s.describe();
    EXPECT_TRUE(out.empty()) << c.key;
  }
}

}  // namespace beacon::sdk::testing
