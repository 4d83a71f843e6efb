// The corrective-actions kind (整改): what must be put right, by whom and
// when, found by a drill or a review/evaluation. The source is named by what
// a file can know, never an internal id: 来源 演练 with the organisation's
// code and the drill's date (and type, when that organisation held several
// drills that day), or 来源 评审评估 with the plan code and the review's
// date (and kind). Rows go through PlanService::addCorrectiveAction (a plan
// defect marks the plan revision-required). A row repeating a stored action
// (same source, plan, responsible organisation and description) is refused
// as a duplicate.
#include <algorithm>

#include "io/export_session.h"
#include "io/import_kind.h"
#include "io/import_session.h"
#include "service/plan_service.h"
#include "store/action_source_candidates.h"
#include "store/corrective_action.h"
#include "store/corrective_action_repository.h"
#include "store/drill_repository.h"
#include "store/import_duplicates.h"
#include "store/plan_repository.h"
#include "store/record_parse.h"
#include "store/review_repository.h"

namespace beacon::io {

namespace {

std::optional<store::SourceKind> parseSourceKind(const std::string& s) {
  if (s == "drill" || s == "演练") return store::SourceKind::Drill;
  if (s == "review" || s == "评审评估" || s == "评审" || s == "评估")
    return store::SourceKind::Review;
  return std::nullopt;
}

// The 1-based position of `id` among its candidates when it has rivals, else "".
std::string sourceIndex(const std::vector<sdk::RecordId>& ids, sdk::RecordId id) {
  if (ids.size() < 2) return std::string();
  auto at = std::find(ids.begin(), ids.end(), id);
  return at == ids.end() ? std::string() : std::to_string(at - ids.begin() + 1);
}

class CorrectiveActionImport : public ImportKind {
 public:
  std::vector<CsvColumn> columns() const override {
    return {
        {"description", "整改事项", {"整改内容"}, true},
        {"responsible_code", "责任单位编码", {}, true},
        {"plan_code", "预案编码", {}, false},
        {"due", "整改期限", {}, false},
        {"status", "整改状态", {}, false},
        {"plan_defect", "预案缺陷", {}, false},
        {"source_kind", "来源", {}, false},
        {"source_code", "来源编码", {}, false},
        {"source_date", "来源日期", {}, false},
        {"source_type", "来源类型", {}, false},
        {"source_index", "来源序号", {}, false},
    };
  }

  void begin(ImportSession& s) override {
    service_ = std::make_unique<service::PlanService>(s.db(), s.registry(), s.english());
    s.mapField("responsible_org_id", "responsible_code");
    s.mapField("plan_id", "plan_code");
    s.mapField("source_id", "source_code");
  }

  void importRow(ImportSession& s, const ImportRow& row) override;

  void exportRows(ExportSession& s, const RowSink& sink) override {
    store::DrillRepository drills(s.db().session());
    store::ReviewRepository reviews(s.db().session());
    for (const auto& a :
         store::CorrectiveActionRepository(s.db().session()).listForPlan(0, false)) {
      if (s.voided(store::RecordKind::CorrectiveAction, a.id)) continue;
      std::vector<std::string> rec = {a.description,
                                      s.orgCode(a.responsible_org_id),
                                      s.planCode(a.plan_id),
                                      a.due.toString(),
                                      s.choice(store::toId(a.status), store::labelZh(a.status)),
                                      a.plan_defect ? s.choice("yes", "是") : s.choice("no", "否")};
      rec.resize(columns().size());
      if (a.source_kind == store::SourceKind::Drill && a.source_id != 0) {
        if (auto d = drills.findById(a.source_id)) {
          rec[6] = s.choice("drill", "演练");
          rec[7] = s.orgCode(d->org_id);
          rec[8] = d->date.toString();
          rec[9] = d->drill_type;
          rec[10] = sourceIndex(store::actionSourceCandidates(s.db().session(), a.source_kind, d->org_id, rec[8], d->drill_type),
                                a.source_id);
        }
      } else if (a.source_kind == store::SourceKind::Review && a.source_id != 0) {
        if (auto r = reviews.findById(a.source_id)) {
          rec[6] = s.choice("review", "评审评估");
          rec[7] = s.planCode(r->plan_id);
          rec[8] = r->date.toString();
          rec[9] = s.choice(sdk::toId(r->kind), sdk::labelZh(r->kind));
          rec[10] = sourceIndex(store::actionSourceCandidates(s.db().session(), a.source_kind, r->plan_id, rec[8], sdk::toId(r->kind)),
                                a.source_id);
        }
      }
      sink(std::move(rec));
    }
  }

 private:
  // The source record the source columns name; false if reported.
  bool findSource(ImportSession& s, const ImportRow& row, store::CorrectiveAction& a);

