// The drill-evaluations kind: drill evaluation reports (演练评估报告), one row
// per drill. The drill is named as the corrective-actions kind names it, by
// what a file can know, never an internal id: the code of the organisation
// that held it and its date, with its type when that organisation held
// several drills that day, and 演练序号 (1 for the first recorded) when several
// of that type remain. Voided drills are not matched. Rows go through
// DrillEvaluationService::record (verdict, evaluator, a date from the drill's
// day to tomorrow, text rules). A drill that already has an evaluation in
// force is refused as a duplicate.
#include <algorithm>
#include <map>
#include <utility>

#include "io/export_session.h"
#include "io/import_kind.h"
#include "io/import_session.h"
#include "service/drill_evaluation_service.h"
#include "store/drill_evaluation_repository.h"
#include "store/drill_repository.h"
#include "store/record_parse.h"

namespace beacon::io {

namespace {

constexpr int kDrillPage = 5000;

// The drills in force of organisation `org_id` on `date`, of `type` when it is not empty, in
// the order recorded.
std::vector<sdk::Drill> drillsOn(store::Database& db, sdk::RecordId org_id, const sdk::Date& date,
                                 const std::string& type) {
  store::DrillFilter f;
  f.org_ids = {org_id};
  f.from = date;
  f.to = date;
  f.drill_type = type;
  f.newest_first = false;
  return store::DrillRepository(db.session()).list(f);
}

class DrillEvaluationImport : public ImportKind {
 public:
  std::vector<CsvColumn> columns() const override {
    return {
        {"org_code", "组织编码", {}, true},
        {"drill_date", "演练日期", {}, true},
        {"drill_type", "演练类型", {}, false},
        {"drill_index", "演练序号", {}, false},
        {"verdict", "评估结论", {}, true},
        {"evaluator", "评估人", {"评估单位"}, true},
        {"date", "评估日期", {}, true},
        {"findings", "发现问题", {}, false},
        {"suggestions", "改进建议", {"建议"}, false},
        {"document", "报告编号", {"文号"}, false},
    };
  }

  void begin(ImportSession& s) override {
    service_ = std::make_unique<service::DrillEvaluationService>(s.db(), s.english());
    s.mapField("drill_id", "drill_date");
  }

  void importRow(ImportSession& s, const ImportRow& row) override;

  void exportRows(ExportSession& s, const RowSink& sink) override;

 private:
  // The drill the row names; nullopt if reported.
  std::optional<sdk::Drill> findDrill(ImportSession& s, const ImportRow& row);

