#include "auth/correction_policy.h"

#include <set>

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>

namespace beacon::auth {

CorrectionVerdict CorrectionPolicy::decide(const User& user, const CorrectableRecord& record) {
  if (user.disabled || user.role == Role::Viewer) return CorrectionVerdict::NotPermitted;
  if (user.role == Role::Admin) return CorrectionVerdict::Allowed;
  if (user.org_id == 0) return CorrectionVerdict::NotPermitted;
  if (user.role == Role::OrgStaff && isAbove(user.org_id, record.org_id))
    return CorrectionVerdict::Allowed;
  if (record.recorded_by.empty() || record.recorded_by != user.username)
    return CorrectionVerdict::NotPermitted;
  // The recorder, still working for the record's organisation (or above it).
  const bool own = user.org_id == record.org_id || isAbove(user.org_id, record.org_id);
  if (!own) return CorrectionVerdict::NotPermitted;
  if (!record.recorded_on.isSet() ||
      today_.toDays() - record.recorded_on.toDays() > correction_days_) {
    return CorrectionVerdict::WindowClosed;
  }
  return CorrectionVerdict::Allowed;
}

bool CorrectionPolicy::isAbove(sdk::RecordId upper, sdk::RecordId org_id) {
  std::set<sdk::RecordId> seen;
  auto org = orgs_.findById(org_id);
  while (org && org->parent_id != 0 && seen.insert(org->id).second) {
    if (org->parent_id == upper) return true;
    org = orgs_.findById(org->parent_id);
  }
  return false;
}

sdk::Result<int> CorrectionPolicy::configuredDays(const Poco::Util::AbstractConfiguration& config) {
  const std::string key = "records.correction_days";
  if (!config.hasProperty(key)) return kDefaultCorrectionDays;
  std::string text;
  try {
    text = config.getString(key);
  } catch (const Poco::Exception& e) {
    return sdk::Status::invalid(key, "cannot expand the value: " + e.displayText());
  }
  int days = 0;
  if (!Poco::NumberParser::tryParse(text, days) || days < 0 || days > 36500) {
    return sdk::Status::invalid(key,
                                "\"" + text + "\" is not a whole number of days from 0 to 36500");
  }
  return days;
}

std::string CorrectionPolicy::refusal(CorrectionVerdict verdict, bool english) const {
  const std::string days = std::to_string(correction_days_);
  if (verdict == CorrectionVerdict::WindowClosed) {
    return english ? "the recorder may correct or void a record within " + days +
                         " days of recording; ask the superior organisation or the city office"
                   : "登记人只能在登记后 " + days +
                         " 日内更正或作废本记录，请联系上级单位或市应急管理局";
  }
  return english ? "only the recorder (within " + days +
                       " days), staff of a superior organisation or the city administrator may "
                       "correct or void"
                       " this record"
                 : "只有登记人（登记后 " + days +
                       " 日内）、上级单位工作人员或市应急管理局管理员可以更正或作废本记录";
}

}  // namespace beacon::auth
