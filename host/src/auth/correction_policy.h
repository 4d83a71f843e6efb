// CorrectionPolicy: who may correct or void (作废) a recorded drill, review
// or evaluation, filing or corrective action, the one rule every entry path
// (API, pages, CLI) applies:
//   the city administrator          always;
//   staff of an organisation above  at any time (the record's organisation
//     the record's organisation     lies strictly below the user's);
//   the recorder                    within records.correction_days days of
//                                   recording, while it may write the
//                                   record's organisation;
//   anyone else, and every viewer   never.
// `today` is given, so tests move the calendar. Per request or command; not
// thread-safe (reads organisations through the repository).
#pragma once

#include <string>

#include <Poco/Util/AbstractConfiguration.h>

#include "auth/user.h"
#include "beacon/sdk/date.h"
#include "beacon/sdk/status.h"
#include "store/organisation_repository.h"

namespace beacon::auth {

// The record as the policy sees it.
struct CorrectableRecord {
  sdk::RecordId org_id = 0;  // the owning organisation (see AccessPolicy)
  std::string recorded_by;   // username of the "create" audit entry; empty when imported
  sdk::Date recorded_on;     // the day it was recorded (created_at)
};

enum class CorrectionVerdict {
  Allowed,
  NotPermitted,  // not the recorder, nor above the record, nor the administrator (or a viewer)
  WindowClosed,  // the recorder, after records.correction_days
};

class CorrectionPolicy {
 public:
  static constexpr int kDefaultCorrectionDays = 30;
  CorrectionPolicy(store::OrganisationRepository& orgs, int correction_days, sdk::Date today)
      : orgs_(orgs), correction_days_(correction_days), today_(today) {}

  CorrectionVerdict decide(const User& user, const CorrectableRecord& record);
  int correctionDays() const { return correction_days_; }

  // records.correction_days (whole days 0..36500; default 30); fails naming the key.
  static sdk::Result<int> configuredDays(const Poco::Util::AbstractConfiguration& config);
  // The refusal in the user's language (zh-CN official wording, or English).
  std::string refusal(CorrectionVerdict verdict, bool english) const;

 private:
  bool isAbove(sdk::RecordId upper, sdk::RecordId org_id);
  store::OrganisationRepository& orgs_;
  int correction_days_;
  sdk::Date today_;
};

}  // namespace beacon::auth
