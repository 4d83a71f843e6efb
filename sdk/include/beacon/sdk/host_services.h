// HostServices: the narrow window the host opens to a plugin at initialize():
// read access to the plugin's own domain records, the working-day calendar,
// the deployment's rule parameters and logging. Never the raw database, and no
// clock: rules get their as-of date in the RuleContext (SDK 3.0 removed
// today() and render(), which no plugin may depend on). Implementations are owned by the host and outlive the
// plugin; every method is safe to call from any thread.
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/date.h"
#include "beacon/sdk/export.h"
#include "beacon/sdk/obligation.h"
#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"

namespace beacon::sdk {

// SDK 1.2. A drill of one group of a domain's drills (same organisation,
// plan (0: none named) and drill type): see RecordReader::latestDrills.
struct LatestDrill {
  RecordId org_id = 0;
  RecordId plan_id = 0;
  std::string drill_type;
  RecordRef drill;  // kind "drill": the newest drill's id and date
};

// Read-only access to one domain's records (organisations are shared by all).
class BEACON_SDK_API RecordReader {
 public:
  virtual ~RecordReader();
  virtual std::vector<Organisation> organisations() const = 0;
  virtual std::vector<Plan> plans() const = 0;
  // Versions without their full text, oldest first.
  virtual std::vector<PlanVersion> versions(RecordId plan_id) const = 0;
  virtual std::vector<Review> reviews(RecordId plan_id) const = 0;
  virtual std::vector<Filing> filings(RecordId plan_id) const = 0;
  // This domain's drills dated within [from, to], oldest first.
  virtual std::vector<Drill> drills(const Date& from, const Date& to) const = 0;

  // SDK 1.2. For each (organisation, plan, drill type) with a drill dated in
  // [from, to], the newest (latest date, then highest id) and, as a second
  // entry, the newest dated before its day: the drill closing the cycle
  // before, so applyInterval() judges the newest by its own cycle (issue #11).
  // `flag_field` set: only drills whose field of that name is "1". Answered
  // from an index in time proportional to the groups, not the drills. Order
  // unspecified. The default folds drills(from, to).
  virtual std::vector<LatestDrill> latestDrills(const Date& from, const Date& to,
                                                const std::string& flag_field) const;
};

// Chinese public holidays with make-up working days (调休), from a data file.
class BEACON_SDK_API WorkingCalendar {
 public:
  virtual ~WorkingCalendar();
  // Fails, naming the year, for a date outside the calendar's data.
  virtual Result<bool> isWorkingDay(const Date& day) const = 0;
  // The date `n` working days after `from` (not counting `from`).
  virtual Result<Date> addWorkingDays(const Date& from, int n) const = 0;
};

// Deployment parameters for rules, keyed "rules.<domain>.<name>"; the default
// passed in is the law's value.
class BEACON_SDK_API RuleParameters {
 public:
  virtual ~RuleParameters();
  virtual int intValue(const std::string& key, int default_value) const = 0;
  virtual bool boolValue(const std::string& key, bool default_value) const = 0;
  virtual std::string stringValue(const std::string& key,
                                  const std::string& default_value) const = 0;
};

enum class LogLevel { Debug, Info, Warning, Error };

class BEACON_SDK_API HostServices {
 public:
  virtual ~HostServices();
  virtual void log(LogLevel level, const std::string& message) const = 0;
  virtual const RecordReader& records() const = 0;
  virtual const WorkingCalendar& calendar() const = 0;
  virtual const RuleParameters& parameters() const = 0;
};

}  // namespace beacon::sdk
