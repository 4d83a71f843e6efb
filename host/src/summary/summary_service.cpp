#include "summary/summary_service.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <unordered_map>

#include <Poco/Data/Statement.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "plugins/drill_periods.h"
#include "render/json_data.h"
#include "render/markdown_escape.h"
#include "rules/citation_text.h"
#include "rules/compliance_engine.h"
#include "rules/met_late_text.h"
#include "rules/plan_history.h"
#include "rules/provisional_deadline.h"
#include "rules/store_record_reader.h"
#include "store/corrective_action_repository.h"
#include "store/demo_marker.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_brief.h"
#include "store/plan_repository.h"
#include "store/record_voids.h"
#include "store/storage_error.h"
#include "summary/annual_counts.h"
#include "summary/drill_plan_execution.h"
#include "summary/drill_tally.h"
#include "summary/place_words.h"
#include "summary/summary_docx.h"
#include "summary/svg_chart.h"

using namespace Poco::Data::Keywords;

namespace beacon::summary {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr int kOverdueListLimit = 200;
const std::vector<std::string> kPalette = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                           "#8c564b", "#17becf", "#7f7f7f"};

Object::Ptr obj() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

struct Lang {
  bool en;
  std::string operator()(const std::string& zh, const std::string& english) const { return en ? english : zh; }
};

std::string domainLabel(const plugins::PluginRegistry& registry, const std::string& domain, const Lang& t) {
  if (domain == sdk::kGeneralDomain) return t("综合", "General");
  if (const auto* r = registry.byDomain(domain)) return t(r->name_zh, r->name_en.empty() ? r->name_zh : r->name_en);
  return domain;
}

std::string percent(int part, int whole) {
  if (whole == 0) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100.0 * part / whole);
  return buf;
}

Object::Ptr activityJson(const PlanActivity& a, const Lang& t, const PlaceWords& place) {
  Object::Ptr o = obj();
  o->set("total", a.total);
  o->set("has_breakdown", !a.levels.empty());
  Array::Ptr levels = new Array;
  for (std::size_t i = 0; i < a.levels.size(); ++i) {
    Object::Ptr l = obj();
    l->set("level", sdk::toId(a.levels[i].level));
    const bool own_level = a.levels[i].level == sdk::PlanLevel::City;
    l->set("label", own_level ? t(place.level_zh, place.level_en)
                              : t(sdk::labelZh(a.levels[i].level), sdk::labelEn(a.levels[i].level)));
    l->set("count", a.levels[i].count);
    l->set("sep", i == 0 ? "" : t("、", ", "));
    levels->add(l);
  }
  o->set("levels", levels);
  return o;
}

Object::Ptr headings(const Lang& t) {
  Object::Ptr h = obj();
  h->set("plans", t("应急预案", "Emergency plans"));
  h->set("drills", t("应急演练", "Drills"));
  h->set("domain", t("领域", "Domain"));
  h->set("level", t("层级", "Level"));
  h->set("total", t("合计", "Total"));
  h->set("plan_status", t("应急预案状态", "Plan status"));
  h->set("coverage", t("近12个月演练覆盖情况", "Drill coverage, last 12 months"));
  h->set("township", t("乡镇（街道）", "Township"));
  h->set("units", t("村（社区）及单位数", "Villages and units"));
  h->set("overdue", t("逾期事项", "Overdue duties"));
  h->set("organisation", t("责任单位", "Responsible organisation"));
  h->set("plan", t("预案", "Plan"));
  h->set("duty", t("事项", "Duty"));
  h->set("citation", t("依据", "Basis"));
  h->set("due", t("到期日", "Due"));
  h->set("days_overdue", t("逾期天数", "Days overdue"));
  h->set("met_late", t("逾期完成事项", "Duties met late"));
  h->set("met_on", t("完成日期", "Met on"));
  h->set("days_late", t("逾期天数", "Days late"));
  h->set("as_of", t("统计截至", "As of"));
  h->set("field", t("项目", "Item"));
  h->set("value", t("内容", "Value"));
  h->set("actions", t("整改措施", "Corrective actions"));
  h->set("description", t("措施", "Action"));
  h->set("status", t("状态", "Status"));
  h->set("none", t("无", "None"));
  h->set("abolished", t("已废止预案", "Abolished plans"));
  h->set("abolished_note",
         t("已废止的预案单独列出，不计入上表及现行预案。",
           "Abolished plans are listed here only, not in the table or among the plans in force."));
  h->set("abolished_on", t("废止日期", "Abolished on"));
  h->set("replaced_by", t("替代预案", "Replaced by"));
  h->set("drafted", t("编制", "Drafted"));
  h->set("revised", t("修订", "Revised"));
  h->set("evaluated", t("评估", "Evaluated"));
  h->set("shown", t("列出前", "Showing the first"));
  // Punctuation between template values: full-width in Chinese (GB/T 15834).
  h->set("lp", t("（", " ("));
  h->set("rp", t("）", ")"));
  h->set("colon", t("：", ": "));
  h->set("comma", t("，", ", "));
  h->set("period", t("。", ". "));
  return h;
}

}  // namespace

SummaryService::SummaryService(store::Database& db, const plugins::PluginRegistry& registry,
                               const render::TemplateRegistry& templates, rules::ComplianceEngine* engine)
    : db_(db), registry_(registry), templates_(templates), engine_(engine) {}

