// Obligation: one duty the rules derive for a plan or an organisation as of a
// date (evaluate this plan, drill that unit, file this version), with the
// rule's citation, its due date and the record that last met it. Rules fill
// them in; the host's compliance engine turns them into a status with the
// deployment's due-soon margin. Plain values; thread-safe.
#pragma once

#include <string>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::sdk {

enum class RuleBasis { Law, Policy };  // statute/regulation vs configurable local policy
enum class ObligationKind { Evaluation, Drill, Filing, Publication, Revision, Review, Report };
// MetLate (逾期完成, issue #11, appended): met by a record dated after the due date it answered.
enum class ObligationStatus { Met, DueSoon, Overdue, Upcoming, NotApplicable, MetLate };

// SDK 3.0. Whose records a rule reads to decide one organisation's obligations. The host's
// compliance engine keeps every organisation's results and, after a write, evaluates again
// only the organisations whose results the write can change: with Organisation that is the
// organisations the write touched; with Subtree also every organisation above them (their
// results are computed from a reader that holds the whole subtree below); with City every
// organisation. A rule that reads more than it declares gives stale results in a running
// server (a fresh `beacon check` disagrees with /api/v1/obligations). The default is the
// safe one, City; declare the narrowest scope that is true.
enum class RuleScope {
  Organisation,  // the organisation's own records: its plans with their versions, reviews and
                 // filings, the drills it held or that name its plans, its own and its
                 // parents' organisation rows
  Subtree,       // also the records of every organisation under it (a township met by a drill
                 // of any of its villages)
  City,          // any record of the city (a duty ranked or compared across organisations)
};

// A rule as the plugin documents it; every obligation names one.
struct RuleInfo {
  std::string id;  // "<domain>.<rule>", e.g. "fire.key_unit_drill"
  std::string title_zh;
  std::string title_en;
  std::string citation;  // document and article, e.g. 机关、团体、企业、事业单位消防安全管理规定 第四十条
  RuleBasis basis = RuleBasis::Law;
  std::string parameters;  // the configuration keys that tune it, comma-separated
  RuleScope scope = RuleScope::City;  // SDK 3.0: see RuleScope
};

struct RecordRef {
  std::string kind;  // "drill", "review", "filing", "version"
  RecordId id = 0;
  Date date;
  bool isSet() const { return id != 0; }
};

struct Obligation {
  std::string rule_id;
  std::string domain;
  ObligationKind kind = ObligationKind::Drill;
  std::string title_zh;
  std::string title_en;
  std::string citation;
  RuleBasis basis = RuleBasis::Law;
  RecordId org_id = 0;
  RecordId plan_id = 0;  // 0 for an organisation-level duty
  Date due;              // when the next action is due
  RecordRef last_met;    // the record that last satisfied the duty, if any
  bool period_satisfied = false;  // the current period's duty is done (calendar-period rules)
  bool applicable = true;
  std::string note;  // e.g. why it is not applicable, or what restarted the clock

  // ---- Met late (逾期完成), issue #11: appended ----
  // The due date the record in last_met answered, when it is not `due`: an
  // interval duty's previous cycle, a period duty's deadline. Unset: `due`.
  // A last_met dated after it met the duty late (see daysLate, statusOf).
  Date met_due;
};

BEACON_SDK_API const char* toId(RuleBasis);
BEACON_SDK_API const char* labelZh(RuleBasis);
BEACON_SDK_API const char* toId(RuleScope);
BEACON_SDK_API const char* labelZh(RuleScope);
BEACON_SDK_API const char* labelEn(RuleScope);
// The wider of two scopes (Organisation < Subtree < City).
BEACON_SDK_API RuleScope widerScope(RuleScope a, RuleScope b);
BEACON_SDK_API const char* toId(ObligationKind);
BEACON_SDK_API const char* labelZh(ObligationKind);
BEACON_SDK_API const char* toId(ObligationStatus);
BEACON_SDK_API const char* labelZh(ObligationStatus);
BEACON_SDK_API const char* labelEn(ObligationStatus);

// The status the host reports for `o` as of `as_of`, given `due_soon_days`:
// not applicable; met when the period is done; overdue past due; due soon
// within the margin; met while a record still covers it; otherwise upcoming.
BEACON_SDK_API ObligationStatus statusOf(const Obligation& o, const Date& as_of, int due_soon_days);

// ---- Met late (逾期完成), issue #11 ----
// statusOf answers MetLate instead of Met when daysLate(o) > 0.
// The days last_met is dated after the due date it answered (met_due, else
// due); 0 when it was on time or nothing met the duty.
BEACON_SDK_API long daysLate(const Obligation& o);

}  // namespace beacon::sdk