  std::unique_ptr<service::DrillEvaluationService> service_;
};

std::optional<sdk::Drill> DrillEvaluationImport::findDrill(ImportSession& s, const ImportRow& row) {
  auto org = s.orgByCode(row, "org_code");
  if (!org) return std::nullopt;
  sdk::Date date;
  if (!s.date(row, "drill_date", date, true)) return std::nullopt;
  const std::string type = s.drillTypeId(s.get(row, "drill_type"));
  int index = 0;
  if (!s.integer(row, "drill_index", index)) return std::nullopt;
  const auto drills = drillsOn(s.db(), *org, date, type);
  if (drills.size() == 1 && index <= 1) return drills.front();
  if (drills.size() > 1 && index >= 1 && static_cast<std::size_t>(index) <= drills.size())
    return drills[static_cast<std::size_t>(index - 1)];
  const std::string code = s.get(row, "org_code"), day = date.toString();
  if (drills.empty()) {
    s.fail(row.line, "drill_date",
           code + " 在 " + day + " 没有" + (type.empty() ? "" : "类型为 " + type + " 的") +
               "演练记录（已作废的不计）",
           "no drill of " + code + " on " + day + (type.empty() ? "" : " of type " + type) +
               " (voided ones do not count)");
  } else {
    const std::string n = std::to_string(drills.size());
    s.fail(row.line, index == 0 ? "drill_type" : "drill_index",
           "有 " + n + " 条演练记录与之相符，请填写演练类型，或用演练序号（1 至 " + n +
               "，按录入先后）指明",
           n + " drills match; give the drill type, or the drill index (1 to " + n +
               ", in the order they were recorded)");
  }
  return std::nullopt;
}

void DrillEvaluationImport::importRow(ImportSession& s, const ImportRow& row) {
  auto drill = findDrill(s, row);
  if (!drill) return;
  store::DrillEvaluation e;
  e.drill_id = drill->id;
  const std::string verdict = s.get(row, "verdict");
  auto v = store::parseDrillVerdict(verdict);
  if (!v || *v == sdk::DrillVerdict::None) {
    s.fail(row.line, "verdict", quoteZh(verdict) + "不是评估结论（优/良/中/差）",
           quoteEn(verdict) + " is not a verdict (优/良/中/差)");
    return;
  }
  e.verdict = *v;
  if (!s.date(row, "date", e.date, true)) return;
  e.evaluator = s.get(row, "evaluator");
  e.findings = s.raw(row, "findings");
  e.suggestions = s.raw(row, "suggestions");
  e.document = s.get(row, "document");
  if (auto stored = store::DrillEvaluationRepository(s.db().session()).findByDrill(e.drill_id)) {
    s.failRow(row.line,
              "该演练已有评估报告（评估日期 " + stored->date.toString() + "），是重复导入",
              "the drill already has an evaluation report (dated " + stored->date.toString() +
                  "): a duplicate import");
    return;
  }
  auto id = service_->record(e, s.actor());
  if (!id.isOk()) s.failStatus(row.line, id.status());
}

void DrillEvaluationImport::exportRows(ExportSession& s, const RowSink& sink) {
  // Every evaluation in force, read once (not one findByDrill per drill).
  std::map<sdk::RecordId, store::DrillEvaluation> by_drill;
  for (auto& e : store::DrillEvaluationRepository(s.db().session()).listInForce()) {
    const sdk::RecordId drill_id = e.drill_id;
    by_drill.emplace(drill_id, std::move(e));
  }
  if (by_drill.empty()) return;
  // Drills come by day, then in the order recorded. A day's drills are held until the next
  // day begins, so the rivals of each (same organisation, day and type: drillsOn) are known
  // without a query per drill; a drill with rivals is named by its place among them.
  std::vector<sdk::Drill> day;
  auto writeDay = [&]() {
    std::map<std::pair<sdk::RecordId, std::string>, std::vector<sdk::RecordId>> rivals;
    for (const auto& d : day) rivals[{d.org_id, d.drill_type}].push_back(d.id);
    for (const auto& d : day) {
      const auto e = by_drill.find(d.id);
      if (e == by_drill.end()) continue;
      const auto& same = rivals[{d.org_id, d.drill_type}];
      std::string index;
      if (same.size() > 1)
        index = std::to_string(std::find(same.begin(), same.end(), d.id) - same.begin() + 1);
      const store::DrillEvaluation& ev = e->second;
      sink({s.orgCode(d.org_id), d.date.toString(), d.drill_type, index,
            s.choice(sdk::toId(ev.verdict), sdk::labelZh(ev.verdict)), ev.evaluator,
            ev.date.toString(), ev.findings, ev.suggestions, ev.document});
    }
    day.clear();
  };
  store::DrillRepository drills(s.db().session());
  store::DrillFilter f;
  f.newest_first = false;
  f.limit = kDrillPage;
  while (true) {
    const auto page = drills.list(f);
    for (const auto& d : page) {
      if (!day.empty() && !(day.front().date == d.date)) writeDay();
      day.push_back(d);
    }
    if (static_cast<int>(page.size()) < kDrillPage) break;
    f.offset += kDrillPage;
  }
  writeDay();
}

}  // namespace

std::unique_ptr<ImportKind> makeDrillEvaluationImport() {
  return std::make_unique<DrillEvaluationImport>();
}

}  // namespace beacon::io
