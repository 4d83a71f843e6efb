#include "io/csv_importer.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <optional>

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/Path.h>

#include "io/csv_cell_guard.h"
#include "io/csv_columns.h"
#include "io/csv_error.h"
#include "io/csv_file_info.h"
#include "io/csv_reader.h"
#include "io/gbk_decoder.h"
#include "io/xlsx_error.h"
#include "io/xlsx_reader.h"
#include "service/drill_validator.h"
#include "service/organisation_service.h"
#include "service/plan_category_catalog.h"
#include "service/plan_service.h"
#include "service/text_limits.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/record_json.h"
#include "store/storage_error.h"
#include "store/transaction.h"

namespace beacon::io {

namespace {

constexpr std::size_t kDrillChunk = 5000;
constexpr std::size_t kProgressEvery = 2000;

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return std::string();
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

// YYYY-MM-DD, also YYYY/M/D and YYYY-M-D as Excel writes them.
std::optional<sdk::Date> parseDate(const std::string& text) {
  if (auto d = sdk::Date::parse(text)) return d;
  int y = 0, m = 0, d = 0;
  char s1 = 0, s2 = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%4d%c%2d%c%2d%c", &y, &s1, &m, &s2, &d, &extra) != 5) return std::nullopt;
  if (s1 != s2 || (s1 != '-' && s1 != '/' && s1 != '.')) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return sdk::Date::parse(buf);
}

bool parseInt(const std::string& text, int& out) {
  errno = 0;
  char* end = nullptr;
  const long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno != 0 || v < -1000000000L || v > 1000000000L) return false;
  out = static_cast<int>(v);
  return true;
}

// A row problem: the column it is in (header as written) and the message.
struct RowError {
  std::string column;
  std::string message;
};

class Importer {
 public:
  Importer(store::Database& db, const plugins::PluginRegistry& registry, const std::string& path,
           const ImportOptions& options, const store::Actor& actor)
      : db_(db), registry_(registry), path_(path), options_(options), actor_(actor),
        columns_(registry, options.kind) {}

  sdk::Result<ImportReport> run();

 private:
  // One data row, values parallel to resolved_.
  struct Row {
    std::size_t line = 0;
    std::vector<std::string> values;
  };

  void addError(std::size_t line, const std::string& column, const std::string& message);
  void addError(std::size_t line, const std::string& message);
  // "line 17" for CSV; for a workbook the sheet and row, in the report's language.
  std::string at(std::size_t line) const;
  // The next record of whichever reader the file needs (GBK decoded for CSV).
  bool nextRecord(CsvRecord& rec);
  bool tooManyErrors() const { return report_.errors.size() >= kMaxImportErrors; }
  std::string get(const Row& row, const std::string& id) const;
  std::string headerOf(const std::string& id) const;
  // The header for a service Status field (e.g. "org_id" -> the org_code column).
  std::string columnForField(const std::string& field) const;
  void reportStatus(std::size_t line, const sdk::Status& s);
  void progress(bool force);

  void importOrganisation(const Row& row);
  void importPlan(const Row& row);
  void importDrill(const Row& row);
  void flushDrills();

  store::Database& db_;
  const plugins::PluginRegistry& registry_;
  std::string path_;
  const ImportOptions& options_;
  const store::Actor& actor_;
  CsvColumns columns_;
  std::vector<ResolvedColumn> resolved_;
  std::map<std::string, std::size_t> index_;  // column id -> position
  std::map<std::string, std::string> field_column_;  // Status field -> header
  ImportReport report_;
  CsvFileInfo info_;
  std::unique_ptr<CsvReader> reader_;
  std::unique_ptr<XlsxReader> xlsx_;  // instead of reader_ for a workbook
  GbkDecoder gbk_;
  std::size_t bom_ = 0;
  std::size_t last_progress_rows_ = 0;

