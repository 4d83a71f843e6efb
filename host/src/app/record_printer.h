// RecordPrinter: the CLI's plain-text rendering of records (one line per
// record in lists, a labelled block for `show`), zh-CN by default with an
// English switch. Stateless apart from the language; thread-safe.
#pragma once

#include <map>
#include <ostream>
#include <string>

#include "beacon/sdk/records.h"
#include "store/audit_log.h"

namespace beacon::app {

class RecordPrinter {
 public:
  RecordPrinter(std::ostream& out, bool english) : out_(out), english_(english) {}
  void organisationLine(const sdk::Organisation& o, const std::string& parent_code);
  void planLine(const sdk::Plan& p, const std::string& owner_name);
  void versionLine(const sdk::PlanVersion& v);
  void reviewLine(const sdk::Review& r);
  void filingLine(const sdk::Filing& f);
  void drillLine(const sdk::Drill& d, const std::string& org_name, const std::string& type_label);
  void drillBlock(const sdk::Drill& d, const std::string& org_name, const std::string& type_label,
                  const std::string& plan_code);
  void auditLine(const store::AuditEntry& e);
  // The line under a voided record in a list: （已作废：reason） / (voided: reason).
  void voidedLine(const std::string& reason);

 private:
  std::ostream& out_;
  bool english_;
};

}  // namespace beacon::app
