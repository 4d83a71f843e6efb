// The drills kind: one row per drill, with the enabled plugins' drill fields.
// Rows are validated by service::DrillValidator (caches preloaded once per
// import, so a row costs no query) and stored with DrillRepository::addBatch
// in chunks of kDrillChunk inside the import's transaction (into an empty
// table with its indexes built once at the end, store::DeferredIndexes); the whole file
// gets one audit entry (file, rows, SHA-256, encoding). A row that repeats a
// drill stored before the import (same organisation, domain, type, date,
// place, scenario and numbers) is refused as a duplicate; repeated rows
// within one file are separate drills.
#include <functional>
#include <unordered_set>

#include <Poco/JSON/Object.h>

#include "io/export_session.h"
#include "io/import_kind.h"
#include "io/import_session.h"
#include "io/import_values.h"
#include "service/drill_validator.h"
#include "store/deferred_indexes.h"
#include "store/drill_repository.h"
#include "store/import_duplicates.h"
#include "store/record_json.h"
#include "store/record_parse.h"

namespace beacon::io {

namespace {

constexpr std::size_t kDrillChunk = 5000;
constexpr int kDrillPage = 5000;

std::size_t duplicateHash(const store::DrillDuplicateKey& k) {
  std::string text = std::to_string(k.org_id);
  for (const std::string* part : {&k.domain, &k.drill_type, &k.date, &k.place, &k.scenario}) {
    text += '\x1f' + *part;
  }
  text += '\x1f' + std::to_string(k.participants) + '\x1f' + std::to_string(k.evacuees);
  return std::hash<std::string>()(text);
}

class DrillImport : public ImportKind {
 public:
  std::vector<CsvColumn> columns() const override {
    return {
        {"org_code", "组织编码", {}, true},
        {"domain", "领域", {}, true},
        {"drill_type", "演练类型", {}, true},
        {"date", "演练日期", {"日期"}, true},
        {"place", "地点", {}, false},
        {"scenario", "情景", {}, false},
        {"participants", "参演人数", {}, false},
        {"evacuees", "转移人数", {}, false},
        {"plan_code", "预案编码", {}, false},
        {"plan_version", "预案版本", {}, false},
        {"verdict", "评估结论", {}, false},
        {"findings", "发现问题", {}, false},
    };
  }
  PluginColumns pluginColumns() const override { return PluginColumns::DrillFields; }

  void begin(ImportSession& s) override {
    validator_ = std::make_unique<service::DrillValidator>(s.db(), s.registry());
    validator_->preload();
    s.mapField("org_id", "org_code");
    s.mapField("plan_id", "plan_code");
    s.mapField("plan_version_id", s.has("plan_version") ? "plan_version" : "plan_code");
    loadStoredKeys(s);
    // Into an empty table the drills' indexes are built once at the end (SQLite).
    indexes_ = std::make_unique<store::DeferredIndexes>(s.db().session(), "drills");
  }

  void importRow(ImportSession& s, const ImportRow& row) override;

  void finish(ImportSession& s) override {
    flush(s);
    store::DrillRepository(s.db().session()).addCounts(counts_);
    indexes_->build();
    Poco::JSON::Object::Ptr after = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    after->set("file", s.origin().file);
    after->set("rows", static_cast<Poco::UInt64>(written_));
    after->set("sha256", s.origin().sha256);
    after->set("encoding", s.origin().encoding);
    store::AuditLog(s.db().session())
        .append(s.actor(), "import", "drill", 0, "", store::stringify(after));
  }

  void exportRows(ExportSession& s, const RowSink& sink) override;

 private:
  void flush(ImportSession& s) {
    if (pending_.empty()) return;
    store::DrillRepository(s.db().session()).addBatch(pending_, counts_);
    written_ += pending_.size();
    pending_.clear();
  }
  // Hashes of the drills already stored (none read when the table is empty).
  void loadStoredKeys(ImportSession& s);
  bool isStored(ImportSession& s, const sdk::Drill& d);

