// The reviews kind: reviews (评审) and periodic evaluations (评估) of a plan
// version, named by plan code and version number (empty: the version
// current at that row). Rows go through PlanService::addReview, so an
// evaluation concluding 需修订 marks the plan revision-required as it does
// from the CLI. A row repeating a stored review (same plan version, kind and
// date) is refused as a duplicate.
#include "io/export_session.h"
#include "io/import_kind.h"
#include "io/import_session.h"
#include "service/plan_service.h"
#include "store/import_duplicates.h"
#include "store/record_parse.h"
#include "store/review_repository.h"

namespace beacon::io {

namespace {

class ReviewImport : public ImportKind {
 public:
  std::vector<CsvColumn> columns() const override {
    return {
        {"plan_code", "预案编码", {}, true},
        {"plan_version", "预案版本", {}, false},
        {"kind", "评审类型", {"类型"}, true},
        {"date", "日期", {"评审日期", "评估日期"}, true},
        {"conclusion", "结论", {"评审结论", "评估结论"}, true},
        {"reviewers", "评审人员", {"专家"}, false},
        {"findings", "意见", {"发现问题"}, false},
    };
  }

  void begin(ImportSession& s) override {
    service_ = std::make_unique<service::PlanService>(s.db(), s.registry(), s.english());
    s.mapPlanVersionFields();
  }

  void importRow(ImportSession& s, const ImportRow& row) override {
    auto pv = s.planVersion(row);
    if (!pv) return;
    sdk::Review r;
    r.plan_id = pv->first.id;
    r.plan_version_id = pv->second;
    const std::string kind = s.get(row, "kind");
    auto k = store::parseReviewKind(kind);
    if (!k) {
      s.fail(row.line, "kind", quoteZh(kind) + "不是评审类型（评审/评估）",
             quoteEn(kind) + " is not a review kind (评审/review, 评估/evaluation)");
      return;
    }
    r.kind = *k;
    if (!s.date(row, "date", r.date, true)) return;
    const std::string conclusion = s.get(row, "conclusion");
    auto c = store::parseReviewConclusion(conclusion);
    if (!c) {
      s.fail(row.line, "conclusion", quoteZh(conclusion) + "不是结论（继续有效/需修订）",
             quoteEn(conclusion) + " is not a conclusion (继续有效/keep, 需修订/revise)");
      return;
    }
    r.conclusion = *c;
    r.reviewers = s.get(row, "reviewers");
    r.findings = s.raw(row, "findings");
    if (isStored(s, r)) {
      s.failRow(row.line, "与已存的一条记录相同（同一预案版本、类型和日期），是重复导入",
                "repeats a stored review (same plan version, kind and date): a duplicate import");
      return;
    }
    auto id = service_->addReview(r, s.actor());
    if (!id.isOk()) s.failStatus(row.line, id.status());
  }

  void exportRows(ExportSession& s, const RowSink& sink) override {
    for (const auto& r : store::ReviewRepository(s.db().session()).listForPlan(0)) {
      if (s.voided(store::RecordKind::Review, r.id)) continue;
      const std::string version = r.kind == sdk::ReviewKind::Evaluation
                                      ? s.versionOn(r.plan_id, r.plan_version_id, r.date)
                                      : s.versionOrCurrent(r.plan_id, r.plan_version_id);
      sink({s.planCode(r.plan_id), version,
            s.choice(sdk::toId(r.kind), sdk::labelZh(r.kind)), r.date.toString(),
            s.choice(sdk::toId(r.conclusion), sdk::labelZh(r.conclusion)), r.reviewers,
            r.findings});
    }
  }

 private:
  // The same review already stored (its version: the one named, or the plan's current one).
  static bool isStored(ImportSession& s, const sdk::Review& r) {
    return store::countSameReview(s.db().session(), r) > 0;
  }

  std::unique_ptr<service::PlanService> service_;
};

}  // namespace

std::unique_ptr<ImportKind> makeReviewImport() { return std::make_unique<ReviewImport>(); }

}  // namespace beacon::io
