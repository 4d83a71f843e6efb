// The publications kind: the 公开 of a plan version, named by plan code and
// version number (empty: the version in force on the day), with the day, the
// channel (渠道), a link and a note. Rows go through
// PlanLifecycle::publishVersion, the publish step's checks for a past day (an
// issued version in force on that day, the day not in the future, a channel;
// an abolished plan is refused). A row repeating a stored publication (same
// plan version, day and channel) is refused as a duplicate.
#include "io/export_session.h"
#include "io/import_kind.h"
#include "io/import_session.h"
#include "service/lifecycle_step.h"
#include "service/plan_lifecycle.h"
#include "store/plan_repository.h"
#include "store/plan_transition_repository.h"

namespace beacon::io {

namespace {

bool isPublication(const store::PlanTransition& t) {
  return t.step == service::toId(service::LifecycleStep::Publish);
}

class PublicationImport : public ImportKind {
 public:
  std::vector<CsvColumn> columns() const override {
    return {
        {"plan_code", "预案编码", {}, true},
        {"plan_version", "预案版本", {}, false},
        {"date", "公开日期", {"日期"}, true},
        {"channel", "公开渠道", {"渠道"}, true},
        {"link", "链接", {"网址"}, false},
        {"note", "备注", {}, false},
    };
  }

  void begin(ImportSession& s) override {
    lifecycle_ = std::make_unique<service::PlanLifecycle>(s.db(), s.english());
    s.mapPlanVersionFields("version");
    s.mapField("status", "plan_code");
  }

  void importRow(ImportSession& s, const ImportRow& row) override {
    auto plan = s.planByCode(row, "plan_code");
    if (!plan) return;
    int number = 0;
    service::StepRecord r;
    if (!s.integer(row, "plan_version", number) || !s.date(row, "date", r.date, true)) return;
    r.body = s.get(row, "channel");
    r.document = s.get(row, "link");
    r.note = s.raw(row, "note");
    if (isStored(s, plan->id, number, r)) {
      s.failRow(row.line, "与已存的一条公开记录相同（同一预案版本、公开日期和渠道），是重复导入",
                "repeats a stored publication (same plan version, date and channel): a duplicate "
                "import");
      return;
    }
    auto id = lifecycle_->publishVersion(plan->id, number, r, s.actor());
    if (!id.isOk()) s.failStatus(row.line, id.status());
  }

  void exportRows(ExportSession& s, const RowSink& sink) override {
    store::PlanTransitionRepository transitions(s.db().session());
    for (const auto& p : store::PlanRepository(s.db().session()).list({})) {
      for (const auto& t : transitions.listForPlan(p.id)) {
        if (!isPublication(t)) continue;
        sink({p.code, s.versionNumber(t.plan_version_id), t.date.toString(), t.body, t.document,
              t.note});
      }
    }
  }

 private:
  // The same publication already stored (version `number`, or any version when 0).
  static bool isStored(ImportSession& s, sdk::RecordId plan_id, int number,
                       const service::StepRecord& r) {
    for (const auto& t : store::PlanTransitionRepository(s.db().session()).listForPlan(plan_id)) {
      if (isPublication(t) && (number == 0 || t.version_number == number) && t.date == r.date &&
          t.body == r.body)
        return true;
    }
    return false;
  }

  std::unique_ptr<service::PlanLifecycle> lifecycle_;
};

}  // namespace

std::unique_ptr<ImportKind> makePublicationImport() {
  return std::make_unique<PublicationImport>();
}

}  // namespace beacon::io
