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

// The earliest record dated within [from, to] (the lowest id on a tie).
const RecordRef* earliestWithin(const std::vector<RecordRef>& done, const Date& from, const Date& to) {
  const RecordRef* best = nullptr;
  for (const auto& r : done) {
    if (r.date < from || r.date > to) continue;
    if (!best || r.date < best->date || (r.date == best->date && r.id < best->id)) best = &r;
  }
  return best;
}
}  // namespace

void applyInterval(Obligation& o, const std::vector<RecordRef>& done, const Date& anchor,
                   int months, const Date& as_of) {
  if (const RecordRef* last = latestOnOrBefore(done, as_of)) {
    o.last_met = *last;
    o.due = last->date.addMonths(months);
    // The cycle `last` closed was due `months` after the record before it (or the anchor).
    const RecordRef* before = latestOnOrBefore(done, last->date.addDays(-1));
    o.met_due = (before ? before->date : anchor).addMonths(months);
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
  const Date deadline{as_of.year, deadline_month, deadline_day};
  const Date year_start{as_of.year, 1, 1};
  const Date window_start = deadline.addMonths(-window_months);
  applyPeriodDeadline(o, done, window_start < year_start ? year_start : window_start, deadline,
                      Date{as_of.year, 12, 31}, as_of);
}

void applyPeriodDeadline(Obligation& o, const std::vector<RecordRef>& done, const Date& on_time_from,
                         const Date& deadline, const Date& late_until, const Date& as_of) {
  o.due = deadline;
  o.met_due = deadline;
  const RecordRef* met = latestOnOrBefore(done, as_of < deadline ? as_of : deadline, on_time_from);
  if (!met && as_of > deadline) met = earliestWithin(done, deadline.addDays(1), as_of < late_until ? as_of : late_until);
  if (met) {
    o.last_met = *met;
    o.period_satisfied = true;
  }
}

std::vector<LatestDrill> periodDrills(const RecordReader& records, const Date& on_time_from,
                                      const Date& deadline, const Date& late_until, const Date& as_of,
                                      const std::string& flag_field) {
  std::vector<LatestDrill> out = records.latestDrills(on_time_from, as_of < deadline ? as_of : deadline, flag_field);
  if (!(as_of > deadline)) return out;
  for (const auto& d : records.drills(deadline.addDays(1), as_of < late_until ? as_of : late_until)) {
    if (!flag_field.empty()) {
      const auto it = d.fields.find(flag_field);
      if (it == d.fields.end() || it->second != "1") continue;
    }
    out.push_back(LatestDrill{d.org_id, d.plan_id, d.drill_type, RecordRef{"drill", d.id, d.date}});
  }
  return out;
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
  const ObligationStatus met = daysLate(o) > 0 ? ObligationStatus::MetLate : ObligationStatus::Met;
  if (!o.applicable) return ObligationStatus::NotApplicable;
  if (o.period_satisfied) return met;
  if (as_of > o.due) return ObligationStatus::Overdue;
  if (daysBetween(as_of, o.due) <= due_soon_days) return ObligationStatus::DueSoon;
  if (o.last_met.isSet()) return met;
  return ObligationStatus::Upcoming;
}

long daysLate(const Obligation& o) {
  if (!o.last_met.isSet()) return 0;
  const Date& due = o.met_due.isSet() ? o.met_due : o.due;
  return o.last_met.date > due ? daysBetween(due, o.last_met.date) : 0;
}

}  // namespace beacon::sdk