  std::unique_ptr<service::DrillValidator> validator_;
  std::unique_ptr<store::DeferredIndexes> indexes_;
  store::DrillCounts counts_;  // written once, at the end
  std::vector<sdk::Drill> pending_;
  std::size_t written_ = 0;
  std::unordered_set<std::size_t> stored_keys_;
};

void DrillImport::loadStoredKeys(ImportSession& s) {
  store::forEachDrillDuplicateKey(s.db().session(),
                         [&](const store::DrillDuplicateKey& k) { stored_keys_.insert(duplicateHash(k)); });
}

bool DrillImport::isStored(ImportSession& s, const sdk::Drill& d) {
  if (stored_keys_.empty()) return false;
  const store::DrillDuplicateKey key{d.org_id,   d.domain,   d.drill_type,   d.date.toString(),
                            d.place,    d.scenario, d.participants, d.evacuees};
  if (!stored_keys_.count(duplicateHash(key))) return false;
  return store::countSameDrill(s.db().session(), key) > 0;  // a hash match: compare exactly
}

void DrillImport::importRow(ImportSession& s, const ImportRow& row) {
  sdk::Drill d;
  d.domain = s.domainId(s.get(row, "domain"));
  const plugins::PluginRecord* rec = s.registry().byDomain(d.domain);
  if (!rec) {
    s.fail(row.line, "domain", quoteZh(d.domain) + "不是已启用插件的领域",
           quoteEn(d.domain) + " is not an enabled plugin's domain");
    return;
  }
  d.drill_type = s.drillTypeId(s.get(row, "drill_type"), d.domain);
  const std::string org = s.get(row, "org_code");
  auto org_id = validator_->orgIdByCode(org);
  if (!org_id) {
    s.fail(row.line, "org_code", "没有编码为" + quoteZh(org) + "的组织",
           "no organisation with code " + quoteEn(org));
    return;
  }
  d.org_id = *org_id;
  if (!s.date(row, "date", d.date, true)) return;
  d.place = s.get(row, "place");
  d.scenario = s.get(row, "scenario");
  if (!s.integer(row, "participants", d.participants) || !s.integer(row, "evacuees", d.evacuees))
    return;
  const std::string plan = s.get(row, "plan_code");
  if (!plan.empty()) {
    auto p = validator_->planIdByCode(plan);
    if (!p) {
      s.fail(row.line, "plan_code", "没有编码为" + quoteZh(plan) + "的预案",
             "no plan with code " + quoteEn(plan));
      return;
    }
    d.plan_id = *p;
    const std::string version = s.get(row, "plan_version");
    if (!version.empty()) {
      auto n = parseInt(version);
      auto vid = n ? validator_->versionId(d.plan_id, *n) : std::nullopt;
      if (!vid) {
        s.fail(row.line, "plan_version", "预案" + plan + "没有第" + version + "版",
               "plan " + plan + " has no version " + quoteEn(version));
        return;
      }
      d.plan_version_id = *vid;
    }
  }
  const std::string verdict = s.get(row, "verdict");
  if (!verdict.empty()) {
    auto v = store::parseDrillVerdict(verdict);
    if (!v) {
      s.fail(row.line, "verdict", quoteZh(verdict) + "不是评估结论（优/良/中/差）",
             quoteEn(verdict) + " is not a verdict (优/良/中/差)");
      return;
    }
    d.verdict = *v;
  }
  d.findings = s.raw(row, "findings");
  for (std::size_t i = 0; i < s.resolved().size(); ++i) {
    const auto& rc = s.resolved()[i];
    if (!rc.id.empty()) continue;
    const std::string v = trim(row.values[i]);
    if (v.empty()) continue;
    auto f = rc.field_by_domain.find(d.domain);
    if (f == rc.field_by_domain.end()) {
      s.failAt(row.line, rc.header, "不是领域 " + d.domain + " 的字段，请留空",
               "is not a field of domain " + d.domain + "; leave it empty");
      return;
    }
    d.fields[f->second] = v;
  }
  sdk::Status st = validator_->prepare(d);
  if (!st.isOk()) {
    s.failStatus(row.line, st);
    return;
  }
  if (isStored(s, d)) {
    s.failRow(
        row.line,
        "与已存的一条演练记录相同（组织、领域、类型、日期、地点、情景和人数均相同），是重复导入",
        "repeats a stored drill (same organisation, domain, type, date, place, scenario and "
        "numbers): "
        "a duplicate import");
    return;
  }
  if (s.failed()) return;  // nothing will be written; only keep validating
  pending_.push_back(std::move(d));
  if (pending_.size() >= kDrillChunk) flush(s);
}

void DrillImport::exportRows(ExportSession& s, const RowSink& sink) {
  store::DrillRepository drills(s.db().session());
  store::DrillFilter f;
  f.newest_first = false;
  f.limit = kDrillPage;
  while (true) {
    const auto page = drills.list(f);
    for (const auto& d : page) {
      std::vector<std::string> rec = {s.orgCode(d.org_id),
                                      d.domain,
                                      d.drill_type,
                                      d.date.toString(),
                                      d.place,
                                      d.scenario,
                                      std::to_string(d.participants),
                                      std::to_string(d.evacuees),
                                      s.planCode(d.plan_id),
                                      s.versionNumber(d.plan_version_id),
                                      d.verdict == sdk::DrillVerdict::None
                                          ? std::string()
                                          : s.choice(sdk::toId(d.verdict), sdk::labelZh(d.verdict)),
                                      d.findings};
      for (const auto& name : s.columns().fieldKeys()) {
        auto it = d.fields.find(name);
        rec.push_back(it == d.fields.end() ? std::string() : it->second);
      }
      sink(std::move(rec));
    }
    if (static_cast<int>(page.size()) < kDrillPage) break;
    f.offset += kDrillPage;
  }
}

}  // namespace

std::unique_ptr<ImportKind> makeDrillImport() { return std::make_unique<DrillImport>(); }

}  // namespace beacon::io
