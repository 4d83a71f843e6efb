// DrillEvaluation: the evaluation report of one drill (演练评估报告, 生产安全事故应急
// 预案管理办法 第三十四条; AQ/T 9009 grades 优/良/中/差): verdict, findings,
// suggestions for the plan and preparedness, evaluator, date and an optional
// document reference. At most one in force per drill. Plain values; thread-safe.
#pragma once

#include <string>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::store {

struct DrillEvaluation {
  sdk::RecordId id = 0;
  sdk::RecordId drill_id = 0;
  sdk::DrillVerdict verdict = sdk::DrillVerdict::None;
  std::string findings;
  std::string suggestions;
  std::string evaluator;  // person or body (third party allowed)
  sdk::Date date;         // 评估日期
  std::string document;   // e.g. the report's file number or an attachment name
};

}  // namespace beacon::store
