#include "http/refusal_text.h"

#include <map>
#include <regex>
#include <vector>

#include "http/page_text.h"

namespace beacon::http {

namespace {

// The host's own fields, by the names refusals give them, and their page_text.h phrase.
const std::map<std::string, std::string>& hostLabelKeys() {
  static const std::map<std::string, std::string> kKeys = {
      {"domain", "domain"},
      {"drill_type", "drill_type"},
      {"org_id", "organisation"},
      {"org", "organisation"},
      {"owner", "owner"},
      {"plan_id", "plan"},
      {"plan_version_id", "plan_version"},
      {"date", "date"},
      {"place", "place"},
      {"scenario", "scenario"},
      {"participants", "participants"},
      {"evacuees", "evacuees"},
      {"verdict", "verdict"},
      {"findings", "findings"},
      {"suggestions", "suggestions"},
      {"evaluator", "evaluator"},
      {"evidence", "evidence"},
      {"reason", "correction_reason"},
      {"changes", "changes"},
      {"kind", "kind"},
      {"version", "version"},
      {"reviewers", "reviewers"},
      {"conclusion", "conclusion"},
      {"target_body", "target_body"},
      {"submitted", "submitted"},
      {"registration_no", "registration_no"},
      {"published", "published"},
      {"trigger", "trigger"},
      {"text", "text"},
      {"issued", "issued"},
      {"effective", "effective"},
      {"document", "field_label_document"},
      {"document_no", "document_no"},
      {"approved_by", "approved_by"},
      {"channel", "channel"},
      {"link", "link"},
      {"replaced_by", "replaced_by"},
      {"note", "note"},
      {"description", "description"},
      {"due", "ca_due"},
      {"code", "code"},
      {"name", "name"},
      {"title", "title"},
      {"category", "category"},
      {"status", "status"},
      {"year", "year"},
      {"month", "month"},
      {"made_on", "drill_plan_made_on"},
      {"as_of", "as_of"},
      {"username", "username"},
      {"password", "password"},
      {"role", "role"},
      {"format", "format"},
      {"parent_id", "parent_org"},
      {"contact_email", "contact_email"},
      {"display_name", "display_name"},
      {"current_password", "current_password"},
      {"new_password", "new_password"},
      {"new_password_again", "new_password_again"},
  };
  return kKeys;
}

// An English message the SDK or a service writes, as a pattern ({} is any text), and its Chinese
// wording ({1}, {2}: the texts matched, in order). `predicate`: the message says something of
// its field ("is required"), so the sentence reads “危险源”为必填项 rather than “危险源”：….
struct Wording {
  const char* en;
  const char* zh;
  bool predicate;
};

const std::vector<Wording>& wordings() {
  static const std::vector<Wording> kWordings = {
      // More specific than a wording below that would also match (the first match is used).
      {"must be a whole number of milliseconds from 0 to 600000, got \"{}\"",
       "应为 0 至 600000 之间的整数（毫秒），填写的是“{1}”", true},
      {"plan {} belongs to domain {}, not {}", "预案 {1} 属于领域 {2}，不属于领域 {3}", false},
      {"no drill with id {}", "没有编号为 {1} 的演练", false},
      {"no drill plan #{}", "没有编号为 {1} 的年度演练计划", false},
      {"no drill plan {}", "没有编号为 {1} 的年度演练计划", false},
      {"no drill evaluation {}", "没有编号为 {1} 的演练评估报告", false},
      {"no plan step {}", "没有编号为 {1} 的预案办理步骤", false},
      {"no account \"{}\"", "没有用户名为“{1}”的账号", false},
      {"is required (admin, org_staff, village_staff, viewer)", "为必填项", true},
      {"is required", "为必填项", true},
      {"is required (YYYY-MM-DD)", "为必填项，格式为 YYYY-MM-DD", true},
      {"is required: {}", "为必填项（{1}）", true},
      {"is required ({})", "为必填项（{1}）", true},
      {"is not a date (YYYY-MM-DD)", "格式应为 YYYY-MM-DD", true},
      {"is not a real date", "不是有效日期", true},
      {"is not a real date: {}", "不是有效日期：{1}", true},
      {"is in the future: {}", "晚于今天：{1}", true},
      {"{} is in the future (latest allowed {})", "{1} 晚于今天（最晚可填 {2}）", true},
      {"must be a whole number", "应为整数", true},
      {"must be a whole number, got \"{}\"", "应为整数，填写的是“{1}”", true},
      {"must be between {} and {}", "应在 {1} 至 {2} 之间", true},
      {"must be a date YYYY-MM-DD, got \"{}\"", "应为日期（YYYY-MM-DD），填写的是“{1}”", true},
      {"must be yes/no (是/否), got \"{}\"", "应为“是”或“否”，填写的是“{1}”", true},
      {"\"{}\" is not one of: {}", "“{1}”不是可选的值（可选：{2}）", true},
      {"must not be negative", "不得为负数", true},
      {"must not be empty", "不得为空", true},
      {"must be chosen from the list", "请从列表中选择", true},
      {"is not an e-mail address", "不是有效的电子邮箱地址", true},
      {"too long (max 4000 bytes)", "过长（最多 4000 字节）", true},
      {"unknown field", "不是该领域的字段", true},
      {"\"{}\" is not an enabled plugin's domain", "“{1}”不是已启用插件的领域", false},
      {"\"{}\" is not a drill type of domain {}", "“{1}”不是领域 {2} 的演练类型", false},
      {"no organisation with id {}", "没有编号为 {1} 的单位", false},
      {"no organisation with code \"{}\"", "没有编码为“{1}”的单位", false},
      {"no plan with id {}", "没有编号为 {1} 的预案", false},
      {"no plan {}", "没有编号为 {1} 的预案", false},
      {"no drill {}", "没有编号为 {1} 的演练", false},
      {"plan {} has no version yet", "预案 {1} 还没有版本", false},
      {"plan {} has no current version", "预案 {1} 没有现行版本", false},
      {"plan {} has no version {}", "预案 {1} 没有第{2}版", false},
      {"plan {} belongs to domain {}", "预案 {1} 属于领域 {2}", false},
      {"given without a plan", "未选择预案时不能填写", true},
      {"organisation {} is outside your scope", "单位 {1} 不在您的管辖范围内", false},
      {"drill outside your scope", "该演练不在您的管辖范围内", false},
      {"this record belongs to an organisation outside your scope",
       "该记录所属单位不在您的管辖范围内", false},
      {"login required", "请先登录", false},
      {"no such page or endpoint: {}", "没有这个页面或接口：{1}", false},
      {"{} is not allowed here (allowed: {})", "此处不接受 {1} 请求（可用：{2}）", false},
      {"X-CSRF-Token header missing or wrong for a session-authenticated write",
       "缺少或错误的 X-CSRF-Token 请求头，请刷新页面后重试", false},
      {"the API token is unknown, revoked or expired", "API 令牌无效、已吊销或已过期", false},
      {"internal error; the server log has the details", "服务器内部错误，详情见服务器日志", false},
      {"no enabled plugin for domain \"{}\"", "没有已启用的“{1}”领域插件", false},
      {"a JSON object body is required", "请求体应为 JSON 对象", false},
      {"must be none, excellent, good, fair or poor", "应为 无、优、良、中 或 差", true},
      {"must be an object of name: value", "应为“名称: 值”形式的对象", true},
      {"choose a file", "请选择文件", false},
      {"must be at most {} characters", "不得超过 {1} 个字符", true},
      {"is too weak: use at least {} characters", "应至少有 {1} 个字符", true},
      {"is longer than {} bytes", "不得超过 {1} 个字节", true},
      {"must not be the username", "不得与用户名相同", true},
      {"must be 1-64 characters of A-Z a-z 0-9 . _ -, got \"{}\"",
       "应为 1 至 64 个字符（字母、数字及 . _ -），填写的是“{1}”", true},
      {"\"{}\" is already used by another organisation", "“{1}”已被其他单位使用", false},
      {"the top organisation ({}) has no parent", "最高一级单位（{1}）没有上级单位", false},
      {"is required for a {}", "为必填项", true},
      {"a {} ({}) cannot be under a {} ({})", "{2}不能隶属于{4}", false},
      {"\"{}\" already exists", "“{1}”已存在", false},
      {"\"{}\" is not valid: use 2-64 lowercase letters, digits, . _ - @, starting with a letter "
       "or digit",
       "“{1}”不符合要求：应为 2 至 64 个小写字母、数字或 . _ - @，以字母或数字开头", false},
      {"is required for role {}", "为必填项（该角色须属于某一单位）", true},
      {"unknown role \"{}\" (admin, org_staff, village_staff, viewer)", "“{1}”不是可选的角色",
       false},
      // The SDK's and the plugins' drill checks.
      {"must be 0 for a tabletop exercise ({}), got {}",
       "桌面推演（{1}）的疏散人数应为 0，填写的是 {2}", true},
      {"must be {}, got \"{}\"", "应为 {1}，填写的是“{2}”", true},
      {"\"{}\" is not a {} drill type ({})", "“{1}”不是领域 {2} 的演练类型（可选：{3}）", false},
      {"is only recorded when reported_to_county is yes (1)",
       "仅在已上报县级（reported_to_county 为“是”）时填写", true},
      {"must not be before the drill date {}", "不得早于演练日期 {1}", true},
      // The services' record checks.
      {"plan {} is not owned by the organisation or one above it",
       "预案 {1} 不属于演练单位或其上级单位", false},
      {"version {} is not a version of plan {}", "编号为 {1} 的版本不是预案 {2} 的版本", false},
      {"version {} is not issued yet", "第{1}版尚未印发", false},
      {"is before the version's issue date {}", "早于该版本的印发日期 {1}", true},
      {"must be named <domain>.<field>", "应写为“领域.字段”（<domain>.<field>）", true},
      {"no review {}", "没有编号为 {1} 的评审（评估）记录", false},
      {"no filing {}", "没有编号为 {1} 的备案记录", false},
      {"no corrective_action {}", "没有编号为 {1} 的整改措施", false},
      {"no corrective action {}", "没有编号为 {1} 的整改措施", false},
      {"no drill_evaluation {}", "没有编号为 {1} 的演练评估报告", false},
      {"no drill_plan {}", "没有编号为 {1} 的年度演练计划", false},
      {"no drill_plan_item {}", "没有编号为 {1} 的计划演练", false},
      {"no planned drill {}", "没有编号为 {1} 的计划演练", false},
      {"no plan_transition {}", "没有编号为 {1} 的预案办理步骤", false},
      {"no such record", "没有该记录", false},
      {"must be review or evaluation", "应为 review（评审）或 evaluation（评估）", true},
      {"is not a known conclusion", "不是可选的结论", true},
      {"must be a version id", "应为版本编号", true},
      {"no account {}", "没有编号为 {1} 的账号", false},
      // Summaries and compliance checks.
      {"a year is required for city-annual", "全市年度汇总（city-annual）需要年度", false},
      {"a drill id is required for drill-sheet",
       "演练记录表（drill-sheet）需要演练编号（drill_id）", false},
      {"unknown format \"{}\" (text, markdown, html, json, docx)",
       "“{1}”不是可选的格式（可选：text、markdown、html、json、docx）", false},
      {"docx is available for city-annual and drill-plan only; {} comes as text, markdown, html or "
       "json",
       "只有全市年度汇总（city-annual）和年度演练计划（drill-plan）可下载 docx；{1} 可选 text、"
       "markdown、html 或 json",
       false},
      {"unknown summary \"{}\" (city-annual, plan-status, township, domain, drill-sheet, "
       "drill-plan)",
       "“{1}”不是可选的汇总（可选：city-annual、plan-status、township、domain、drill-sheet、"
       "drill-plan）",
       false},
      {"no archived summary #{}", "没有编号为 {1} 的存档汇总报告", false},
      {"a date (or a year) is required for {}", "{1} 汇总需要截至日期（或年度）", false},
      {"an organisation code is required", "请填写单位编码", false},
      {"a domain is required", "请填写领域", false},
      {"unknown or disabled domain \"{}\"", "“{1}”不是已启用插件的领域", false},
      {"a check needs an as-of date", "核查需要截至日期", false},
      {"unknown domain \"{}\" (known: {})", "未知的领域“{1}”（可选：{2}）", false},
      {"\"{}\" is not one of {}", "“{1}”不是可选的值（可选：{2}）", false},
      {"could not write the CSV output", "无法写出 CSV 文件", false},
      // What the CLI meets below the app (configuration, holiday and ledger files, the database).
      {"cannot read holiday file {}", "无法读取节假日文件 {1}", false},
      {"cannot open {}", "无法打开 {1}", false},
      {"{} has no Beacon schema; run `beacon init` first",
       "{1} 中没有 Beacon 数据库结构，请先运行 `beacon init`", false},
      {"\"{}\" is not a level (fatal, critical, error, warning, notice, information, debug or "
       "trace)",
       "“{1}”不是可选的日志级别（可选：fatal、critical、error、warning、notice、information、"
       "debug 或 trace）",
       false},
      {"\"{}\" is not text or json", "“{1}”应为 text 或 json", false},
      {"must be stderr or a file path, not empty", "应为 stderr 或文件路径，不得为空", true},
      {"\"{}\" is not a whole number from 1 to 10000", "“{1}”应为 1 至 10000 之间的整数", false},
      {"cannot expand the value: {}", "无法展开取值：{1}", false},
      // The API's own checks.
      {"must be drill or review", "应为 drill（演练）或 review（评审评估）", true},
      {"must be open or done", "应为 open（未完成）或 done（已完成）", true},
      {"could not spool the uploaded file", "无法暂存上传的文件，请稍后重试", false},
      {"the body must be a JSON object", "请求体应为 JSON 对象", false},
      {"malformed JSON: {}", "JSON 格式错误：{1}", false},
      {"no plugin \"{}\"", "没有“{1}”插件", false},
      {"unknown drill type \"{}\"", "未知的演练类型“{1}”", false},
      {"\"{}\" is not a record id", "“{1}”不是记录编号", false},
      {"\"{}\" is not a date (YYYY-MM-DD)", "“{1}”不是日期（YYYY-MM-DD）", false},
      {"\"{}\" must be a whole number from {} to {}", "“{1}”应为 {2} 至 {3} 之间的整数", false},
      {"malformed form: {}", "表单格式错误：{1}", false},
      {"the file is empty", "文件为空", false},
      {"only PDF or DOCX documents are accepted (\"{}\")", "仅支持 PDF 或 DOCX 文件（“{1}”）",
       false},
      {"only photos (JPEG, PNG, HEIC), PDF or DOCX are accepted (\"{}\")",
       "仅支持照片（JPEG、PNG、HEIC）、PDF 或 DOCX 文件（“{1}”）", false},
      {"must be a single value", "应为单个值", true},
      {"drill #{} has no evaluation", "演练 #{1} 还没有评估报告", false},
      {"unknown status \"{}\"", "未知的状态“{1}”", false},
      {"Authorization must be \"Bearer <api token>\"",
       "Authorization 请求头应为“Bearer <api token>”", false},
      {"this API token is read-only (scope read); {} needs scope write",
       "此 API 令牌为只读（scope read），{1} 请求需要 scope write", false},
      {"no organisation {}", "没有编号为 {1} 的单位", false},
      {"unknown kind \"{}\"", "未知的单位类型“{1}”", false},
      {"no calendar feed here for this key", "此密钥没有对应的日历订阅", false},
      {"no attachment {}", "没有编号为 {1} 的附件", false},
      {"must be a string", "应为文本", true},
      {"is out of range", "超出范围", true},
      {"must be a record id", "应为记录编号", true},
      {"must be true or false", "应为 true 或 false", true},
      {"must be an object", "应为对象", true},
      {"must be a string, number or boolean", "应为文本、数字或布尔值", true},
  };
  return kWordings;
}

struct CompiledWording {
  std::regex pattern;
  const Wording* wording;
};

std::string escapeRegex(const std::string& literal) {
  static const std::string kSpecial = R"(\^$.|?*+()[]{})";
  std::string out;
  for (char c : literal) {
    if (kSpecial.find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

const std::vector<CompiledWording>& compiled() {
  static const std::vector<CompiledWording> kCompiled = [] {
    std::vector<CompiledWording> out;
    for (const auto& w : wordings()) {
      const std::string en = w.en;
      std::string re;
      std::size_t start = 0;
      for (std::size_t at = en.find("{}"); at != std::string::npos; at = en.find("{}", start)) {
        re += escapeRegex(en.substr(start, at - start)) + "(.+?)";
        start = at + 2;
      }
      re += escapeRegex(en.substr(start));
      out.push_back({std::regex("^" + re + "$"), &w});
    }
    return out;
  }();
  return kCompiled;
}

// The catalogue's wording that `message` is written in, and the texts it matched.
const Wording* findWording(const std::string& message, std::vector<std::string>& parts) {
  for (const auto& c : compiled()) {
    std::smatch m;
    if (!std::regex_match(message, m, c.pattern)) continue;
    parts.clear();
    for (std::size_t i = 1; i < m.size(); ++i) parts.push_back(m[i].str());
    return c.wording;
  }
  return nullptr;
}

bool startsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool endsWithAny(const std::string& s, const std::vector<std::string>& ends) {
  for (const auto& e : ends) {
    if (s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

// Chinese wording that says something of its field (为必填项, 应为整数, 不得超过 …).
bool chinesePredicate(const std::string& zh) {
  for (const char* p : {"为", "应", "不得", "不能", "须", "必须", "早于", "晚于", "不是", "格式",
                        "必填", "过长", "请"}) {
    if (startsWith(zh, p)) return true;
  }
  return false;
}

bool englishPredicate(const std::string& en) {
  for (const char* p : {"is ", "must ", "has ", "should ", "cannot ", "may "}) {
    if (startsWith(en, p)) return true;
  }
  return false;
}

}  // namespace

std::string fieldLabel(const plugins::PluginRegistry& plugins, const std::string& field,
                       bool english) {
  const std::string kFields = "fields.";
  if (startsWith(field, kFields)) {
    const std::string name = field.substr(kFields.size());
    for (const auto* p : plugins.enabled()) {
      for (const auto& spec : p->drill_fields) {
        if (spec.name == name) return english ? spec.label_en : spec.label_zh;
      }
    }
    return "";
  }
  const auto it = hostLabelKeys().find(field);
  return it == hostLabelKeys().end() ? "" : pageWord(it->second, english);
}

std::string translatedMessage(const std::string& message, bool english) {
  if (english) return message;
  std::vector<std::string> parts;
  const Wording* w = findWording(message, parts);
  return w ? fillPlaceholders(w->zh, parts) : message;
}

std::string refusalSentence(const plugins::PluginRegistry& plugins, const std::string& field,
                            const std::string& message, bool english) {
  const std::string label = field.empty() ? "" : fieldLabel(plugins, field, english);
  if (english) {
    std::string out = message;
    if (!label.empty() && !startsWith(message, label)) {
      out = englishPredicate(message) ? "“" + label + "” " + message : label + ": " + message;
    }
    if (!out.empty() && !endsWithAny(out, {".", "!", "?", ")"})) out += ".";
    return out;
  }
  std::string out = translatedMessage(message, false);
  if (!label.empty() && !startsWith(out, label) && !startsWith(out, "“" + label)) {
    out = chinesePredicate(out) ? "“" + label + "”" + out : "“" + label + "”：" + out;
  }
  if (!out.empty() && !endsWithAny(out, {"。", "！", "？"})) out += "。";
  return out;
}

}  // namespace beacon::http
