// The plans kind, with each plan's version history: one row per version, in
// order (v1 编制 2021, then v2 修订 2024, ...). The first row of a code
// creates the plan and, when any version column is filled, its version 1
// (PlanService::addPlan); each later row of the same code is a revision and
// is validated as one (PlanService::revise: trigger, issue date or 草稿,
// text). A row whose code names a plan stored before this import is a
// duplicate unless its 版本号 is the plan's next version. An explicit 状态 is
// applied after the last row (the plan's state once its history is in).
#include <algorithm>
#include <map>
#include <set>

#include "io/export_session.h"
#include "io/import_kind.h"
#include "io/import_session.h"
#include "service/plan_category_catalog.h"
#include "service/plan_service.h"
#include "store/plan_repository.h"
#include "store/record_parse.h"
#include "store/revision_triggers.h"

namespace beacon::io {

namespace {

class PlanImport : public ImportKind {
 public:
  std::vector<CsvColumn> columns() const override {
    return {
        {"code", "预案编码", {"编码"}, true},
        {"title", "预案名称", {"名称"}, true},
        {"domain", "领域", {}, true},
        {"category", "类别", {"预案类别"}, true},
        {"owner_code", "编制单位编码", {"组织编码"}, true},
        {"status", "状态", {}, false},
        {"version", "版本号", {"版本"}, false},
        {"action", "版本动作", {}, false},
        {"trigger", "修订原因", {}, false},
        {"major", "重大修订", {}, false},
        {"draft", "草稿", {}, false},
        {"issued", "印发日期", {}, false},
        {"effective", "施行日期", {}, false},
        {"author", "编写人", {}, false},
        {"text", "正文", {}, false},
    };
  }

  void begin(ImportSession& s) override {
    service_ = std::make_unique<service::PlanService>(s.db(), s.registry(), s.english());
    s.mapField("owner_org_id", "owner_code");
    s.mapField("plan_id", "code");
  }

  void importRow(ImportSession& s, const ImportRow& row) override;

  void finish(ImportSession& s) override {
    store::PlanRepository plans(s.db().session());
    for (const auto& [id, status] : statuses_) {
      auto plan = plans.findById(id);
      if (plan && plan->status != status) plans.setStatus(id, status, s.actor());
    }
  }

  void exportRows(ExportSession& s, const RowSink& sink) override {
    store::PlanRepository plans(s.db().session());
    for (const auto& p : plans.list({})) {
      const std::vector<std::string> head = {p.code,
                                             p.title,
                                             p.domain,
                                             p.category,
                                             s.orgCode(p.owner_org_id),
                                             s.choice(sdk::toId(p.status), sdk::labelZh(p.status))};
      const auto versions = plans.versions(p.id, true);
      if (versions.empty()) {
        std::vector<std::string> rec = head;
        rec.resize(columns().size());
        sink(std::move(rec));
      }
      for (const auto& v : versions) {
        std::vector<std::string> rec = head;
        const bool revised = v.action == sdk::VersionAction::Revised;
        rec.insert(rec.end(),
                   {std::to_string(v.number), s.choice(sdk::toId(v.action), sdk::labelZh(v.action)),
                    v.trigger, v.major ? "" : s.choice("no", "否"),
                    revised && !v.issued.isSet() ? s.choice("yes", "是") : "", v.issued.toString(),
                    v.effective.toString(), v.author, v.text});
        sink(std::move(rec));
      }
    }
  }

 private:
  // The plan columns of `row`, normalised (domain and category ids); false if reported.
  bool readPlan(ImportSession& s, const ImportRow& row, sdk::Plan& plan);
  // The version columns of `row`; false if reported. `any` says whether one is filled.
  bool readVersion(ImportSession& s, const ImportRow& row, sdk::PlanVersion& v, bool& draft,
                   bool& any);

