// Helpers every domain's rules share, so an interval duty ("drill every 6
// months", "evaluate every 36 months") is computed one way everywhere.
// Stateless functions; thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "beacon/sdk/export.h"
#include "beacon/sdk/host_services.h"
#include "beacon/sdk/obligation.h"
#include "beacon/sdk/status.h"

namespace beacon::sdk {

// Fills o.due and o.last_met for a duty repeating every `months`: due
// `months` after the latest of `done` dated on or before as_of, or `months`
// after `anchor` (e.g. plan issue date, tracking start) when nothing is done.
// o.met_due is the cycle that record closed: `months` after the record
// before it in `done`, or after `anchor`.
BEACON_SDK_API void applyInterval(Obligation& o, const std::vector<RecordRef>& done,
                                  const Date& anchor, int months, const Date& as_of);

// Fills o.due (the period's last day) and o.period_satisfied for a duty due
// once per calendar year: met by any record dated in as_of's year.
BEACON_SDK_API void applyCalendarYear(Obligation& o, const std::vector<RecordRef>& done,
                                      const Date& as_of);

// Fills a once-a-year seasonal checkpoint: due on `deadline` (month/day) of
// as_of's year, met on time by a record in the `months` before it (not
// before 01-01 of that year), met late by one after it in the same year
// (applyPeriodDeadline).
BEACON_SDK_API void applyAnnualDeadline(Obligation& o, const std::vector<RecordRef>& done,
                                        int deadline_month, int deadline_day, int window_months,
                                        const Date& as_of);

// An obligation of `kind` for `rule` in `domain`, copying the rule's id,
// titles, citation and basis; due and last_met are left for the caller.
BEACON_SDK_API Obligation obligationFor(const RuleInfo& rule, const std::string& domain,
                                        ObligationKind kind, RecordId org_id, RecordId plan_id);

// "rules.tracking_start" (policy, default 2023-01-01): the anchor of interval
// duties that have no record yet. Fails, naming the key, unless YYYY-MM-DD.
BEACON_SDK_API Result<Date> trackingStart(const RuleParameters& parameters);

// A month count read from `key`: at least 1, or 0 too when `zero_disables`.
// Fails naming the key otherwise (at most 1200 months).
BEACON_SDK_API Result<int> intervalMonths(const RuleParameters& parameters, const std::string& key,
                                          int default_months, bool zero_disables = false);

// ---- Met late (逾期完成) and one record per period (issue #11) ----

// Fills a duty due once per period on `deadline`: a record dated within
// [on_time_from, deadline] meets it on time (the newest is kept); failing
// that, the earliest record within (deadline, late_until] meets it late
// (the host reports 逾期完成 with the days past o.met_due). A record outside
// [on_time_from, late_until] belongs to another period and never counts
// here, so one record meets one period's duty only. Only records dated on
// or before as_of count. Fills o.due, o.met_due, o.last_met and
// o.period_satisfied. REQUIRES: on_time_from <= deadline <= late_until.
BEACON_SDK_API void applyPeriodDeadline(Obligation& o, const std::vector<RecordRef>& done,
                                        const Date& on_time_from, const Date& deadline,
                                        const Date& late_until, const Date& as_of);

// The drills a period duty needs (see applyPeriodDeadline), as of as_of: the
// newest of each group dated within [on_time_from, deadline], and every
// drill dated within (deadline, late_until], so the earliest late one is
// known. `flag_field` as in RecordReader::latestDrills.
BEACON_SDK_API std::vector<LatestDrill> periodDrills(const RecordReader& records,
                                                     const Date& on_time_from, const Date& deadline,
                                                     const Date& late_until, const Date& as_of,
                                                     const std::string& flag_field = "");

}  // namespace beacon::sdk
