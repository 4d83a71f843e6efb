// ObligationRow: a read-only view of one kept compliance result (rules/result_chunk.h), read
// through accessors that return what the row holds without copying it: its rule's texts from the
// engine's rule table (rules/rule_table.h), its note and last-met kind from its chunk's texts,
// ids, dates and status from the row itself. result() materialises the whole ObligationResult
// for the few rows a caller copies. KeptRow is that compact row (64 bytes, against ~0.9 KB for an
// ObligationResult with its six strings; dates packed, rules/packed_date.h). A view is valid while
// its chunk is alive; safe to read from several threads (the chunk is immutable).
#pragma once

#include <cstdint>
#include <string>

#include "rules/obligation_result.h"
#include "rules/packed_date.h"
#include "rules/rule_text.h"

namespace beacon::rules {

struct KeptRow {
  const RuleText* rule = nullptr;  // never null; held by the chunk
  sdk::RecordId org_id = 0;
  sdk::RecordId plan_id = 0;
  sdk::RecordId last_met_id = 0;
  std::int32_t days_late = 0;
  PackedDate due;
  PackedDate met_due;
  PackedDate last_met_date;
  std::uint32_t note = 0;           // index into the owner's texts (0: "")
  std::uint32_t last_met_kind = 0;  // the same
  sdk::ObligationStatus status = sdk::ObligationStatus::Upcoming;
  bool period_satisfied = false;
  bool applicable = true;
};
// Two kept dates of the 50.8k-plan city hold ~830k rows: 32 bytes more per row is ~26 MB of RSS
// (bench/README.md, branch keptrow).
static_assert(sizeof(KeptRow) <= 64, "KeptRow grew past 64 bytes");

class ObligationRow {
 public:
  ObligationRow() = default;
  ObligationRow(const KeptRow* row, const std::string* texts) : row_(row), texts_(texts) {}

  const std::string& ruleId() const { return row_->rule->rule_id; }
  const std::string& domain() const { return row_->rule->domain; }
  sdk::ObligationKind kind() const { return row_->rule->kind; }
  const std::string& titleZh() const { return row_->rule->title_zh; }
  const std::string& titleEn() const { return row_->rule->title_en; }
  const std::string& title(bool english) const { return english ? titleEn() : titleZh(); }
  const std::string& citation() const { return row_->rule->citation; }
  sdk::RuleBasis basis() const { return row_->rule->basis; }
  sdk::RecordId orgId() const { return row_->org_id; }
  sdk::RecordId planId() const { return row_->plan_id; }
  sdk::Date due() const { return row_->due.date(); }
  sdk::Date metDue() const { return row_->met_due.date(); }
  // The record that last met the duty (sdk::RecordRef): set when its id is not 0.
  bool hasLastMet() const { return row_->last_met_id != 0; }
  const std::string& lastMetKind() const { return texts_[row_->last_met_kind]; }
  sdk::RecordId lastMetId() const { return row_->last_met_id; }
  sdk::Date lastMetDate() const { return row_->last_met_date.date(); }
  bool periodSatisfied() const { return row_->period_satisfied; }
  bool applicable() const { return row_->applicable; }
  const std::string& note() const { return texts_[row_->note]; }
  sdk::ObligationStatus status() const { return row_->status; }
  long daysLate() const { return row_->days_late; }

  // A full copy of the result.
  ObligationResult result() const {
    ObligationResult r;
    sdk::Obligation& o = r.obligation;
    const RuleText& t = *row_->rule;
    o.rule_id = t.rule_id;
    o.domain = t.domain;
    o.kind = t.kind;
    o.title_zh = t.title_zh;
    o.title_en = t.title_en;
    o.citation = t.citation;
    o.basis = t.basis;
    o.org_id = row_->org_id;
    o.plan_id = row_->plan_id;
    o.due = due();
    o.last_met.kind = lastMetKind();
    o.last_met.id = row_->last_met_id;
    o.last_met.date = lastMetDate();
    o.period_satisfied = row_->period_satisfied;
    o.applicable = row_->applicable;
    o.note = note();
    o.met_due = metDue();
    r.status = row_->status;
    r.days_late = row_->days_late;
    return r;
  }

  // The same kept row.
  friend bool operator==(const ObligationRow& a, const ObligationRow& b) {
    return a.row_ == b.row_;
  }
  friend bool operator!=(const ObligationRow& a, const ObligationRow& b) { return !(a == b); }

 private:
  const KeptRow* row_ = nullptr;
  const std::string* texts_ = nullptr;
};

}  // namespace beacon::rules
