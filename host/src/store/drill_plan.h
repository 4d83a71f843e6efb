// DrillPlan: an organisation's annual drill plan (年度演练计划, 生产安全事故应急预案
// 管理办法 第三十三条) for one year, the day it was made, and its planned drills
// (DrillPlanItem): domain, drill type (a plugin's), month and, optionally, the
// plan the drill exercises. One plan per organisation and year; items are
// added, corrected (更正) or voided (作废, migration 22), never deleted: a voided
// item is kept in `voided_items` with its mark and left out of `items`, so plan
// versus actual and every count see only the items in force. Plain values;
// thread-safe.
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
  // The void mark (作废); empty while in force.
  std::string voided_at;
  std::string voided_by;
  std::string void_reason;
  bool voided() const { return !voided_at.empty(); }
};

struct DrillPlan {
  sdk::RecordId id = 0;
  sdk::RecordId org_id = 0;
  int year = 0;
  sdk::Date made_on;  // 制定日期: the day the organisation made (approved) the plan
  std::string note;
  std::vector<DrillPlanItem> items;         // in force, in month order, then id
  std::vector<DrillPlanItem> voided_items;  // voided, in the same order
};

}  // namespace beacon::store
