// The drill-plans kind: annual drill plans (年度演练计划), one row per planned
// drill. The rows of one organisation and year, wherever they stand in the
// file, form one plan: its 制定日期 and 计划说明 are given on its first row
// and may be repeated (a later row that differs is refused). Each plan is
// checked by DrillPlanService::validatePlan at its first row and each planned
// drill by validateItem; the plans are stored after the last row, one audit
// entry each. A plan for an organisation and year already stored is refused
// as a duplicate (add planned drills to it with `beacon drill-plan add`).
#include <map>
#include <utility>

#include "io/export_session.h"
#include "io/import_kind.h"
#include "io/import_session.h"
#include "service/drill_plan_service.h"
#include "store/drill_plan_repository.h"

namespace beacon::io {

namespace {

class DrillPlanImport : public ImportKind {
 public:
  std::vector<CsvColumn> columns() const override {
    return {
        {"org_code", "组织编码", {"单位编码"}, true},
        {"year", "年度", {}, true},
        {"made_on", "制定日期", {}, true},
        {"domain", "领域", {}, false},
        {"drill_type", "演练类型", {}, true},
        {"month", "计划月份", {"月份"}, true},
        {"plan_code", "预案编码", {}, false},
        {"note", "备注", {}, false},
        {"plan_note", "计划说明", {}, false},
    };
  }

  void begin(ImportSession& s) override {
    service_ = std::make_unique<service::DrillPlanService>(s.db(), s.registry(), s.english());
    s.mapField("org_id", "org_code");
    s.mapField("plan_id", "plan_code");
  }

  void importRow(ImportSession& s, const ImportRow& row) override;

  void finish(ImportSession& s) override {
    store::DrillPlanRepository repository(s.db().session());
    for (auto& plan : plans_) {
      repository.add(plan, s.actor());
      s.count("drill_plans");
      s.count("drill_plan_items", plan.items.size());
    }
  }

  void exportRows(ExportSession& s, const RowSink& sink) override {
    for (const auto& p : store::DrillPlanRepository(s.db().session()).list({}, 0)) {
      for (const auto& item : p.items) {
        sink({s.orgCode(p.org_id), std::to_string(p.year), p.made_on.toString(), item.domain,
              item.drill_type, std::to_string(item.month), s.planCode(item.plan_id), item.note,
              p.note});
      }
    }
  }

 private:
  // The plan of the row's organisation and year: new at its first row (checked, and refused
  // when one is stored), else the one begun earlier, which the row must agree with.
  store::DrillPlan* planOf(ImportSession& s, const ImportRow& row);
  // The planned drill of the row, checked; false if reported.
  bool readItem(ImportSession& s, const ImportRow& row, sdk::RecordId org_id,
                store::DrillPlanItem& item);
  // Reports a validatePlan failure: its "note" is the 计划说明 column.
  static void failPlan(ImportSession& s, const ImportRow& row, const sdk::Status& status) {
    if (status.field() == "note") {
      s.fail(row.line, "plan_note", status.message(), status.message());
    } else {
      s.failStatus(row.line, status);
    }
  }

  std::unique_ptr<service::DrillPlanService> service_;
  std::vector<store::DrillPlan> plans_;                      // in order of first row
  std::map<std::pair<sdk::RecordId, int>, std::size_t> at_;  // (organisation, year) -> plans_
};

store::DrillPlan* DrillPlanImport::planOf(ImportSession& s, const ImportRow& row) {
  auto org = s.orgByCode(row, "org_code");
  if (!org) return nullptr;
  if (s.get(row, "year").empty()) {
    s.fail(row.line, "year", "必填（如 2024）", "is required (e.g. 2024)");
    return nullptr;
  }
  store::DrillPlan plan;
  plan.org_id = *org;
  if (!s.integer(row, "year", plan.year) || !s.date(row, "made_on", plan.made_on)) return nullptr;
  plan.note = s.raw(row, "plan_note");
  auto known = at_.find({plan.org_id, plan.year});
  if (known != at_.end()) {
    store::DrillPlan& begun = plans_[known->second];
    const std::string code = s.get(row, "org_code"), year = std::to_string(plan.year);
    if (plan.made_on.isSet() && plan.made_on != begun.made_on) {
      s.fail(row.line, "made_on",
             "与" + code + " " + year + "年度演练计划首行的制定日期 " + begun.made_on.toString() +
                 " 不同",
             "differs from the date " + begun.made_on.toString() + " on the first row of the " +
                 year + " drill plan of " + code);
      return nullptr;
    }
    if (!plan.note.empty() && plan.note != begun.note) {
      s.fail(row.line, "plan_note", "与" + code + " " + year + "年度演练计划首行的计划说明不同",
             "differs from the first row of the " + year + " drill plan of " + code);
      return nullptr;
    }
    return &begun;
  }
  if (!plan.made_on.isSet()) {
    s.fail(row.line, "made_on", "每个年度演练计划的首行必填（YYYY-MM-DD）",
           "is required on the first row of each drill plan (YYYY-MM-DD)");
    return nullptr;
  }
  if (auto stored = store::DrillPlanRepository(s.db().session()).find(plan.org_id, plan.year)) {
    const std::string code = s.get(row, "org_code"), year = std::to_string(plan.year);
    s.failRow(row.line,
              code + " 的 " + year + " 年度演练计划已存在（制定日期 " + stored->made_on.toString() +
                  "），是重复导入；向已有计划追加计划演练请用 beacon drill-plan add",
              "the " + year + " drill plan of " + code + " is already stored (made on " +
                  stored->made_on.toString() +
                  "): a duplicate import; add planned drills to it with beacon drill-plan add");
    return nullptr;
  }
  if (sdk::Status st = service_->validatePlan(plan); !st.isOk()) {
    failPlan(s, row, st);
    return nullptr;
  }
  at_[{plan.org_id, plan.year}] = plans_.size();
  plans_.push_back(std::move(plan));
  return &plans_.back();
}

bool DrillPlanImport::readItem(ImportSession& s, const ImportRow& row, sdk::RecordId org_id,
                               store::DrillPlanItem& item) {
  item.domain = s.domainId(s.get(row, "domain"));
  item.drill_type = s.drillTypeId(s.get(row, "drill_type"), item.domain);
  if (s.get(row, "month").empty()) {
    s.fail(row.line, "month", "必填（1 至 12）", "is required (1 to 12)");
    return false;
  }
  if (!s.integer(row, "month", item.month)) return false;
  if (!s.get(row, "plan_code").empty()) {
    auto plan = s.planByCode(row, "plan_code");
    if (!plan) return false;
    item.plan_id = plan->id;
  }
  item.note = s.raw(row, "note");
  if (sdk::Status st = service_->validateItem(org_id, item); !st.isOk()) {
    s.failStatus(row.line, st);
    return false;
  }
  return true;
}

void DrillPlanImport::importRow(ImportSession& s, const ImportRow& row) {
  store::DrillPlan* plan = planOf(s, row);
  if (!plan) return;
  store::DrillPlanItem item;
  if (!readItem(s, row, plan->org_id, item)) return;
  plan->items.push_back(std::move(item));
}

}  // namespace

std::unique_ptr<ImportKind> makeDrillPlanImport() { return std::make_unique<DrillPlanImport>(); }

}  // namespace beacon::io