namespace {

struct Context {
  store::Database& db;
  const plugins::PluginRegistry& registry;
  const render::TemplateRegistry& templates;
  rules::ComplianceEngine* engine;
  Lang t;
  std::map<std::string, std::string> svgs;  // inserted unescaped after conversion
};

void addFootnote(Context& c, Object::Ptr& data) {
  const bool demo = store::isDemoData(c.db);
  data->set("demo", demo);
  data->set("footnote", demo ? c.t("注：本文数据为示例数据（演示数据集），不是真实台账。",
                                   "Note: illustrative demo data, not real records.")
                             : "");
}

// Drills per month and domain in the 12 months ending `to`; `orgs` empty means all.
SvgChart monthlyChart(Context& c, const sdk::Date& to, const std::set<sdk::RecordId>* orgs,
                      const std::string& domain) {
  const sdk::Date from = sdk::Date{to.year, to.month, 1}.addMonths(-11);
  const auto counts = DrillTally(c.db.session()).byDomainMonth(from, to, domain, orgs);
  SvgChart chart;
  chart.title = c.t("各月演练场次（按领域）", "Drills per month by domain");
  std::vector<std::string> keys;
  for (int i = 0; i < 12; ++i) {
    const sdk::Date m = from.addMonths(i);
    keys.push_back(m.toString().substr(0, 7));
    chart.categories.push_back(keys.back());
  }
  std::map<std::string, std::size_t> series_of;
  for (const auto& [key, count] : counts) {
    const auto& [drill_domain, month] = key;
    auto it = series_of.find(drill_domain);
    if (it == series_of.end()) {
      ChartSeries s;
      s.label = domainLabel(c.registry, drill_domain, c.t);
      s.color = kPalette[series_of.size() % kPalette.size()];
      s.values.assign(12, 0);
      chart.series.push_back(s);
      it = series_of.emplace(drill_domain, chart.series.size() - 1).first;
    }
    auto pos = std::find(keys.begin(), keys.end(), month);
    if (pos != keys.end()) chart.series[it->second].values[static_cast<std::size_t>(pos - keys.begin())] += count;
  }
  chart.stacked = true;
  chart.category_label = c.t("月份", "Month");
  chart.total_label = c.t("合计", "Total");
  return chart;
}

sdk::Result<Object::Ptr> cityAnnual(Context& c, const SummaryRequest& req) {
  const int year = req.year != 0 ? req.year : req.as_of.year;
  if (year < 1900 || year > 9999) return sdk::Status::invalid("year", "a year is required for city-annual");
  const AnnualCounts counts = countAnnual(c.db.session(), c.registry, year);
  const auto& t = c.t;

  const std::vector<sdk::Organisation> orgs = rules::StoreRecordReader(c.db, "").organisations();
  const sdk::Organisation* top = topOrganisation(orgs);
  const PlaceWords place = placeWordsFor(top ? top->kind : sdk::OrgKind::City);
  const std::string city_name = top && !t.en ? top->name : t(place.whole_zh, place.whole_en);
  Object::Ptr data = obj();
  data->set("kind", "city-annual");
  data->set("language", t("zh-CN", "en"));
  data->set("year", year);
  data->set("title", t.en ? "Emergency plans and drills in " + std::to_string(year)
                          : city_name + std::to_string(year) + "年应急预案和应急演练工作情况");
  data->set("t", headings(t));
  data->set("place", t(place.whole_zh, place.whole_en));
  data->set("drafted", activityJson(counts.drafted, t, place));
  data->set("revised", activityJson(counts.revised, t, place));
  data->set("evaluated", activityJson(counts.evaluated, t, place));
  Array::Ptr drills = new Array;
  for (std::size_t i = 0; i < counts.drills.size(); ++i) {
    Object::Ptr d = obj();
    d->set("label", t(counts.drills[i].label_zh, counts.drills[i].label_en));
    d->set("count", counts.drills[i].count);
    d->set("order", counts.drills[i].order);
    d->set("sep", i == 0 ? "" : t("，", "; "));
    drills->add(d);
  }
  data->set("drills", drills);
  data->set("drills_total", counts.drills_total);
  addFootnote(c, data);

  // The report's sentences are templates too, so a site can reword them.
  const auto values = render::toMustacheData(data);
  const std::string suffix = t(".zh", ".en");
  auto plans = c.templates.renderText("summary/sentences/plans" + suffix, values);
  if (!plans.isOk()) return plans.status();
  auto drill_sentence = c.templates.renderText("summary/sentences/drills" + suffix, values);
  if (!drill_sentence.isOk()) return drill_sentence.status();
  data->set("sentence_plans", plans.value());
  data->set("sentence_drills", drill_sentence.value());

  c.svgs["chart_months"] = monthlyChart(c, sdk::Date{year, 12, 31}, nullptr, "").toFigure();
  return data;
}

struct StatusColumn {
  const char* id;
  const char* zh;
  const char* en;
};
const std::vector<StatusColumn>& statusColumns() {
  static const std::vector<StatusColumn> kColumns = {
      {"current", "现行有效", "Current"},
      {"due_soon", "即将到期", "Due soon"},
      {"overdue", "已逾期", "Overdue"},
      {"revision_required", "需修订", "Revision required"},
      {"filing_pending", "待备案/公开", "Filing/publication pending"},
      {"drafting", "编制中", "Drafting"},
      {"in_review", "评审中", "In review"},
      {"approved", "已批准", "Approved"},
  };
  return kColumns;
}

// The plans abolished as of the summary's date (ids from loadPlanBriefs, by id): code, title,
// owner, the abolition's date (empty when it was recorded before the days were) and successor.
Array::Ptr abolishedPlansJson(Context& c, const std::vector<sdk::RecordId>& ids, const sdk::Date& as_of) {
  Array::Ptr out = new Array;
  store::PlanRepository plans(c.db.session());
  store::OrganisationRepository orgs(c.db.session());
  for (sdk::RecordId id : ids) {
    auto plan = plans.findById(id);
    if (!plan) continue;
    const store::PlanAbolition abolition = plans.abolitionOf(id);
    Object::Ptr o = obj();
    o->set("code", plan->code);
    o->set("title", plan->title);
    auto owner = orgs.findById(plan->owner_org_id);
    o->set("owner", owner ? owner->name : std::string());
    const bool dated = abolition.date.isSet() && abolition.date <= as_of;
    o->set("date", dated ? abolition.date.toString() : std::string());
    std::string successor;
    if (abolition.replaced_by != 0) {
      if (auto other = plans.findById(abolition.replaced_by)) successor = other->code;
    }
    o->set("replaced_by", successor);
    out->add(o);
  }
  return out;
}

sdk::Result<Object::Ptr> planStatus(Context& c, const SummaryRequest& req) {
  const auto& t = c.t;
  sdk::Date as_of = req.as_of;
  if (!as_of.isSet()) {
    if (req.year == 0) return sdk::Status::invalid("as_of", "a date (or a year) is required for " + req.kind);
    as_of = sdk::Date{req.year, 12, 31};
  }
  store::OrganisationRepository org_repo(c.db.session());
  const rules::StoreRecordReader reader(c.db, "");
  const std::vector<sdk::Organisation> orgs = reader.organisations();
  std::unordered_map<sdk::RecordId, const sdk::Organisation*> org_by_id;
  for (const auto& o : orgs) org_by_id[o.id] = &o;

  const sdk::Organisation* top = topOrganisation(orgs);
  const PlaceWords place = placeWordsFor(top ? top->kind : sdk::OrgKind::City);
  std::string scope_name = t(place.whole_zh, "City-wide");
  std::set<sdk::RecordId> scope;
  const bool scoped = req.kind == "township";
  if (scoped) {
    if (req.org_code.empty()) return sdk::Status::invalid("org_code", "an organisation code is required");
    auto root = org_repo.findByCode(req.org_code);
    if (!root) return sdk::Status::invalid("org_code", "no organisation with code \"" + req.org_code + "\"");
    scope = org_repo.subtree(root->id);
    scope_name = root->name;
  }
  std::string domain;
  if (req.kind == "domain") {
    if (req.domain.empty()) return sdk::Status::invalid("domain", "a domain is required");
    if (req.domain != sdk::kGeneralDomain && !c.registry.byDomain(req.domain)) {
      return sdk::Status::invalid("domain", "unknown or disabled domain \"" + req.domain + "\"");
    }
    domain = req.domain;
    scope_name = domainLabel(c.registry, domain, t);
  }
  auto inScope = [&](sdk::RecordId id) { return !scoped || scope.count(id) != 0; };

  // The township (or sub-district) above each organisation.
  std::unordered_map<sdk::RecordId, sdk::RecordId> township_of;
  for (const auto& o : orgs) {
    const sdk::Organisation* cur = &o;
    for (int depth = 0; cur && depth < 32; ++depth) {
      if (cur->kind == sdk::OrgKind::Township || cur->kind == sdk::OrgKind::SubDistrict) {
        township_of[o.id] = cur->id;
        break;
      }
      auto it = org_by_id.find(cur->parent_id);
      cur = it == org_by_id.end() ? nullptr : it->second;
    }
  }

  // Each plan's life-cycle state from the records dated on or before as_of only, not its state now;
  // the plans abolished by then are listed apart and counted nowhere else.
  const rules::PlanHistory history = rules::PlanHistory::load(c.db.session(), domain);
  store::PlanBriefs briefs = store::loadPlanBriefs(c.db.session(), domain);
  std::vector<store::PlanBrief>& plans = briefs.plans;
  std::vector<sdk::RecordId> abolished_ids;
  plans.erase(std::remove_if(plans.begin(), plans.end(),
                             [&](store::PlanBrief& p) {
                               if (!inScope(p.owner_org_id)) return true;
                               sdk::Plan then;
                               then.id = p.id;
                               then.status = p.status;
                               history.apply(then, as_of);
                               p.status = then.status;
                               if (p.status == sdk::PlanStatus::Abolished) abolished_ids.push_back(p.id);
                               return p.status == sdk::PlanStatus::Abolished;
                             }),
              plans.end());

  static const rules::ObligationSet kNoObligations;
  std::shared_ptr<const rules::ObligationSet> checked_results;
  if (c.engine) {
    rules::CheckQuery q;
    q.as_of = as_of;
    if (scoped) q.org_ids.assign(scope.begin(), scope.end());
    q.domain = domain;
    auto checked = c.engine->checkShared(q);
    if (!checked.isOk()) return checked.status();
    checked_results = checked.value();
  }
  const rules::ObligationSet& obligations = checked_results ? *checked_results : kNoObligations;

  // Each plan's status is the worst of its obligations (a column of statusColumns()).
  enum Column : std::size_t {
    kCurrent, kDueSoon, kOverdue, kRevisionRequired, kFilingPending,  // in force (已印发)
    kDrafting, kInReview, kApproved                                   // not issued yet
  };
  auto inForce = [](std::size_t col) { return col < kDrafting; };
  auto rank = [](std::size_t col) {
    switch (col) {
      case kRevisionRequired: return 5;
      case kOverdue: return 4;
      case kDueSoon: return 3;
      case kFilingPending: return 2;
      default: return 1;
    }
  };
  std::unordered_map<sdk::RecordId, std::size_t> plan_status;
  plan_status.reserve(plans.size());
  for (auto& p : plans) {
    const rules::PlanAsOf then = history.asOf(p.id, as_of);
    p.revision_required = then.revision_required;
    p.current_version = then.version_in_force;
    std::size_t col = p.revision_required ? kRevisionRequired : kCurrent;
    if (p.current_version == 0) {
      col = p.status == sdk::PlanStatus::InReview ? kInReview
            : p.status == sdk::PlanStatus::Approved ? kApproved
                                                    : kDrafting;
    }
    plan_status[p.id] = col;
  }
  for (const auto& r : obligations) {
    if (r.planId() == 0) continue;
    auto current = plan_status.find(r.planId());
    if (current == plan_status.end()) continue;
    std::size_t s;
    const sdk::ObligationKind kind = r.kind();
    const bool filing = kind == sdk::ObligationKind::Filing || kind == sdk::ObligationKind::Publication;
    if (kind == sdk::ObligationKind::Revision && r.status() == sdk::ObligationStatus::Overdue) {
      s = kRevisionRequired;
    } else if (r.status() == sdk::ObligationStatus::Overdue) {
      s = kOverdue;
    } else if (r.status() == sdk::ObligationStatus::DueSoon) {
      s = kDueSoon;
    } else if (filing && r.status() == sdk::ObligationStatus::Upcoming) {
      s = kFilingPending;
    } else {
      continue;
    }
    if (inForce(current->second) && rank(s) > rank(current->second)) current->second = s;
  }

  // Plans by domain × level × status.
  std::map<std::pair<std::string_view, int>, std::vector<int>> table;
  std::vector<int> totals(statusColumns().size(), 0);
  for (const auto& p : plans) {
    auto it = org_by_id.find(p.owner_org_id);
    const int level = static_cast<int>(sdk::levelOf(it == org_by_id.end() ? sdk::OrgKind::Institution : it->second->kind));
    auto& row = table[{p.domain, level}];
    row.resize(statusColumns().size(), 0);
    const std::size_t col = plan_status[p.id];
    ++row[col];
    ++totals[col];
  }
  Object::Ptr data = obj();
  data->set("kind", req.kind);
  data->set("language", t("zh-CN", "en"));
  data->set("as_of", as_of.toString());
  data->set("scope", scope_name);
  data->set("title", t.en ? "Emergency plan and drill status: " + scope_name
                          : scope_name + "应急预案和演练状态");
  data->set("t", headings(t));
  data->set("engine_available", c.engine != nullptr);
  data->set("engine_note", c.engine ? "" : t("合规引擎未接入：各预案的到期、逾期和备案事项未计入。",
                                             "The compliance engine is not available: due, overdue and filing "
                                             "duties are left out."));
  Array::Ptr columns = new Array;
  for (const auto& col : statusColumns()) {
    Object::Ptr o = obj();
    o->set("id", col.id);
    o->set("label", t(col.zh, col.en));
    columns->add(o);
  }
  data->set("status_columns", columns);
  Array::Ptr rows = new Array;
  for (const auto& [key, counts] : table) {
    Object::Ptr r = obj();
    r->set("domain", std::string(key.first));
    r->set("domain_label", domainLabel(c.registry, std::string(key.first), t));
    const auto level = static_cast<sdk::PlanLevel>(key.second);
    r->set("level_label", t(sdk::labelZh(level), sdk::labelEn(level)));
    Array::Ptr cells = new Array;
    int total = 0;
    for (int n : counts) {
      Object::Ptr cell = obj();
      cell->set("n", n);
      cells->add(cell);
      total += n;
    }
    r->set("cells", cells);
    r->set("total", total);
    rows->add(r);
  }
  data->set("plan_rows", rows);
  Array::Ptr total_cells = new Array;
  for (int n : totals) {
    Object::Ptr cell = obj();
    cell->set("n", n);
    total_cells->add(cell);
  }
  data->set("plan_totals", total_cells);
  data->set("plans_total", static_cast<int>(plans.size()));
  int in_force = 0;
  for (std::size_t col = 0; col < totals.size(); ++col) in_force += inForce(col) ? totals[col] : 0;
  data->set("in_force_total", in_force);
  data->set("in_force_line", t("现行预案（已印发）" + std::to_string(in_force) + " 件",
                               "Plans in force (issued): " + std::to_string(in_force)));
  data->set("abolished", abolishedPlansJson(c, abolished_ids, as_of));
  data->set("abolished_total", static_cast<int>(abolished_ids.size()));

  // Drill coverage: share of villages and units under each township with a drill in the last 12 months.
  std::vector<std::string> domains;
  if (!domain.empty()) {
    domains.push_back(domain);
  } else {
    for (const auto* r : c.registry.enabled()) domains.push_back(r->id);
  }
  const std::map<sdk::RecordId, std::set<std::string>> drilled =
      DrillTally(c.db.session()).domainsByOrg(as_of.addMonths(-12).addDays(1), as_of);
  struct Coverage {
    int units = 0;
    std::vector<int> covered;
  };
  std::map<sdk::RecordId, Coverage> coverage;
  for (const auto& o : orgs) {
    if (o.kind != sdk::OrgKind::Township && o.kind != sdk::OrgKind::SubDistrict) continue;
    if (inScope(o.id)) coverage[o.id].covered.assign(domains.size(), 0);
  }
  for (const auto& o : orgs) {
    const bool unit = o.kind == sdk::OrgKind::Village || o.kind == sdk::OrgKind::Community ||
                      o.kind == sdk::OrgKind::Enterprise || o.kind == sdk::OrgKind::Institution;
    auto town = township_of.find(o.id);
    if (!unit || town == township_of.end() || !inScope(o.id)) continue;
    auto cov = coverage.find(town->second);
    if (cov == coverage.end()) continue;
    ++cov->second.units;
    auto d = drilled.find(o.id);
    if (d == drilled.end()) continue;
    for (std::size_t i = 0; i < domains.size(); ++i) cov->second.covered[i] += d->second.count(domains[i]) ? 1 : 0;
  }
  Array::Ptr coverage_domains = new Array;
  for (const auto& dname : domains) {
    Object::Ptr o = obj();
    o->set("domain", dname);
    o->set("label", domainLabel(c.registry, dname, t));
    coverage_domains->add(o);
  }
  data->set("coverage_domains", coverage_domains);
  Array::Ptr coverage_rows = new Array;
  for (const auto& [town_id, cov] : coverage) {
    Object::Ptr r = obj();
    r->set("township", org_by_id[town_id]->name);
    r->set("units", cov.units);
    Array::Ptr cells = new Array;
    for (int n : cov.covered) {
      Object::Ptr cell = obj();
      cell->set("covered", n);
      cell->set("share", percent(n, cov.units));
      cells->add(cell);
    }
    r->set("cells", cells);
    coverage_rows->add(r);
  }
  data->set("coverage", coverage_rows);

  // Overdue duties, oldest first.
  std::vector<rules::ObligationRow> overdue;
  for (const auto& r : obligations)
    if (r.status() == sdk::ObligationStatus::Overdue) overdue.push_back(r);
  std::stable_sort(overdue.begin(), overdue.end(),
                   [](const auto& a, const auto& b) { return a.due() < b.due(); });
  const std::size_t shown = std::min(overdue.size(), static_cast<std::size_t>(kOverdueListLimit));
  std::set<sdk::RecordId> listed_plans;
  for (std::size_t i = 0; i < shown; ++i)
    if (plan_status.count(overdue[i].planId())) listed_plans.insert(overdue[i].planId());
  const auto titles = store::planTitles(c.db.session(), listed_plans);
  Array::Ptr overdue_rows = new Array;
  std::vector<rules::CitationText> listed_citations;
  for (std::size_t i = 0; i < shown; ++i) {
    const rules::ObligationRow& o = overdue[i];
    Object::Ptr r = obj();
    auto org = org_by_id.find(o.orgId());
    r->set("organisation", org == org_by_id.end() ? std::to_string(o.orgId()) : org->second->name);
    auto plan = titles.find(o.planId());
    r->set("plan", plan == titles.end() ? "" : plan->second);
    r->set("duty", t(o.titleZh(), o.titleEn().empty() ? o.titleZh() : o.titleEn()));
    r->set("rule_id", o.ruleId());
    const rules::CitationText citation = rules::userCitation(o.citation());
    listed_citations.push_back(citation);
    r->set("citation", citation.text);
    r->set("due", o.due().toString());
    if (rules::isProvisionalNote(o.note())) r->set("provisional", rules::provisionalLabel(req.english));
    r->set("days_overdue", static_cast<int>(sdk::daysBetween(o.due(), as_of)));
    overdue_rows->add(r);
  }
  data->set("overdue", overdue_rows);
  Array::Ptr notes = new Array;  // the footnotes of the citations marked ※
  for (const auto& n : rules::citationNotes(listed_citations)) {
    Object::Ptr note = obj();
    note->set("citation", n.text);
    note->set("note", n.note);
    notes->add(note);
  }
  data->set("citation_notes", notes);
  data->set("overdue_total", static_cast<int>(overdue.size()));

  // Duties met after their due date (逾期完成), most days late first: done, so the plan stays in its
  // column (现行有效 unless something else is open), but listed here and never counted as on time.
  std::vector<rules::ObligationRow> met_late;
  for (const auto& r : obligations)
    if (r.status() == sdk::ObligationStatus::MetLate) met_late.push_back(r);
  std::stable_sort(met_late.begin(), met_late.end(),
                   [](const auto& a, const auto& b) { return a.daysLate() > b.daysLate(); });
  std::set<sdk::RecordId> late_plans;
  for (const auto& r : met_late)
    if (r.planId() != 0) late_plans.insert(r.planId());
  const auto late_titles = store::planTitles(c.db.session(), late_plans);
  Array::Ptr met_late_rows = new Array;
  for (std::size_t i = 0; i < met_late.size() && i < static_cast<std::size_t>(kOverdueListLimit); ++i) {
    const rules::ObligationRow& o = met_late[i];
    Object::Ptr r = obj();
    auto org = org_by_id.find(o.orgId());
    r->set("organisation", org == org_by_id.end() ? std::to_string(o.orgId()) : org->second->name);
    auto plan = late_titles.find(o.planId());
    r->set("plan", plan == late_titles.end() ? "" : plan->second);
    r->set("duty", t(o.titleZh(), o.titleEn().empty() ? o.titleZh() : o.titleEn()));
    r->set("rule_id", o.ruleId());
    r->set("citation", o.citation());
    r->set("due", (o.metDue().isSet() ? o.metDue() : o.due()).toString());
    r->set("met_on", o.lastMetDate().toString());
    r->set("days_late", static_cast<int>(o.daysLate()));
    r->set("days_late_text", rules::daysLateText(o.daysLate(), req.english));
    met_late_rows->add(r);
  }
  data->set("met_late", met_late_rows);
  data->set("met_late_total", static_cast<int>(met_late.size()));
  data->set("overdue_shown", static_cast<int>(overdue_rows->size()));
  data->set("overdue_truncated", overdue_rows->size() < overdue.size());
  addFootnote(c, data);

  c.svgs["chart_months"] = monthlyChart(c, as_of, scoped ? &scope : nullptr, domain).toFigure();
  SvgChart by_town;
  by_town.stacked = true;
  for (const auto& [town_id, cov] : coverage) by_town.categories.push_back(org_by_id[town_id]->name);
  if (c.engine) {
    by_town.title = t("各乡镇（街道）义务落实情况", "Duties by township");
    const std::vector<std::pair<sdk::ObligationStatus, std::string>> kinds = {
        {sdk::ObligationStatus::Met, "#2ca02c"},
        {sdk::ObligationStatus::MetLate, "#8c9f2e"},
        {sdk::ObligationStatus::Upcoming, "#9ecae1"},
        {sdk::ObligationStatus::DueSoon, "#ff7f0e"},
        {sdk::ObligationStatus::Overdue, "#d62728"}};
    std::map<sdk::RecordId, std::size_t> index;
    for (const auto& [town_id, cov] : coverage) index.emplace(town_id, index.size());
    for (const auto& [status, color] : kinds) {
      ChartSeries s;
      s.label = t(sdk::labelZh(status), sdk::labelEn(status));
      s.color = color;
      s.values.assign(coverage.size(), 0);
      by_town.series.push_back(s);
    }
    for (const auto& r : obligations) {
      auto town = township_of.find(r.orgId());
      if (town == township_of.end() || !index.count(town->second)) continue;
      for (std::size_t k = 0; k < kinds.size(); ++k)
        if (kinds[k].first == r.status()) by_town.series[k].values[index[town->second]] += 1;
    }
  } else {
    by_town.title = t("各乡镇（街道）近12个月有演练的村（社区）及单位数", "Units with a drill in the last 12 months");
    by_town.stacked = false;
    for (std::size_t i = 0; i < domains.size(); ++i) {
      ChartSeries s;
      s.label = domainLabel(c.registry, domains[i], t);
      s.color = kPalette[i % kPalette.size()];
      for (const auto& [town_id, cov] : coverage) s.values.push_back(cov.covered[i]);
      by_town.series.push_back(s);
    }
  }
  by_town.horizontal = true;
  by_town.category_label = t("乡镇（街道）", "Township");
  by_town.total_label = t("合计", "Total");
  c.svgs["chart_townships"] = by_town.toFigure();
  return data;
}

// 年度演练计划执行情况: plan versus actual per organisation and domain, by township and city.
sdk::Result<Object::Ptr> drillPlanSummary(Context& c, const SummaryRequest& req) {
  const auto& t = c.t;
  const int year = req.year != 0 ? req.year : req.as_of.year;
  if (year < 2000 || year > 2100) {
    return sdk::Status::invalid("year", t("演练计划执行情况需要年度（2000 至 2100）",
                                          "a year from 2000 to 2100 is required for drill-plan"));
  }
  const sdk::Date as_of = req.as_of.isSet() ? req.as_of : sdk::Date{year, 12, 31};
  store::OrganisationRepository org_repo(c.db.session());
  const std::vector<sdk::Organisation> orgs = org_repo.list();
  std::unordered_map<sdk::RecordId, const sdk::Organisation*> org_by_id;
  for (const auto& o : orgs) org_by_id[o.id] = &o;
  const sdk::Organisation* top = topOrganisation(orgs);
  const PlaceWords place = placeWordsFor(top ? top->kind : sdk::OrgKind::City);
  std::string scope_name = top && !t.en ? top->name : t(place.whole_zh, place.whole_en);
  std::set<sdk::RecordId> scope;
  if (!req.org_code.empty()) {
    auto root = org_repo.findByCode(req.org_code);
    if (!root) {
      return sdk::Status::invalid("org_code",
                                  t("没有编码为 " + req.org_code + " 的单位",
                                    "no organisation with code \"" + req.org_code + "\""));
    }
    scope = org_repo.subtree(root->id);
    scope_name = root->name;
  }
  if (!req.domain.empty() && !c.registry.byDomain(req.domain)) {
    return sdk::Status::invalid("domain", t("“" + req.domain + "”不是已启用插件的领域",
                                            "unknown or disabled domain \"" + req.domain + "\""));
  }
  const DrillPlanExecution tally = tallyDrillPlanExecution(
      c.db.session(), year, as_of, req.org_code.empty() ? nullptr : &scope, req.domain);

  // Each organisation's township (or sub-district); the others are the city's own units (市直).
  const auto townshipOf = [&](sdk::RecordId id) -> sdk::RecordId {
    for (auto it = org_by_id.find(id); it != org_by_id.end();
         it = org_by_id.find(it->second->parent_id)) {
      if (it->second->kind == sdk::OrgKind::Township ||
          it->second->kind == sdk::OrgKind::SubDistrict)
        return it->first;
      if (it->second->parent_id == 0) break;
    }
    return 0;
  };
  const auto cells = [](const PlanActualCounts& n) {
    Array::Ptr a = new Array;
    for (int v : {n.planned, n.on_time, n.late, n.missing, n.pending, n.unplanned}) {
      Object::Ptr cell = obj();
      cell->set("n", v);
      a->add(cell);
    }
    return a;
  };
  const auto counted = [&](Object::Ptr o, const PlanActualCounts& n) {
    o->set("cells", cells(n));
    o->set("planned", n.planned);
    o->set("on_time", n.on_time);
    o->set("late", n.late);
    o->set("missing", n.missing);
    o->set("pending", n.pending);
    o->set("unplanned", n.unplanned);
    o->set("done_rate", percent(n.on_time + n.late, n.planned - n.pending));
    return o;
  };

  Object::Ptr data = obj();
  data->set("kind", "drill-plan");
  data->set("language", t("zh-CN", "en"));
  data->set("year", year);
  data->set("as_of", as_of.toString());
  data->set("scope", scope_name);
  data->set("title", t.en ? "Annual drill plans, plan versus actual " + std::to_string(year) +
                                ": " + scope_name
                          : scope_name + std::to_string(year) + "年度演练计划执行情况");
  Object::Ptr h = headings(t);
  h->set("by_township", t("按乡镇（街道）", "By township"));
  h->set("by_organisation", t("按单位和领域", "By organisation and domain"));
  h->set("city_units", t("市直单位", "City-level units"));
  h->set("done_rate", t("完成率", "Done"));
  h->set("no_plan", t("未制定年度演练计划", "no drill plan for the year"));
  data->set("t", h);
  Array::Ptr columns = new Array;
  for (const auto& [zh, en] :
       std::vector<std::pair<std::string, std::string>>{{"计划", "Planned"},
                                                        {"按计划完成", "Held as planned"},
                                                        {"延后完成", "Held late"},
                                                        {"未完成", "Not held"},
                                                        {"未到期", "Not yet due"},
                                                        {"计划外", "Held, not planned"}}) {
    Object::Ptr col = obj();
    col->set("label", t(zh, en));
    columns->add(col);
  }
  data->set("columns", columns);
  data->set("total", counted(obj(), tally.total));

  std::map<std::pair<int, std::string>, std::pair<sdk::RecordId, PlanActualCounts>>
      towns;  // city units last
  Array::Ptr rows = new Array;
  for (const auto& r : tally.rows) {
    const auto org = org_by_id.find(r.org_id);
    const sdk::RecordId town = townshipOf(r.org_id);
    const std::string town_name =
        town != 0 ? org_by_id[town]->name : h->getValue<std::string>("city_units");
    auto& entry = towns[{town == 0 ? 1 : 0, town_name}];
    entry.first = town;
    entry.second.add(r.counts);
    Object::Ptr o = counted(obj(), r.counts);
    o->set("organisation", org == org_by_id.end() ? std::to_string(r.org_id) : org->second->name);
    o->set("org_code", org == org_by_id.end() ? std::string() : org->second->code);
    o->set("township", town_name);
    o->set("domain", r.domain);
    o->set("domain_label", domainLabel(c.registry, r.domain, t));
    o->set("drill_plan_id", static_cast<Poco::Int64>(r.drill_plan_id));
    o->set("no_plan", r.drill_plan_id == 0);
    rows->add(o);
  }
  Array::Ptr town_rows = new Array;
  for (const auto& [key, entry] : towns) {
    Object::Ptr o = counted(obj(), entry.second);
    o->set("township", key.second);
    o->set("township_code", entry.first != 0 ? org_by_id[entry.first]->code : std::string());
    town_rows->add(o);
  }
  data->set("townships", town_rows);
  data->set("organisations", rows);
  data->set("rule_note", t("说明：只统计统计截至日（含）前制定的年度演练计划和此前举行、未作废的演"
                           "练；演练与计划项的领域、类型"
                           "（及所列预案）一致方可对应，每次演练只对应一项计划；在计划月份或之前举"
                           "行为按计划完成，之后举行为延后完成。",
                           "Only drill plans made, and drills in force held, on or before the "
                           "as-of date count. A drill meets a "
                           "planned drill of its domain and type (and plan, when named), one "
                           "planned drill each; in or before "
                           "the planned month is as planned, after it late."));
  addFootnote(c, data);
  return data;
}

std::string fieldValue(const sdk::FieldSpec* spec, const std::string& value, const Lang& t) {
  if (!spec) return value;
  if (spec->type == sdk::FieldType::Boolean) {
    bool b = false;
    if (sdk::parseBoolean(value, b)) return b ? t("是", "Yes") : t("否", "No");
  }
  if (spec->type == sdk::FieldType::Choice && !t.en) {
    for (std::size_t i = 0; i < spec->allowed_values.size() && i < spec->allowed_labels_zh.size(); ++i)
      if (spec->allowed_values[i] == value) return spec->allowed_labels_zh[i];
  }
  return value;
}

sdk::Result<Object::Ptr> drillSheet(Context& c, const SummaryRequest& req) {
  const auto& t = c.t;
  if (req.drill_id == 0) return sdk::Status::invalid("drill_id", "a drill id is required for drill-sheet");
  store::DrillRepository drills(c.db.session());
  auto drill = drills.findById(req.drill_id);
  if (!drill) return sdk::Status::invalid("drill_id", "no drill with id " + std::to_string(req.drill_id));
  store::OrganisationRepository orgs(c.db.session());
  store::PlanRepository plans(c.db.session());
  auto org = orgs.findById(drill->org_id);
  const sdk::DrillType* type = c.registry.drillType(drill->drill_type);

  Object::Ptr data = obj();
  data->set("kind", "drill-sheet");
  data->set("language", t("zh-CN", "en"));
  data->set("title", t("应急演练记录", "Emergency drill record"));
  data->set("t", headings(t));
  Array::Ptr items = new Array;
  auto item = [&](const std::string& label, const std::string& value) {
    Object::Ptr o = obj();
    o->set("label", label);
    o->set("value", value);
    items->add(o);
  };
  item(t("记录编号", "Record no."), std::to_string(drill->id));
  item(t("演练日期", "Date"), drill->date.toString());
  item(t("领域", "Domain"), domainLabel(c.registry, drill->domain, t));
  item(t("演练类型", "Drill type"),
       type ? t(type->label_zh, type->label_en.empty() ? type->label_zh : type->label_en) : drill->drill_type);
  if (type) {
    item(t("演练内容", "Content"), type->content == sdk::DrillContent::Comprehensive ? t("综合演练", "Comprehensive")
                                                                                     : t("单项演练", "Single item"));
    item(t("演练形式", "Form"), type->form == sdk::DrillForm::Live ? t("实战演练", "Live") : t("桌面演练", "Tabletop"));
  }
  item(t("组织单位", "Organisation"), org ? org->name : std::to_string(drill->org_id));
  item(t("演练地点", "Place"), drill->place);
  item(t("演练情景", "Scenario"), drill->scenario);
  item(t("参演人数", "Participants"), std::to_string(drill->participants));
  item(t("疏散人数", "Evacuees"), std::to_string(drill->evacuees));
  std::string plan_text = t("未关联预案", "No plan named");
  if (drill->plan_id != 0) {
    if (auto plan = plans.findById(drill->plan_id)) {
      plan_text = plan->title + t("（", " (") + plan->code + t("）", ")");
      if (drill->plan_version_id != 0) {
        if (auto v = plans.versionById(drill->plan_version_id)) {
          plan_text += t("第", " version ") + std::to_string(v->number) + t("版", "") +
                       (v->issued.isSet() ? t("，印发日期 ", ", issued ") + v->issued.toString() : "");
        }
      }
    }
  }
  item(t("依据预案", "Plan"), plan_text);
  const plugins::PluginRecord* plugin = c.registry.byDomain(drill->domain);
  for (const auto& [name, value] : drill->fields) {
    const sdk::FieldSpec* spec = nullptr;
    if (plugin)
      for (const auto& f : plugin->drill_fields)
        if (f.name == name) spec = &f;
    item(spec ? t(spec->label_zh, spec->label_en.empty() ? spec->label_zh : spec->label_en) : name,
         fieldValue(spec, value, t));
  }
  if (c.engine) {
    // 汛期内 / 森林防火期内, and the duties this drill met as of its date (逾期完成 with the days late).
    const std::string periods = plugins::periodsText(
        plugins::drillPeriods(c.registry, c.engine->config(), drill->domain, drill->date), t.en);
    if (!periods.empty()) item(t("所处时段", "Period"), periods);
    // Only the drill's organisation is evaluated (as of the drill's day, rarely a kept date).
    auto checked = c.engine->checkOrganisations({drill->org_id}, drill->date);
    if (!checked.isOk()) return checked.status();
    std::string duties;
    for (const auto& r : checked.value()) {
      const auto& o = r.obligation;
      if (o.last_met.kind != "drill" || o.last_met.id != drill->id) continue;
      if (r.status != sdk::ObligationStatus::Met && r.status != sdk::ObligationStatus::MetLate) continue;
      duties += duties.empty() ? "" : t("；", "; ");
      duties += t(o.title_zh, o.title_en.empty() ? o.title_zh : o.title_en) + t("：", ": ") +
                t(sdk::labelZh(r.status), sdk::labelEn(r.status));
      if (r.status == sdk::ObligationStatus::MetLate) duties += t("，", ", ") + rules::daysLateText(r.days_late, t.en);
    }
    if (!duties.empty()) item(t("落实义务", "Duties met"), duties);
  }
  item(t("演练评估结论", "Verdict"), t(sdk::labelZh(drill->verdict), sdk::labelEn(drill->verdict)));
  item(t("发现问题", "Findings"), drill->findings.empty() ? t("无", "None") : drill->findings);
  data->set("items", items);

  store::CorrectiveActionRepository actions(c.db.session());
  Array::Ptr rows = new Array;
  const auto listed = actions.listForSource(sdk::SourceKind::Drill, drill->id);
  std::vector<sdk::RecordId> ids;
  for (const auto& a : listed) ids.push_back(a.id);
  const auto voided = store::RecordVoids(c.db.session()).voided(store::RecordKind::CorrectiveAction, ids);
  for (const auto& a : listed) {
    if (voided.count(a.id)) continue;  // 作废: not reported
    Object::Ptr o = obj();
    auto responsible = orgs.findById(a.responsible_org_id);
    o->set("description", a.description);
    o->set("organisation", responsible ? responsible->name : std::to_string(a.responsible_org_id));
    o->set("due", a.due.toString());
    o->set("status", t(sdk::labelZh(a.status), sdk::labelEn(a.status)));
    o->set("plan_defect", a.plan_defect);
    rows->add(o);
  }
  data->set("actions", rows);
  data->set("has_actions", rows->size() > 0);
  addFootnote(c, data);
  return data;
}

}  // namespace

