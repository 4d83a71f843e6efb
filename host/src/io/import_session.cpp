#include "io/import_session.h"

#include "io/import_values.h"
#include "service/text_limits.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"

namespace beacon::io {

std::string quoteZh(const std::string& value) { return "“" + value + "”"; }
std::string quoteEn(const std::string& value) { return "\"" + value + "\""; }

ImportSession::ImportSession(store::Database& db, const plugins::PluginRegistry& registry,
                             const store::Actor& actor, const RowSource& source,
                             const CsvColumns& columns, ImportOrigin origin, bool english)
    : db_(db),
      registry_(registry),
      actor_(actor),
      source_(source),
      columns_(columns),
      origin_(std::move(origin)),
      english_(english) {}

void ImportSession::setHeader(std::vector<ResolvedColumn> resolved) {
  resolved_ = std::move(resolved);
  for (std::size_t i = 0; i < resolved_.size(); ++i) {
    if (!resolved_[i].id.empty()) index_[resolved_[i].id] = i;
  }
}

std::string ImportSession::raw(const ImportRow& row, const std::string& id) const {
  auto it = index_.find(id);
  return it == index_.end() ? std::string() : row.values[it->second];
}

std::string ImportSession::get(const ImportRow& row, const std::string& id) const {
  auto it = index_.find(id);
  return it == index_.end() ? std::string() : trim(row.values[it->second]);
}

std::string ImportSession::header(const std::string& id) const {
  auto it = index_.find(id);
  if (it != index_.end()) return resolved_[it->second].header;
  for (const auto& c : columns_.fixed()) {
    if (c.id == id) return english_ ? c.id : c.zh;
  }
  return id;
}

void ImportSession::add(std::size_t line, const std::string& column, const std::string& zh,
                        const std::string& en) {
  if (tooManyErrors()) return;
  const std::string where = source_.location(line, column, english_);
  errors_.push_back(english_ ? where + ": " + en : where + "：" + zh);
  problems_.push_back({source_.sheet(), line, column, english_ ? en : zh});
}

void ImportSession::failFile(const std::string& text) {
  errors_.push_back(text);
  problems_.push_back({"", 0, "", text});
}

void ImportSession::fail(std::size_t line, const std::string& column_id, const std::string& zh,
                         const std::string& en) {
  failAt(line, header(column_id), zh, en);
}

void ImportSession::failAt(std::size_t line, const std::string& header, const std::string& zh,
                           const std::string& en) {
  add(line, header, zh, en);
}

void ImportSession::failRow(std::size_t line, const std::string& zh, const std::string& en) {
  add(line, "", zh, en);
}

std::string ImportSession::columnForField(const std::string& field) const {
  auto it = field_ids_.find(field);
  if (it != field_ids_.end()) return header(it->second);
  if (field.rfind("fields.", 0) == 0) {
    for (const auto& rc : resolved_) {
      if (rc.id.empty() && rc.field_key == field.substr(7)) return rc.header;
      for (const auto& [domain, name] : rc.field_by_domain) {
        if ("fields." + name == field) return rc.header;
      }
    }
    return "field:" + field.substr(7);
  }
  if (field.rfind("attributes.", 0) == 0) {
    for (const auto& rc : resolved_) {
      if (rc.id.empty() && "attributes." + rc.field_key == field) return rc.header;
    }
    return "attr:" + field.substr(11);
  }
  if (field.rfind("version.", 0) == 0) return columnForField(field.substr(8));
  return header(field);
}

void ImportSession::failStatus(std::size_t line, const sdk::Status& s) {
  const std::string message = service::localisedMessage(s.message(), english_);
  if (s.field().empty()) {
    failRow(line, message, message);
  } else {
    failAt(line, columnForField(s.field()), message, message);
  }
}

bool ImportSession::date(const ImportRow& row, const std::string& id, sdk::Date& out,
                         bool required) {
  const std::string text = get(row, id);
  if (text.empty()) {
    if (!required) return true;
    fail(row.line, id, "必填（YYYY-MM-DD）", "is required (YYYY-MM-DD)");
    return false;
  }
  auto d = parseDate(text);
  if (!d) {
    fail(row.line, id, quoteZh(text) + "不是日期（YYYY-MM-DD）",
         quoteEn(text) + " is not a date (YYYY-MM-DD)");
    return false;
  }
  out = *d;
  return true;
}

bool ImportSession::integer(const ImportRow& row, const std::string& id, int& out) {
  const std::string text = get(row, id);
  if (text.empty()) return true;
  auto n = parseInt(text);
  if (!n) {
    fail(row.line, id, quoteZh(text) + "不是整数", quoteEn(text) + " is not a whole number");
    return false;
  }
  out = *n;
  return true;
}

bool ImportSession::boolean(const ImportRow& row, const std::string& id, bool& out) {
  const std::string text = get(row, id);
  if (text.empty()) return true;
  auto b = parseBool(text);
  if (!b) {
    fail(row.line, id, quoteZh(text) + "应为“是”或“否”",
         quoteEn(text) + " is not yes or no (是/否, 1/0)");
    return false;
  }
  out = *b;
  return true;
}

std::optional<sdk::RecordId> ImportSession::orgByCode(const ImportRow& row, const std::string& id) {
  const std::string code = get(row, id);
  auto org = store::OrganisationRepository(db_.session()).findByCode(code);
  if (!org) {
    fail(row.line, id, "没有编码为" + quoteZh(code) + "的组织",
         "no organisation with code " + quoteEn(code));
    return std::nullopt;
  }
  return org->id;
}

std::optional<sdk::Plan> ImportSession::planByCode(const ImportRow& row, const std::string& id) {
  const std::string code = get(row, id);
  auto plan = store::PlanRepository(db_.session()).findByCode(code);
  if (!plan) {
    fail(row.line, id, "没有编码为" + quoteZh(code) + "的预案",
         "no plan with code " + quoteEn(code));
    return std::nullopt;
  }
  return plan;
}

std::optional<sdk::RecordId> ImportSession::versionOf(const ImportRow& row, const std::string& id,
                                                      const sdk::Plan& plan) {
  const std::string text = get(row, id);
  store::PlanRepository plans(db_.session());
  if (text.empty()) {
    auto current =
        plan.current_version > 0 ? plans.version(plan.id, plan.current_version) : std::nullopt;
    return current ? current->id : sdk::RecordId{0};
  }
  auto n = parseInt(text);
  auto v = n ? plans.version(plan.id, *n) : std::nullopt;
  if (!v) {
    fail(row.line, id, "预案" + plan.code + "没有第" + text + "版",
         "plan " + plan.code + " has no version " + quoteEn(text));
    return std::nullopt;
  }
  return v->id;
}

std::string ImportSession::domainId(const std::string& text) const {
  for (const auto* rec : registry_.enabled()) {
    if (text == rec->name_zh || text == rec->name_en) return rec->id;
  }
  return text;
}

std::string ImportSession::drillTypeId(const std::string& text, const std::string& domain) const {
  for (const auto* rec : registry_.enabled()) {
    if (!domain.empty() && rec->id != domain) continue;
    for (const auto& t : rec->drill_types) {
      if (text == t.label_zh || text == t.label_en) return t.id;
    }
  }
  return text;
}

void ImportSession::mapPlanVersionFields(const std::string& version_field) {
  mapField("plan_id", "plan_code");
  mapField(version_field, has("plan_version") ? "plan_version" : "plan_code");
}

std::optional<std::pair<sdk::Plan, sdk::RecordId>> ImportSession::planVersion(
    const ImportRow& row) {
  auto plan = planByCode(row, "plan_code");
  if (!plan) return std::nullopt;
  auto version = versionOf(row, "plan_version", *plan);
  if (!version) return std::nullopt;
  return std::make_pair(std::move(*plan), *version);
}

}  // namespace beacon::io
