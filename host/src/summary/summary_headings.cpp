#include "summary/summary_headings.h"

namespace beacon::summary {

Poco::JSON::Object::Ptr summaryHeadings(const Lang& t) {
  Poco::JSON::Object::Ptr h = orderedObject();
  h->set("plans", t("应急预案", "Emergency plans"));
  h->set("drills", t("应急演练", "Drills"));
  h->set("domain", t("领域", "Domain"));
  h->set("level", t("层级", "Level"));
  h->set("total", t("合计", "Total"));
  h->set("plan_status", t("应急预案状态", "Plan status"));
  h->set("coverage", t("近12个月演练覆盖情况", "Drill coverage, last 12 months"));
  h->set("township", t("乡镇（街道）", "Township"));
  h->set("units", t("村（社区）及单位数", "Villages and units"));
  h->set("overdue", t("逾期事项", "Overdue duties"));
  h->set("organisation", t("责任单位", "Responsible organisation"));
  h->set("plan", t("预案", "Plan"));
  h->set("duty", t("事项", "Duty"));
  h->set("citation", t("依据", "Basis"));
  h->set("due", t("到期日", "Due"));
  h->set("days_overdue", t("逾期天数", "Days overdue"));
  h->set("met_late", t("逾期完成事项", "Duties met late"));
  h->set("met_on", t("完成日期", "Met on"));
  h->set("days_late", t("逾期天数", "Days late"));
  h->set("as_of", t("统计截至", "As of"));
  h->set("field", t("项目", "Item"));
  h->set("value", t("内容", "Value"));
  h->set("actions", t("整改措施", "Corrective actions"));
  h->set("description", t("措施", "Action"));
  h->set("status", t("状态", "Status"));
  h->set("none", t("无", "None"));
  h->set("abolished", t("已废止预案", "Abolished plans"));
  h->set("abolished_note",
         t("已废止的预案单独列出，不计入上表及现行预案。",
           "Abolished plans are listed here only, not in the table or among the plans in force."));
  h->set("abolished_on", t("废止日期", "Abolished on"));
  h->set("replaced_by", t("替代预案", "Replaced by"));
  h->set("drafted", t("编制", "Drafted"));
  h->set("revised", t("修订", "Revised"));
  h->set("evaluated", t("评估", "Evaluated"));
  h->set("shown", t("列出前", "Showing the first"));
  // Punctuation between template values: full-width in Chinese (GB/T 15834).
  h->set("lp", t("（", " ("));
  h->set("rp", t("）", ")"));
  h->set("colon", t("：", ": "));
  h->set("comma", t("，", ", "));
  h->set("period", t("。", ". "));
  return h;
}

}  // namespace beacon::summary
