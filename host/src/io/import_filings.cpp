// The filings kind: the 备案 of a plan version, named by plan code and
// version number (empty: the version current at that row), with the body
// it went to, the date submitted, its registration number and publication
// date. Rows go through PlanService::addFiling (issued versions only, not
// before the issue date, one registration number per version). A row
// repeating a stored filing (same plan version, body and date) is refused
// as a duplicate.
#include "io/export_session.h"
#include "io/import_kind.h"
#include "io/import_session.h"
#include "service/plan_service.h"
#include "store/filing_repository.h"
#include "store/import_duplicates.h"

namespace beacon::io {

namespace {

class FilingImport : public ImportKind {
 public:
  std::vector<CsvColumn> columns() const override {
    return {
        {"plan_code", "预案编码", {}, true},
        {"plan_version", "预案版本", {}, false},
        {"target_body", "备案机关", {"受理机关"}, true},
        {"submitted", "报送日期", {"备案日期"}, true},
        {"registration_no", "备案编号", {}, false},
        {"published", "公开日期", {}, false},
    };
  }

  void begin(ImportSession& s) override {
    service_ = std::make_unique<service::PlanService>(s.db(), s.registry(), s.english());
    s.mapPlanVersionFields();
  }

  void importRow(ImportSession& s, const ImportRow& row) override {
    auto pv = s.planVersion(row);
    if (!pv) return;
    sdk::Filing f;
    f.plan_id = pv->first.id;
    f.plan_version_id = pv->second;
    f.target_body = s.get(row, "target_body");
    if (!s.date(row, "submitted", f.submitted, true) || !s.date(row, "published", f.published))
      return;
    f.registration_no = s.get(row, "registration_no");
    if (isStored(s, f)) {
      s.failRow(row.line,
                "与已存的一条备案记录相同（同一预案版本、备案机关和报送日期），是重复导入",
                "repeats a stored filing (same plan version, body and date submitted): a duplicate "
                "import");
      return;
    }
    auto id = service_->addFiling(f, s.actor());
    if (!id.isOk()) s.failStatus(row.line, id.status());
  }

  void exportRows(ExportSession& s, const RowSink& sink) override {
    for (const auto& f : store::FilingRepository(s.db().session()).listForPlan(0)) {
      if (s.voided(store::RecordKind::Filing, f.id)) continue;
      sink({s.planCode(f.plan_id), s.versionOrCurrent(f.plan_id, f.plan_version_id), f.target_body,
            f.submitted.toString(), f.registration_no, f.published.toString()});
    }
  }

 private:
  static bool isStored(ImportSession& s, const sdk::Filing& f) {
    return store::countSameFiling(s.db().session(), f) > 0;
  }

  std::unique_ptr<service::PlanService> service_;
};

}  // namespace

std::unique_ptr<ImportKind> makeFilingImport() { return std::make_unique<FilingImport>(); }

}  // namespace beacon::io