sdk::Result<std::string> SummaryService::render(const SummaryRequest& req) {
  std::string extension;
  if (req.format == "text") {
    extension = "txt";
  } else if (req.format == "markdown") {
    extension = "md";
  } else if (req.format == "html") {
    extension = "html";
  } else if (req.format != "json" && req.format != "docx") {
    return sdk::Status::invalid("format", "unknown format \"" + req.format + "\" (text, markdown, html, json, docx)");
  }
  Context c{db_, registry_, templates_, engine_, Lang{req.english}, {}};
  sdk::Result<Object::Ptr> data = sdk::Status::error("unreachable");
  std::string name;
  try {
    if (req.kind == "city-annual") {
      data = cityAnnual(c, req);
      name = "city_annual";
    } else if (req.kind == "drill-plan") {
      data = drillPlanSummary(c, req);
      name = "drill_plan";
    } else if (req.format == "docx" && (req.kind == "plan-status" || req.kind == "township" ||
                                        req.kind == "domain" || req.kind == "drill-sheet")) {
      // Only the annual report text and the drill-plan summary have a Word form
      // (templates/summary/*.docx/).
      return sdk::Status::invalid(
          "format", "docx is available for city-annual and drill-plan only; " + req.kind +
                        " comes as text, markdown, html or json");
    } else if (req.kind == "plan-status" || req.kind == "township" || req.kind == "domain") {
      data = planStatus(c, req);
      name = "plan_status";
    } else if (req.kind == "drill-sheet") {
      data = drillSheet(c, req);
      name = "drill_sheet";
    } else {
      return sdk::Status::invalid(
          "kind", "unknown summary \"" + req.kind +
                      "\" (city-annual, plan-status, township, domain, drill-sheet, drill-plan)");
    }
  } catch (const Poco::Exception& e) {
    store::throwIfStorageFailure(e, "summary " + req.kind);
    return sdk::Status::error("summary " + req.kind + ": " + e.displayText());
  }
  if (!data.isOk()) return data.status();
  if (req.format == "json") {
    std::ostringstream out;
    data.value()->stringify(out, 2);
    return out.str();
  }
  // Markdown has no escaping of its own in mustache: every value is escaped here.
  auto values = extension == "md" ? render::toMustacheData(data.value(), render::markdownEscape)
                                  : render::toMustacheData(data.value());
  for (const auto& [key, svg] : c.svgs) values.set(key, svg);
  if (req.format == "docx") return renderSummaryDocx(templates_, name, values);
  return templates_.render("summary/" + name + "." + extension, values,
                           extension == "html" ? render::Escaping::Html : render::Escaping::None);
}

}  // namespace beacon::summary
