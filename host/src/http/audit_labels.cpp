#include "http/audit_labels.h"

#include <limits>
#include <map>
#include <set>

#include "auth/role.h"
#include "http/label_language.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "http/refusal_text.h"
#include "http/strict_number.h"
#include "service/lifecycle_step.h"
#include "service/plan_category_catalog.h"
#include "store/corrective_action.h"
#include "store/record_parse.h"
#include "store/revision_triggers.h"

namespace beacon::http {

namespace {

struct Words {
  const char* zh;
  const char* en;
};

using Table = std::map<std::string, Words>;

std::string lookUp(const Table& table, const std::string& code, bool english) {
  const auto it = table.find(code);
  if (it == table.end()) return code;
  return inLanguage(english, it->second.en, it->second.zh);
}

const Table& entities() {
  static const Table kTable = {
      {"plan", {"预案", "Plan"}},
      {"plan_version", {"预案版本", "Plan version"}},
      {"plan_transition", {"预案办理环节", "Plan step"}},
      {"review", {"评审/评估", "Review or evaluation"}},
      {"filing", {"备案", "Filing"}},
      {"drill", {"演练", "Drill"}},
      {"drill_evaluation", {"演练评估", "Drill evaluation"}},
      {"drill_plan", {"年度演练计划", "Drill plan"}},
      {"drill_plan_item", {"演练计划条目", "Drill plan item"}},
      {"corrective_action", {"整改措施", "Corrective action"}},
      {"organisation", {"单位", "Organisation"}},
      {"user", {"用户", "User"}},
      {"login", {"登录", "Login"}},
      {"attachment", {"附件", "Attachment"}},
      {"api_token", {"API 令牌", "API token"}},
      {"calendar_feed", {"日历订阅", "Calendar feed"}},
      {"holiday_calendar", {"节假日安排", "Holiday calendar"}},
      {"demo_dataset", {"示例数据", "Demo data"}},
  };
  return kTable;
}

const Table& actions() {
  static const Table kTable = {
      {"create", {"新增", "Created"}},
      {"update", {"修改", "Updated"}},
      {"correct", {"更正", "Corrected"}},
      {"void", {"作废", "Voided"}},
      {"draft", {"录入编制稿", "Draft recorded"}},
      {"revise", {"修订", "Revised"}},
      {"edit_draft", {"修改编制稿", "Draft edited"}},
      {"issue", {"印发", "Issued"}},
      {"withdraw_issue", {"撤销印发", "Issue withdrawn"}},
      {"withdraw_abolition", {"撤销废止", "Abolition withdrawn"}},
      {"set_password", {"设置密码", "Password set"}},
      {"set_role", {"修改角色和所属单位", "Role and organisation changed"}},
      {"disable", {"停用账号", "Account disabled"}},
      {"enable", {"启用账号", "Account enabled"}},
      {"login", {"登录", "Logged in"}},
      {"logout", {"退出登录", "Logged out"}},
      {"login_failed", {"登录失败", "Login failed"}},
      {"login_throttled", {"登录受限", "Login throttled"}},
      {"attach", {"上传附件", "Attached"}},
      {"revoke", {"吊销", "Revoked"}},
      {"import", {"导入", "Imported"}},
      {"revision_required", {"标记需修订", "Marked for revision"}},
  };
  return kTable;
}

// Fields the refusal catalogue does not name (it names the fields a user types).
const Table& extraFields() {
  static const Table kTable = {
      {"id", {"编号", "Id"}},
      {"created_at", {"创建时间", "Created"}},
      {"owner_org_id", {"责任单位", "Owner"}},
      {"org_id", {"单位", "Organisation"}},
      {"responsible_org_id", {"责任单位", "Responsible organisation"}},
      {"parent_id", {"上级单位", "Parent organisation"}},
      {"plan_id", {"预案", "Plan"}},
      {"plan_version_id", {"预案版本", "Plan version"}},
      {"drill_id", {"演练", "Drill"}},
      {"drill_plan_id", {"年度演练计划", "Drill plan"}},
      {"source_id", {"来源记录", "Source record"}},
      {"source_kind", {"来源类型", "Source kind"}},
      {"addresses_action_id", {"落实的整改措施", "Corrective action addressed"}},
      {"current_version", {"现行版本", "Version in force"}},
      {"revision_required", {"需修订", "Revision required"}},
      {"revision_reason", {"修订原因说明", "Why a revision is required"}},
      {"number", {"版本号", "Version number"}},
      {"major", {"重大修订", "Major revision"}},
      {"status", {"状态", "Status"}},
      {"from_status", {"原状态", "From"}},
      {"to_status", {"新状态", "To"}},
      {"step", {"办理环节", "Step"}},
      {"action", {"版本类型", "Version kind"}},
      {"kind", {"类型", "Kind"}},
      {"role", {"角色", "Role"}},
      {"username", {"用户名", "Username"}},
      {"display_name", {"姓名", "Name"}},
      {"disabled", {"已停用", "Disabled"}},
      {"address", {"来源地址", "Address"}},
      {"via", {"登录方式", "Via"}},
      {"limit", {"限制", "Limit"}},
      {"retry_after_s", {"重试等待（秒）", "Retry after (s)"}},
      {"voided_at", {"作废时间", "Voided at"}},
      {"voided_by", {"作废人", "Voided by"}},
      {"void_reason", {"作废原因", "Reason for voiding"}},
      {"correction_reason", {"更正原因", "Reason for the correction"}},
      {"author", {"录入人", "Author"}},
      {"attributes", {"属性", "Attributes"}},
      {"items", {"条目", "Items"}},
      {"year", {"年度", "Year"}},
      {"years", {"年份", "Years"}},
      {"month", {"月份", "Month"}},
      {"file", {"文件", "File"}},
      {"made_on", {"形成日期", "Made on"}},
      {"kind_label", {"类型", "Kind"}},
      {"action_label", {"版本类型", "Version kind"}},
      {"status_label", {"状态", "Status"}},
      {"name", {"名称", "Name"}},
      {"note", {"备注", "Note"}},
      {"seed", {"随机种子", "Seed"}},
      {"drills", {"演练数", "Drills"}},
      {"drill_type", {"演练类型", "Drill type"}},
      {"domain", {"领域", "Domain"}},
      {"title", {"名称", "Title"}},
  };
  return kTable;
}

const Table& vias() {
  static const Table kTable = {
      {"form", {"登录页", "Login page"}}, {"api", {"接口", "API"}}, {"cli", {"命令行", "CLI"}}};
  return kTable;
}

std::string categoryLabel(RequestContext& ctx, const std::string& id, bool en) {
  std::vector<std::string> domains = {sdk::kGeneralDomain};
  for (const auto* p : ctx.state.app.plugins().enabled()) domains.push_back(p->id);
  for (const auto& d : domains) {
    for (const auto& c : service::allowedCategories(ctx.state.app.plugins(), d)) {
      if (c.id == id) return inLanguage(en, c.label_en, c.label_zh);
    }
  }
  return id;
}

std::string organisationName(RequestContext& ctx, const std::string& value) {
  const auto id = parseWholeNumber(value, 1, std::numeric_limits<sdk::RecordId>::max());
  if (!id) return value;
  const auto org = ctx.organisations().findById(*id);
  return org ? org->name : value;
}

}  // namespace

std::string auditEntityLabel(const std::string& entity, bool english) {
  return lookUp(entities(), entity, english);
}

std::string auditActionLabel(const std::string& action, bool english) {
  if (actions().count(action)) return lookUp(actions(), action, english);
  if (const auto step = service::parseLifecycleStep(action)) {
    return labelIn(*step, english);
  }
  return action;
}

std::string auditFieldLabel(RequestContext& ctx, const std::string& field) {
  const bool en = ctx.english();
  if (extraFields().count(field)) return lookUp(extraFields(), field, en);
  const std::string label = fieldLabel(ctx.state.app.plugins(), field, en);
  return label.empty() ? field : label;
}

bool auditFieldIsTyped(const std::string& field) {
  static const std::set<std::string> kTyped = {"title",
                                               "name",
                                               "note",
                                               "text",
                                               "place",
                                               "scenario",
                                               "findings",
                                               "description",
                                               "reviewers",
                                               "revision_reason",
                                               "display_name",
                                               "address",
                                               "document",
                                               "document_no",
                                               "registration_no",
                                               "target_body",
                                               "approved_by",
                                               "evaluator",
                                               "suggestions",
                                               "plan_defect",
                                               "correction_reason",
                                               "void_reason",
                                               "body",
                                               "username",
                                               "author",
                                               "voided_by",
                                               "file"};
  const auto dot = field.rfind('.');
  return kTyped.count(dot == std::string::npos ? field : field.substr(dot + 1)) > 0 ||
         field.rfind("fields.", 0) == 0;
}

std::string auditValueLabel(RequestContext& ctx, const std::string& field,
                            const std::string& value) {
  const bool en = ctx.english();
  if (value.empty()) return value;
  if (value == "true" || value == "false") {
    return pageWord(value == "true" ? "yes" : "no", en);
  }
  if (field == "domain") return domainLabel(ctx, value);
  if (field == "owner_org_id" || field == "org_id" || field == "responsible_org_id" ||
      field == "parent_id") {
    return organisationName(ctx, value);
  }
  if (field == "status" || field == "from_status" || field == "to_status") {
    if (const auto s = store::parsePlanStatus(value)) return labelIn(*s, en);
    if (const auto s = store::parseActionStatus(value)) return labelIn(*s, en);
  }
  if (field == "role") {
    if (const auto r = auth::parseRole(value)) return labelIn(*r, en);
  }
  if (field == "kind") {
    if (const auto k = store::parseOrgKind(value)) return labelIn(*k, en);
    if (const auto k = store::parseReviewKind(value)) return labelIn(*k, en);
    if (const auto s = service::parseLifecycleStep(value)) return labelIn(*s, en);
  }
  if (field == "conclusion") {
    if (const auto c = store::parseReviewConclusion(value)) return labelIn(*c, en);
  }
  if (field == "verdict") {
    if (const auto v = store::parseDrillVerdict(value)) return labelIn(*v, en);
  }
  if (field == "action") {
    if (const auto a = store::parseVersionAction(value)) return labelIn(*a, en);
  }
  if (field == "step") {
    if (const auto s = service::parseLifecycleStep(value)) return labelIn(*s, en);
  }
  if (field == "trigger") {
    for (const auto& t : store::revisionTriggers()) {
      if (t.id == value) return inLanguage(en, t.label_en, t.label_zh);
    }
  }
  if (field == "source_kind") return lookUp(entities(), value, en);
  if (field == "via") return lookUp(vias(), value, en);
  if (field == "drill_type") {
    if (const sdk::DrillType* type = ctx.state.app.plugins().drillType(value))
      return inLanguage(en, type->label_en, type->label_zh);
  }
  if (field == "category") return categoryLabel(ctx, value, en);
  return value;
}

}  // namespace beacon::http
