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
      {"is required (admin, org_staff, village_staff, viewer)", "为必填项", true},
      {"unknown role \"{}\" (admin, org_staff, village_staff, viewer)", "“{1}”不是可选的角色",
       false},
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

std::string fill(const std::string& templ, const std::vector<std::string>& parts) {
  std::string out = templ;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string key = "{" + std::to_string(i + 1) + "}";
    for (auto at = out.find(key); at != std::string::npos;
         at = out.find(key, at + parts[i].size())) {
      out.replace(at, key.size(), parts[i]);
    }
  }
  return out;
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
  return w ? fill(w->zh, parts) : message;
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