  std::unique_ptr<service::PlanService> service_;
};

bool CorrectiveActionImport::findSource(ImportSession& s, const ImportRow& row,
                                        store::CorrectiveAction& a) {
  const std::string kind = s.get(row, "source_kind");
  if (kind.empty()) {
    for (const char* id : {"source_code", "source_date", "source_type", "source_index"}) {
      if (!s.get(row, id).empty()) {
        s.fail(
            row.line, "source_kind", "填写了来源编码、日期或类型时必填（演练/评审评估）",
            "is required when a source code, date or type is given (演练/drill, 评审评估/review)");
        return false;
      }
    }
    return true;
  }
  auto k = parseSourceKind(kind);
  if (!k) {
    s.fail(row.line, "source_kind", quoteZh(kind) + "不是来源（演练/评审评估）",
           quoteEn(kind) + " is not a source (演练/drill, 评审评估/review)");
    return false;
  }
  a.source_kind = *k;
  sdk::Date date;
  if (!s.date(row, "source_date", date, true)) return false;
  std::string type = s.get(row, "source_type");
  std::vector<sdk::RecordId> ids;
  if (a.source_kind == store::SourceKind::Drill) {
    auto org = s.orgByCode(row, "source_code");
    if (!org) return false;
    type = s.drillTypeId(type);
    ids = store::actionSourceCandidates(s.db().session(), a.source_kind, *org, date.toString(), type);
  } else {
    auto plan = s.planByCode(row, "source_code");
    if (!plan) return false;
    if (!type.empty()) {
      auto rk = store::parseReviewKind(type);
      if (!rk) {
        s.fail(row.line, "source_type", quoteZh(type) + "不是评审类型（评审/评估）",
               quoteEn(type) + " is not a review kind (评审/review, 评估/evaluation)");
        return false;
      }
      type = sdk::toId(*rk);
    }
    ids = store::actionSourceCandidates(s.db().session(), a.source_kind, plan->id, date.toString(), type);
  }
  int index = 0;
  if (!s.integer(row, "source_index", index)) return false;
  if (ids.size() > 1 && index >= 1 && static_cast<std::size_t>(index) <= ids.size()) {
    a.source_id = ids[static_cast<std::size_t>(index - 1)];
    return true;
  }
  if (ids.size() != 1) {
    const std::string what_zh = a.source_kind == store::SourceKind::Drill ? "演练" : "评审评估";
    const std::string what_en = a.source_kind == store::SourceKind::Drill ? "drill" : "review";
    if (ids.empty()) {
      s.fail(row.line, "source_date", "没有与来源编码、日期和类型相符的" + what_zh + "记录",
             "no " + what_en + " matches the source code, date and type");
    } else {
      s.fail(row.line, "source_type",
             "有 " + std::to_string(ids.size()) + " 条" + what_zh +
                 "记录与之相符，请填写来源类型，或用来源序号（1 至 " + std::to_string(ids.size()) +
                 "，按录入先后）指明",
             std::to_string(ids.size()) + " " + what_en +
                 "s match; give the source type, or the source index (1 to " + std::to_string(ids.size()) +
                 ", in the order they were recorded)");
    }
    return false;
  }
  a.source_id = ids.front();
  return true;
}

void CorrectiveActionImport::importRow(ImportSession& s, const ImportRow& row) {
  store::CorrectiveAction a;
  a.description = s.raw(row, "description");
  auto org = s.orgByCode(row, "responsible_code");
  if (!org) return;
  a.responsible_org_id = *org;
  if (!s.get(row, "plan_code").empty()) {
    auto plan = s.planByCode(row, "plan_code");
    if (!plan) return;
    a.plan_id = plan->id;
  }
  if (!s.date(row, "due", a.due) || !s.boolean(row, "plan_defect", a.plan_defect)) return;
  const std::string status = s.get(row, "status");
  if (!status.empty()) {
    auto st = store::parseActionStatus(status);
    if (!st) {
      s.fail(row.line, "status", quoteZh(status) + "不是整改状态（整改中/已整改）",
             quoteEn(status) + " is not an action status (整改中/open, 已整改/done)");
      return;
    }
    a.status = *st;
  }
  if (!findSource(s, row, a)) return;
  if (store::countSameCorrectiveAction(s.db().session(), a) > 0) {
    s.failRow(row.line,
              "与已存的一条整改记录相同（同一来源、预案、责任单位和整改事项），是重复导入",
              "repeats a stored corrective action (same source, plan, responsible organisation and "
              "description): "
              "a duplicate import");
    return;
  }
  auto id = service_->addCorrectiveAction(a, s.actor());
  if (!id.isOk()) s.failStatus(row.line, id.status());
}

}  // namespace

std::unique_ptr<ImportKind> makeCorrectiveActionImport() {
  return std::make_unique<CorrectiveActionImport>();
}

}  // namespace beacon::io