  std::unique_ptr<service::OrganisationService> orgs_;
  std::unique_ptr<service::PlanService> plans_;
  std::unique_ptr<service::DrillValidator> drill_validator_;
  std::vector<sdk::Drill> pending_;
  std::size_t drills_written_ = 0;
};

std::string Importer::at(std::size_t line) const {
  if (!xlsx_) return "line " + std::to_string(line);
  if (options_.english) return "sheet \"" + xlsx_->sheetName() + "\", row " + std::to_string(line);
  return "工作表“" + xlsx_->sheetName() + "”第 " + std::to_string(line) + " 行";
}

void Importer::addError(std::size_t line, const std::string& column, const std::string& message) {
  if (tooManyErrors()) return;
  if (xlsx_ && !options_.english) {
    report_.errors.push_back(at(line) + "，列“" + column + "”：" + message);
  } else {
    report_.errors.push_back(at(line) + ", column " + column + ": " + message);
  }
}

void Importer::addError(std::size_t line, const std::string& message) {
  if (tooManyErrors()) return;
  report_.errors.push_back(at(line) + (xlsx_ && !options_.english ? "：" : ": ") + message);
}

bool Importer::nextRecord(CsvRecord& rec) {
  if (xlsx_) return xlsx_->next(rec);
  if (!reader_->next(rec)) return false;
  if (info_.encoding == CsvEncoding::Gbk) {
    for (auto& f : rec.fields) f = gbk_.toUtf8(f, rec.line);
  }
  return true;
}

std::string Importer::get(const Row& row, const std::string& id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return std::string();
  return trim(row.values[it->second]);
}

std::string Importer::headerOf(const std::string& id) const {
  auto it = index_.find(id);
  if (it != index_.end()) return resolved_[it->second].header;
  for (const auto& c : columns_.fixed()) {
    if (c.id == id) return options_.english_headers ? c.id : c.zh;
  }
  return id;
}

std::string Importer::columnForField(const std::string& field) const {
  auto it = field_column_.find(field);
  if (it != field_column_.end()) return it->second;
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
  if (index_.count(field)) return headerOf(field);
  return field;
}

void Importer::reportStatus(std::size_t line, const sdk::Status& s) {
  const std::string message = service::localisedMessage(s.message(), options_.english);
  if (s.field().empty()) {
    addError(line, message);
  } else {
    addError(line, columnForField(s.field()), message);
  }
}

void Importer::progress(bool force) {
  if (!options_.progress) return;
  if (!force && report_.rows - last_progress_rows_ < kProgressEvery) return;
  last_progress_rows_ = report_.rows;
  const std::size_t done = xlsx_ ? xlsx_->bytesRead() : reader_->bytesRead() + bom_;
  options_.progress(std::min(info_.size, done), info_.size);
}

void Importer::importOrganisation(const Row& row) {
  sdk::Organisation org;
  org.code = get(row, "code");
  org.name = get(row, "name");
  const std::string kind = get(row, "kind");
  auto k = sdk::parseOrgKind(kind);
  if (!k) {
    addError(row.line, headerOf("kind"), "\"" + kind +
                                             "\" is not an organisation kind (市/部门/乡镇/街道/村/社区/企业/单位 "
                                             "or city/department/township/subdistrict/village/community/"
                                             "enterprise/institution)");
    return;
  }
  org.kind = *k;
  const std::string parent = get(row, "parent_code");
  if (!parent.empty()) {
    auto p = store::OrganisationRepository(db_.session()).findByCode(parent);
    if (!p) {
      addError(row.line, headerOf("parent_code"), "no organisation with code \"" + parent + "\"");
      return;
    }
    org.parent_id = p->id;
  }
  for (std::size_t i = 0; i < resolved_.size(); ++i) {
    if (!resolved_[i].id.empty()) continue;
    const std::string v = trim(row.values[i]);
    if (!v.empty()) org.attributes[resolved_[i].field_key] = v;
  }
  auto r = orgs_->add(org, actor_);
  if (!r.isOk()) reportStatus(row.line, r.status());
}

void Importer::importPlan(const Row& row) {
  sdk::Plan plan;
  plan.code = get(row, "code");
  plan.title = get(row, "title");
  plan.domain = get(row, "domain");
  for (const auto* rec : registry_.enabled()) {
    if (plan.domain == rec->name_zh || plan.domain == rec->name_en) plan.domain = rec->id;
  }
  if (plan.domain == "通用" || plan.domain == "综合") plan.domain = sdk::kGeneralDomain;
  const std::string category = get(row, "category");
  plan.category = category;
  if (auto c = service::parseCategory(category)) plan.category = *c;
  if (auto* rec = registry_.byDomain(plan.domain)) {
    for (const auto& c : rec->plan_categories) {
      if (category == c.label_zh) plan.category = c.id;
    }
  }
  const std::string status = get(row, "status");
  if (!status.empty()) {
    auto s = sdk::parsePlanStatus(status);
    if (!s) {
      addError(row.line, headerOf("status"), "\"" + status + "\" is not a plan status (编制中/评审中/已批准/已印发/已废止)");
      return;
    }
    plan.status = *s;
  }
  const std::string owner = get(row, "owner_code");
  auto o = store::OrganisationRepository(db_.session()).findByCode(owner);
  if (!o) {
    addError(row.line, headerOf("owner_code"), "no organisation with code \"" + owner + "\"");
    return;
  }
  plan.owner_org_id = o->id;

  std::optional<sdk::PlanVersion> first;
  const std::string action = get(row, "action"), issued = get(row, "issued"),
                    effective = get(row, "effective"), text = get(row, "text"),
                    trigger = get(row, "trigger"), author = get(row, "author");
  if (!action.empty() || !issued.empty() || !effective.empty() || !text.empty() || !trigger.empty()) {
    sdk::PlanVersion v;
    if (!action.empty()) {
      auto a = sdk::parseVersionAction(action);
      if (!a) {
        addError(row.line, headerOf("action"), "\"" + action + "\" is not a version action (编制/修订)");
        return;
      }
      v.action = *a;
    }
    v.trigger = trigger;
    for (const auto& t : sdk::revisionTriggers()) {
      if (trigger == t.label_zh || trigger == t.label_en) v.trigger = t.id;
    }
    if (!issued.empty()) {
      auto d = parseDate(issued);
      if (!d) {
        addError(row.line, headerOf("issued"), "\"" + issued + "\" is not a date (YYYY-MM-DD)");
        return;
      }
      v.issued = *d;
    }
    if (!effective.empty()) {
      auto d = parseDate(effective);
      if (!d) {
        addError(row.line, headerOf("effective"), "\"" + effective + "\" is not a date (YYYY-MM-DD)");
        return;
      }
      v.effective = *d;
    }
    if (index_.count("text")) v.text = row.values[index_.at("text")];
    v.author = author.empty() ? actor_.username : author;
    first = v;
  }
  auto r = plans_->addPlan(plan, first, actor_);
  if (!r.isOk()) {
    reportStatus(row.line, r.status());
    return;
  }
  // A first version sets the status from its issue date; an explicit status column wins.
  if (!status.empty() && first) {
    store::PlanRepository(db_.session()).setStatus(r.value(), plan.status, actor_);
  }
}

void Importer::importDrill(const Row& row) {
  sdk::Drill d;
  d.domain = get(row, "domain");
  for (const auto* rec : registry_.enabled()) {
    if (d.domain == rec->name_zh || d.domain == rec->name_en) d.domain = rec->id;
  }
  const plugins::PluginRecord* rec = registry_.byDomain(d.domain);
  if (!rec) {
    addError(row.line, headerOf("domain"), "\"" + d.domain + "\" is not an enabled plugin's domain");
    return;
  }
  d.drill_type = get(row, "drill_type");
  for (const auto& t : rec->drill_types) {
    if (d.drill_type == t.label_zh || d.drill_type == t.label_en) d.drill_type = t.id;
  }
  const std::string org = get(row, "org_code");
  auto org_id = drill_validator_->orgIdByCode(org);
  if (!org_id) {
    addError(row.line, headerOf("org_code"), "no organisation with code \"" + org + "\"");
    return;
  }
  d.org_id = *org_id;
  const std::string date = get(row, "date");
  auto dt = parseDate(date);
  if (!dt) {
    addError(row.line, headerOf("date"), "\"" + date + "\" is not a date (YYYY-MM-DD)");
    return;
  }
  d.date = *dt;
  d.place = get(row, "place");
  d.scenario = get(row, "scenario");
  for (const char* id : {"participants", "evacuees"}) {
    const std::string v = get(row, id);
    int n = 0;
    if (!v.empty() && !parseInt(v, n)) {
      addError(row.line, headerOf(id), "\"" + v + "\" is not a whole number");
      return;
    }
    (std::string(id) == "participants" ? d.participants : d.evacuees) = n;
  }
  const std::string plan = get(row, "plan_code");
  if (!plan.empty()) {
    auto p = drill_validator_->planIdByCode(plan);
    if (!p) {
      addError(row.line, headerOf("plan_code"), "no plan with code \"" + plan + "\"");
      return;
    }
    d.plan_id = *p;
    const std::string version = get(row, "plan_version");
    if (!version.empty()) {
      int n = 0;
      auto vid = parseInt(version, n) ? drill_validator_->versionId(d.plan_id, n) : std::nullopt;
      if (!vid) {
        addError(row.line, headerOf("plan_version"), "plan " + plan + " has no version \"" + version + "\"");
        return;
      }
      d.plan_version_id = *vid;
    }
  }
  const std::string verdict = get(row, "verdict");
  if (!verdict.empty()) {
    auto v = sdk::parseDrillVerdict(verdict);
    if (!v) {
      addError(row.line, headerOf("verdict"), "\"" + verdict + "\" is not a verdict (优/良/中/差)");
      return;
    }
    d.verdict = *v;
  }
  d.findings = index_.count("findings") ? row.values[index_.at("findings")] : std::string();
  for (std::size_t i = 0; i < resolved_.size(); ++i) {
    const auto& rc = resolved_[i];
    if (!rc.id.empty()) continue;
    const std::string v = trim(row.values[i]);
    if (v.empty()) continue;
    auto f = rc.field_by_domain.find(d.domain);
    if (f == rc.field_by_domain.end()) {
      addError(row.line, rc.header, "is not a field of domain " + d.domain + "; leave it empty");
      return;
    }
    d.fields[f->second] = v;
  }
  sdk::Status s = drill_validator_->prepare(d);
  if (!s.isOk()) {
    reportStatus(row.line, s);
    return;
  }
  if (!report_.errors.empty()) return;  // nothing will be written; only keep validating
  pending_.push_back(std::move(d));
  if (pending_.size() >= kDrillChunk) flushDrills();
}

void Importer::flushDrills() {
  if (pending_.empty()) return;
  store::DrillRepository(db_.session()).addBatch(pending_);
  drills_written_ += pending_.size();
  pending_.clear();
}

sdk::Result<ImportReport> Importer::run() {
  if (!CsvColumns::isKind(options_.kind)) {
    return sdk::Status::invalid("kind", "\"" + options_.kind + "\" is not one of organisations, plans, drills");
  }
  try {
    info_ = scanCsvFile(path_);
  } catch (const CsvError& e) {
    return sdk::Status::error(e.what());
  }
  std::ifstream in;
  if (looksLikeWorkbook(path_)) {
    try {
      xlsx_ = std::make_unique<XlsxReader>(path_, options_.sheet, options_.xlsx_limits);
    } catch (const XlsxError& e) {
      const std::string tail = options_.english ? "; nothing was imported" : "";
      report_.errors.push_back(e.message(options_.english) + tail);
      return report_;
    }
  } else if (info_.encoding == CsvEncoding::BrokenUtf8) {
    report_.errors.push_back("line " + std::to_string(info_.first_bad_utf8_line) +
                             ": invalid UTF-8 byte sequence (the file is otherwise UTF-8); "
                             "nothing was imported");
    return report_;
  }
  if (!xlsx_) {
    in.open(path_, std::ios::binary);
    if (!in) return sdk::Status::error("cannot open " + path_);
    if (info_.encoding == CsvEncoding::Utf8Bom) {
      in.seekg(3);
      bom_ = 3;
    }
    reader_ = std::make_unique<CsvReader>(in);
  }

  try {
    store::Transaction tx(db_.session());
    orgs_ = std::make_unique<service::OrganisationService>(db_, registry_);
    plans_ = std::make_unique<service::PlanService>(db_, registry_);
    drill_validator_ = std::make_unique<service::DrillValidator>(db_, registry_);
    if (options_.kind == "drills") drill_validator_->preload();

    CsvRecord rec;
    bool header_done = false;
    Row row;
    while (!tooManyErrors()) {
      try {
        if (!nextRecord(rec)) break;
      } catch (const CsvError& e) {
        report_.errors.push_back(e.what());
        break;
      } catch (const XlsxError& e) {
        report_.errors.push_back(e.message(options_.english));
        break;
      }
      if (!header_done) {
        sdk::Status s = columns_.resolve(rec.fields, resolved_);
        if (!s.isOk()) {
          addError(rec.line, s.field(), s.message());
          break;
        }
        for (std::size_t i = 0; i < resolved_.size(); ++i) {
          if (!resolved_[i].id.empty()) index_[resolved_[i].id] = i;
        }
        const std::map<std::string, std::string> field_ids = {
            {"org_id", "org_code"}, {"plan_id", "plan_code"}, {"plan_version_id", "plan_version"},
            {"owner_org_id", "owner_code"}, {"parent_id", "parent_code"}};
        for (const auto& [field, id] : field_ids) {
          if (index_.count(id)) field_column_[field] = resolved_[index_[id]].header;
        }
        if (!index_.count("plan_version") && index_.count("plan_code")) {
          field_column_["plan_version_id"] = resolved_[index_["plan_code"]].header;
        }
        header_done = true;
        continue;
      }
      ++report_.rows;
      if (rec.fields.size() != resolved_.size()) {
        addError(rec.line, "has " + std::to_string(rec.fields.size()) + " fields but the header has " +
                               std::to_string(resolved_.size()));
        continue;
      }
      row.line = rec.line;
      if (!xlsx_) {
        for (auto& f : rec.fields) f = unguardCell(f);  // a workbook's texts are exact (xlsx_writer.h)
      }
      row.values.swap(rec.fields);
      if (options_.kind == "organisations") {
        importOrganisation(row);
      } else if (options_.kind == "plans") {
        importPlan(row);
      } else {
        importDrill(row);
      }
      progress(false);
    }
    if (!header_done && report_.errors.empty()) {
      if (!xlsx_) {
        report_.errors.push_back("line 1: the file is empty (no header row)");
      } else {
        const std::string& sheet = xlsx_->sheetName();
        report_.errors.push_back(options_.english ? "sheet \"" + sheet + "\" is empty (no header row)"
                                                  : "工作表“" + sheet + "”是空的（没有表头行）");
      }
    }
    if (tooManyErrors()) {
      report_.errors.push_back("stopped after " + std::to_string(kMaxImportErrors) +
                               " errors; nothing was imported");
    }
    if (!report_.errors.empty()) return report_;  // the transaction rolls back
    if (options_.kind == "drills") {
      flushDrills();
      Poco::JSON::Object::Ptr after = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      after->set("file", Poco::Path(path_).getFileName());
      after->set("rows", static_cast<Poco::UInt64>(drills_written_));
      after->set("sha256", info_.sha256);
      after->set("encoding", xlsx_ ? "xlsx" : toId(info_.encoding));
      if (xlsx_) after->set("sheet", xlsx_->sheetName());
      store::AuditLog(db_.session()).append(actor_, "import", "drill", 0, "", store::stringify(after));
    }
    tx.commit();
    progress(true);
    return report_;
  } catch (const Poco::Exception& e) {
    store::throwIfStorageFailure(e, "import failed, nothing was written");
    return sdk::Status::error("import failed, nothing was written: " + e.displayText());
  } catch (const std::exception& e) {
    return sdk::Status::error(std::string("import failed, nothing was written: ") + e.what());
  }
}

}  // namespace

sdk::Result<ImportReport> importCsv(store::Database& db, const plugins::PluginRegistry& registry,
                                    const std::string& path, const ImportOptions& options,
                                    const store::Actor& actor) {
  Importer importer(db, registry, path, options, actor);
  return importer.run();
}

}  // namespace beacon::io
