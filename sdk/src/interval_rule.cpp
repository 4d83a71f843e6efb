#include "beacon/sdk/interval_rule.h"

namespace beacon::sdk {

namespace {
const RecordRef* latestOnOrBefore(const std::vector<RecordRef>& done, const Date& limit,
                                  const Date& from = Date{}) {
  const RecordRef* best = nullptr;
  for (const auto& r : done) {
    if (r.date > limit) continue;
    if (from.isSet() && r.date < from) continue;
    if (!best || best->date < r.date) best = &r;
  }
  return best;
}
}  // namespace

void applyInterval(Obligation& o, const std::vector<RecordRef>& done, const Date& anchor,
                   int months, const Date& as_of) {
  if (const RecordRef* last = latestOnOrBefore(done, as_of)) {
    o.last_met = *last;
    o.due = last->date.addMonths(months);
  } else {
    o.due = anchor.addMonths(months);
  }
}

void applyCalendarYear(Obligation& o, const std::vector<RecordRef>& done, const Date& as_of) {
  o.due = Date{as_of.year, 12, 31};
  if (const RecordRef* last = latestOnOrBefore(done, as_of, Date{as_of.year, 1, 1})) {
    o.last_met = *last;
    o.period_satisfied = true;
  }
}

void applyAnnualDeadline(Obligation& o, const std::vector<RecordRef>& done, int deadline_month,
                         int deadline_day, int window_months, const Date& as_of) {
  o.due = Date{as_of.year, deadline_month, deadline_day};
  const Date window_start = o.due.addMonths(-window_months);
  const Date limit = as_of > o.due ? as_of : o.due;
  if (const RecordRef* last = latestOnOrBefore(done, limit, window_start)) {
    if (last->date <= as_of) {
      o.last_met = *last;
      o.period_satisfied = true;
    }
  }
}

Obligation obligationFor(const RuleInfo& rule, const std::string& domain, ObligationKind kind,
                         RecordId org_id, RecordId plan_id) {
  Obligation o;
  o.rule_id = rule.id;
  o.domain = domain;
  o.kind = kind;
  o.title_zh = rule.title_zh;
  o.title_en = rule.title_en;
  o.citation = rule.citation;
  o.basis = rule.basis;
  o.org_id = org_id;
  o.plan_id = plan_id;
  return o;
}

Result<Date> trackingStart(const RuleParameters& parameters) {
  static const char* kKey = "rules.tracking_start";
  const std::string text = parameters.stringValue(kKey, "2023-01-01");
  if (auto d = Date::parse(text)) return *d;
  return Status::invalid(kKey, "must be a date YYYY-MM-DD, got \"" + text + "\"");
}

Result<int> intervalMonths(const RuleParameters& parameters, const std::string& key,
                           int default_months, bool zero_disables) {
  const int months = parameters.intValue(key, default_months);
  const int lowest = zero_disables ? 0 : 1;
  if (months < lowest || months > 1200) {
    return Status::invalid(key, "must be a number of months between " + std::to_string(lowest) +
                                    " and 1200, got " + std::to_string(months));
  }
  return months;
}

ObligationStatus statusOf(const Obligation& o, const Date& as_of, int due_soon_days) {
  if (!o.applicable) return ObligationStatus::NotApplicable;
  if (o.period_satisfied) return ObligationStatus::Met;
  if (as_of > o.due) return ObligationStatus::Overdue;
  if (daysBetween(as_of, o.due) <= due_soon_days) return ObligationStatus::DueSoon;
  if (o.last_met.isSet()) return ObligationStatus::Met;
  return ObligationStatus::Upcoming;
}

}  // namespace beacon::sdk
