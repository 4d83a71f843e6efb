// DrillPlan: an organisation's annual drill plan (年度演练计划, 生产安全事故应急预案
// 管理办法 第三十三条) for one year, the day it was made, and its planned drills
// (DrillPlanItem): domain, drill type (a plugin's), month and, optionally, the
// plan the drill exercises. One plan per organisation and year; items are only
// added. Plain values; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::store {

struct DrillPlanItem {
  sdk::RecordId id = 0;
  sdk::RecordId drill_plan_id = 0;
  std::string domain;
  std::string drill_type;
  int month = 0;               // 1..12 of the plan's year
  sdk::RecordId plan_id = 0;   // the emergency plan exercised; 0: none named
  std::string note;
};

struct DrillPlan {
  sdk::RecordId id = 0;
  sdk::RecordId org_id = 0;
  int year = 0;
  sdk::Date made_on;  // 制定日期: the day the organisation made (approved) the plan
  std::string note;
  std::vector<DrillPlanItem> items;  // in month order, then id
};

}  // namespace beacon::store