  std::unique_ptr<service::PlanService> service_;
  std::set<sdk::RecordId> created_;  // plans this import created
  std::map<sdk::RecordId, sdk::PlanStatus> statuses_;
};

bool PlanImport::readPlan(ImportSession& s, const ImportRow& row, sdk::Plan& plan) {
  plan.code = s.get(row, "code");
  plan.title = s.get(row, "title");
  plan.domain = s.domainId(s.get(row, "domain"));
  if (plan.domain == "通用" || plan.domain == "综合") plan.domain = sdk::kGeneralDomain;
  const std::string category = s.get(row, "category");
  plan.category = category;
  if (auto c = service::parseCategory(category)) plan.category = *c;
  if (auto* rec = s.registry().byDomain(plan.domain)) {
    for (const auto& c : rec->plan_categories) {
      if (category == c.label_zh) plan.category = c.id;
    }
  }
  const std::string status = s.get(row, "status");
  if (!status.empty()) {
    auto st = store::parsePlanStatus(status);
    if (!st) {
      s.fail(row.line, "status",
             quoteZh(status) + "不是预案状态（编制中/评审中/已批准/已印发/已废止）",
             quoteEn(status) + " is not a plan status (编制中/评审中/已批准/已印发/已废止)");
      return false;
    }
    plan.status = *st;
  }
  auto o = s.orgByCode(row, "owner_code");
  if (!o) return false;
  plan.owner_org_id = *o;
  return true;
}

bool PlanImport::readVersion(ImportSession& s, const ImportRow& row, sdk::PlanVersion& v,
                             bool& draft, bool& any) {
  any = false;
  for (const char* id : {"action", "trigger", "major", "draft", "issued", "effective", "text"}) {
    if (!s.get(row, id).empty()) any = true;
  }
  const std::string action = s.get(row, "action");
  if (!action.empty()) {
    auto a = store::parseVersionAction(action);
    if (!a) {
      s.fail(row.line, "action", quoteZh(action) + "不是版本动作（编制/修订）",
             quoteEn(action) + " is not a version action (编制/修订)");
      return false;
    }
    v.action = *a;
  }
  v.trigger = s.get(row, "trigger");
  for (const auto& t : store::revisionTriggers()) {
    if (v.trigger == t.label_zh || v.trigger == t.label_en) v.trigger = t.id;
  }
  draft = false;
  if (!s.boolean(row, "major", v.major) || !s.boolean(row, "draft", draft)) return false;
  if (!s.date(row, "issued", v.issued) || !s.date(row, "effective", v.effective)) return false;
  v.text = s.raw(row, "text");
  const std::string author = s.get(row, "author");
  v.author = author.empty() ? s.actor().username : author;
  return true;
}

void PlanImport::importRow(ImportSession& s, const ImportRow& row) {
  sdk::Plan plan;
  if (!readPlan(s, row, plan)) return;
  sdk::PlanVersion v;
  bool draft = false, any = false;
  if (!readVersion(s, row, v, draft, any)) return;
  int number = 0;
  if (!s.integer(row, "version", number)) return;
  const bool numbered = !s.get(row, "version").empty();
  if (numbered) any = true;
  const bool explicit_status = !s.get(row, "status").empty();

  auto stored = store::PlanRepository(s.db().session()).findByCode(plan.code);
  if (!stored) {
    if (numbered && number != 1) {
      s.fail(row.line, "version",
             "新预案的第一行应为第1版，而不是第" + std::to_string(number) + "版",
             "the first row of a new plan must be version 1, not " + std::to_string(number));
      return;
    }
    if (any && draft) {
      s.fail(row.line, "draft", "只有修订版本可以存为草稿；第1版不填印发日期即为编制中",
             "only a revision can be stored as a draft; a version 1 without an issue date is being "
             "drafted");
      return;
    }
    std::optional<sdk::PlanVersion> first;
    if (any) first = v;
    auto r = service_->addPlan(plan, first, s.actor());
    if (!r.isOk()) {
      s.failStatus(row.line, r.status());
      return;
    }
    created_.insert(r.value());
    if (explicit_status) statuses_[r.value()] = plan.status;
    s.count("plans");
    if (first) s.count("plan_versions");
    return;
  }

  int last = 0;
  for (const auto& sv : store::PlanRepository(s.db().session()).versions(stored->id, false)) {
    last = std::max(last, sv.number);
  }
  if (!created_.count(stored->id) && (!numbered || number <= last)) {
    const std::string zh =
        numbered ? "预案" + plan.code + "的第" + std::to_string(number) + "版已存在，是重复导入"
                 : "预案编码" + quoteZh(plan.code) + "已存在，是重复导入；追加修订请填写版本号 " +
                       std::to_string(last + 1);
    const std::string en = numbered ? "version " + std::to_string(number) + " of plan " +
                                          plan.code + " is already stored (a duplicate)"
                                    : "plan " + quoteEn(plan.code) +
                                          " is already stored (a duplicate); to add a "
                                          "revision give its version number " +
                                          std::to_string(last + 1);
    s.fail(row.line, numbered ? "version" : "code", zh, en);
    return;
  }
  if (numbered && number != last + 1) {
    s.fail(row.line, "version",
           "版本应按顺序导入：预案" + plan.code + "的下一版是第" + std::to_string(last + 1) + "版",
           "versions must come in order: the next version of plan " + plan.code + " is " +
               std::to_string(last + 1));
    return;
  }
  if (!any) {
    s.fail(row.line, "code", "预案编码" + quoteZh(plan.code) + "重复，而本行没有版本信息",
           "plan code " + quoteEn(plan.code) + " is repeated without a version");
    return;
  }
  const std::pair<const char*, bool> same[] = {
      {"title", plan.title == stored->title},
      {"domain", plan.domain == stored->domain},
      {"category", plan.category == stored->category},
      {"owner_code", plan.owner_org_id == stored->owner_org_id}};
  for (const auto& [id, equal] : same) {
    if (!equal) {
      s.fail(row.line, id, "与预案" + plan.code + "已有的值不同（同一预案的各版本应一致）",
             "differs from plan " + plan.code +
                 "'s stored value (every version row of a plan must agree)");
      return;
    }
  }
  if (!s.get(row, "action").empty() && v.action != sdk::VersionAction::Revised) {
    s.fail(row.line, "action", "第2版起的版本动作应为“修订”",
           "versions after the first are revisions (修订)");
    return;
  }
  service::RevisionOptions options;
  options.draft = draft;
  auto r = service_->revise(stored->id, v, s.actor(), options);
  if (!r.isOk()) {
    s.failStatus(row.line, r.status());
    return;
  }
  s.count("plan_versions");
  if (explicit_status) statuses_[stored->id] = plan.status;
}

}  // namespace

std::unique_ptr<ImportKind> makePlanImport() { return std::make_unique<PlanImport>(); }

}  // namespace beacon::io
