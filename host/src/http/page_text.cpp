#include "http/page_text.h"

#include <utility>
#include <vector>

namespace beacon::http {

namespace {

struct Phrase {
  const char* key;
  const char* zh;
  const char* en;
};

const std::vector<Phrase>& phrases() {
  static const std::vector<Phrase> kPhrases = {
      {"app", "应急预案与演练管理", "Emergency plans and drills"},
      {"dashboard", "总览", "Dashboard"},
      {"plans", "预案", "Plans"},
      {"drills", "演练", "Drills"},
      {"log_drill", "登记演练", "Log a drill"},
      {"organisations", "单位", "Organisations"},
      {"summaries", "汇总报告", "Summaries"},
      {"login", "登录", "Log in"},
      {"logout", "退出", "Log out"},
      {"username", "用户名", "Username"},
      {"password", "密码", "Password"},
      {"save", "保存", "Save"},
      {"filter", "筛选", "Filter"},
      {"all", "全部", "All"},
      {"domain", "领域", "Domain"},
      {"status", "状态", "Status"},
      {"owner", "责任单位", "Owner"},
      {"organisation", "单位", "Organisation"},
      {"code", "编码", "Code"},
      {"title", "名称", "Title"},
      {"category", "类别", "Category"},
      {"version", "版本", "Version"},
      {"versions", "版本历史", "Versions"},
      {"issued", "印发日期", "Issued"},
      {"effective", "施行日期", "Effective"},
      {"trigger", "修订原因", "Trigger"},
      {"text", "正文", "Text"},
      {"revise", "修订预案", "Revise"},
      {"diff", "版本比较", "Compare versions"},
      {"from", "从", "From"},
      {"to", "到", "To"},
      {"compare", "比较", "Compare"},
      {"reviews", "评审与评估", "Reviews and evaluations"},
      {"record_review", "登记评审/评估", "Record a review or evaluation"},
      {"review_kind", "类型", "Kind"},
      {"review", "评审", "Review"},
      {"evaluation", "评估", "Evaluation"},
      {"reviewers", "参加人员", "Reviewers"},
      {"conclusion", "结论", "Conclusion"},
      {"keep", "继续适用", "Keep"},
      {"revise_needed", "需修订", "Revise"},
      {"findings", "发现的问题", "Findings"},
      {"filings", "备案", "Filings"},
      {"record_filing", "登记备案", "Record a filing"},
      {"target_body", "备案机关", "Filed with"},
      {"submitted", "报送日期", "Submitted"},
      {"registration_no", "备案编号", "Registration no."},
      {"published", "公开日期", "Published"},
      {"linked_drills", "相关演练", "Linked drills"},
      {"open_actions", "未完成整改", "Open corrective actions"},
      {"corrective_actions", "整改措施", "Corrective actions"},
      {"description", "内容", "Description"},
      {"add_corrective_action", "登记整改措施", "Add corrective action"},
      {"ca_description", "问题及整改措施", "Finding and measure"},
      {"responsible_org", "责任单位", "Responsible organisation"},
      {"ca_due", "整改期限", "Due date"},
      {"mark_done", "标记为已整改", "Mark as done"},
      {"correct_drill", "更正演练记录", "Correct a drill"},
      {"correct_record", "更正", "Correct"},
      {"corrected", "已更正", "Corrected"},
      {"correction_reason", "原因", "Reason"},
      {"correction_history", "更正记录", "Corrections"},
      {"void_record", "作废", "Void"},
      {"void_reason", "作废原因", "Reason for voiding"},
      {"voided", "已作废", "Voided"},
      {"by", "操作人", "By"},
      {"change", "内容", "Change"},
      {"cancel", "取消", "Cancel"},
      {"action_added", "整改措施已登记", "Corrective action added"},
      {"action_updated", "整改状态已更新", "Status updated"},
      {"due", "期限", "Due"},
      {"drill_type", "演练类型", "Drill type"},
      {"date", "日期", "Date"},
      {"place", "地点", "Place"},
      {"scenario", "情景", "Scenario"},
      {"participants", "参演人数", "Participants"},
      {"evacuees", "疏散人数", "Evacuees"},
      {"plan", "依据预案", "Plan"},
      {"none", "无", "None"},
      {"verdict", "评估结论", "Verdict"},
      {"evaluation_of_drill", "演练评估", "Evaluation"},
      {"attachments", "附件", "Attachments"},
      {"evidence", "现场照片/签到表/评估报告", "Photos, sign-in sheet, evaluation report"},
      {"document", "预案文本 (DOCX/PDF)", "Plan document (DOCX/PDF)"},
      {"upload", "上传", "Upload"},
      {"met", "已落实", "Met"},
      {"due_soon", "即将到期", "Due soon"},
      {"overdue", "已逾期", "Overdue"},
      {"overdue_list", "逾期事项", "Overdue obligations"},
      {"citation", "依据", "Citation"},
      {"township", "乡镇(街道)", "Township"},
      {"as_of", "截至", "As of"},
      {"kind", "类型", "Kind"},
      {"year", "年度", "Year"},
      {"format", "格式", "Format"},
      {"preview", "预览", "Preview"},
      {"download", "下载", "Download"},
      {"calendar", "日历订阅", "Calendar feed"},
      {"previous", "上一页", "Previous"},
      {"next", "下一页", "Next"},
      {"total", "共", "Total"},
      {"no_records", "暂无记录", "No records"},
      {"error", "出错了", "Something went wrong"},
      {"back", "返回", "Back"},
      {"demo_notice", "示例数据，仅供演示", "Illustrative demo data"},
      {"required", "必填", "required"},
      {"detail", "详情", "Details"},
      {"choose", "请选择", "Choose"},
      {"draft_revision", "保存为修订稿（暂不印发，不替代现行版本）", "Store as a draft (not issued; the version in force stays)"},
      {"revise_preview", "确认修订", "Confirm the revision"},
      {"revise_changes", "与现行版本相比的变化", "Changes against the version in force"},
      {"revise_draft_note", "修订稿保存后，预案仍按现行版本执行，直至新版本印发。",
       "After a draft is stored the plan stays in force on its current version until a new one is issued."},
      {"revise_issue_note", "确认后，新版本将成为现行版本。", "Once confirmed, the new version is the version in force."},
      {"confirm_revise", "确认修订", "Confirm revision"},
      {"cancel", "取消", "Cancel"},
      {"major_revision", "重大修订", "Major revision"},
      {"archive", "存档", "Archive"},
      {"archives", "已存档报告", "Archived summaries"},
      {"archived_at", "存档时间", "Archived at"},
      {"archived_by", "存档人", "Archived by"},
      {"archive_check", "核对", "Check"},
      {"archive_note", "存档内容不可更改；“核对”按今天的数据重新生成并比较文字。",
       "Archived summaries never change; Check renders again on today's data and compares the text."},
  };
  return kPhrases;
}

}  // namespace

kainjow::mustache::data pageText(bool english) {
  kainjow::mustache::data d;
  for (const auto& p : phrases()) d.set(p.key, english ? p.en : p.zh);
  return d;
}

}  // namespace beacon::http
