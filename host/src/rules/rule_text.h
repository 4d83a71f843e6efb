// RuleText: the texts an obligation carries from its rule (rule id, domain, duty kind, titles,
// citation, basis), which repeat in every obligation of that rule. The compliance engine holds
// each distinct one once (rules/rule_table.h) and its kept rows point to it
// (rules/obligation_row.h). A plain value, immutable once interned; safe to read from several
// threads.
#pragma once

#include <cstddef>
#include <string>

#include "beacon/sdk/obligation.h"

namespace beacon::rules {

struct RuleText {
  std::string rule_id;
  std::string domain;
  sdk::ObligationKind kind = sdk::ObligationKind::Drill;
  std::string title_zh;
  std::string title_en;
  std::string citation;
  sdk::RuleBasis basis = sdk::RuleBasis::Law;

  // Whether `o` carries exactly these texts.
  bool sameAs(const sdk::Obligation& o) const {
    return kind == o.kind && basis == o.basis && rule_id == o.rule_id && domain == o.domain &&
           title_zh == o.title_zh && title_en == o.title_en && citation == o.citation;
  }
  friend bool operator==(const RuleText& a, const RuleText& b) {
    return a.kind == b.kind && a.basis == b.basis && a.rule_id == b.rule_id &&
           a.domain == b.domain && a.title_zh == b.title_zh && a.title_en == b.title_en &&
           a.citation == b.citation;
  }
};

}  // namespace beacon::rules
