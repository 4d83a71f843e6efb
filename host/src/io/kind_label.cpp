#include "io/kind_label.h"

namespace beacon::io {

std::string kindLabelZh(const std::string& kind) {
  if (kind == "organisations") return "组织机构";
  if (kind == "plans") return "应急预案";
  if (kind == "reviews") return "评审评估";
  if (kind == "filings") return "备案";
  if (kind == "drills") return "应急演练";
  if (kind == "corrective-actions") return "整改措施";
  if (kind == "publications") return "公开";
  if (kind == "drill-plans") return "年度演练计划";
  if (kind == "drill-evaluations") return "演练评估报告";
  return kind;
}

}  // namespace beacon::io
