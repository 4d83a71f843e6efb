#include "summary/summary_service.h"

#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "plugins/drill_periods.h"
#include "render/json_data.h"
#include "render/markdown_escape.h"
#include "rules/compliance_engine.h"
#include "rules/met_late_text.h"
#include "rules/store_record_reader.h"
#include "store/corrective_action.h"
#include "store/corrective_action_repository.h"
#include "store/demo_marker.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/record_voids.h"
#include "store/storage_error.h"
#include "summary/annual_counts.h"
#include "summary/drill_plan_execution.h"
#include "summary/monthly_chart.h"
#include "summary/place_words.h"
#include "summary/plan_status/plan_status_summary.h"
#include "summary/summary_context.h"
#include "summary/summary_docx.h"
#include "summary/summary_headings.h"

namespace beacon::summary {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr activityJson(const PlanActivity& a, const Lang& t, const PlaceWords& place) {
  Object::Ptr o = orderedObject();
  o->set("total", a.total);
  o->set("has_breakdown", !a.levels.empty());
  Array::Ptr levels = new Array;
  for (std::size_t i = 0; i < a.levels.size(); ++i) {
    Object::Ptr l = orderedObject();
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

}  // namespace

SummaryService::SummaryService(store::Database& db, const plugins::PluginRegistry& registry,
                               const render::TemplateRegistry& templates, rules::ComplianceEngine* engine)
    : db_(db), registry_(registry), templates_(templates), engine_(engine) {}

namespace {

sdk::Result<Object::Ptr> cityAnnual(SummaryContext& c, const SummaryRequest& req) {
  const int year = req.year != 0 ? req.year : req.as_of.year;
  if (year < 1900 || year > 9999) return sdk::Status::invalid("year", "a year is required for city-annual");
  const AnnualCounts counts = countAnnual(c.db.session(), c.registry, year);
  const auto& t = c.t;

  const std::vector<sdk::Organisation> orgs = rules::StoreRecordReader(c.db, "").organisations();
  const sdk::Organisation* top = topOrganisation(orgs);
  const PlaceWords place = placeWordsFor(top ? top->kind : sdk::OrgKind::City);
  const std::string city_name = top && !t.en ? top->name : t(place.whole_zh, place.whole_en);
  Object::Ptr data = orderedObject();
  data->set("kind", "city-annual");
  data->set("language", t("zh-CN", "en"));
  data->set("year", year);
  data->set("title", t.en ? "Emergency plans and drills in " + std::to_string(year)
                          : city_name + std::to_string(year) + "年应急预案和应急演练工作情况");
  data->set("t", summaryHeadings(t));
  data->set("place", t(place.whole_zh, place.whole_en));
  data->set("drafted", activityJson(counts.drafted, t, place));
  data->set("revised", activityJson(counts.revised, t, place));
  data->set("evaluated", activityJson(counts.evaluated, t, place));
  Array::Ptr drills = new Array;
  for (std::size_t i = 0; i < counts.drills.size(); ++i) {
    Object::Ptr d = orderedObject();
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

  c.svgs["chart_months"] = monthlyDrillChart(c, sdk::Date{year, 12, 31}, nullptr, "").toFigure();
  return data;
}

// 年度演练计划执行情况: plan versus actual per organisation and domain, by township and city.
sdk::Result<Object::Ptr> drillPlanSummary(SummaryContext& c, const SummaryRequest& req) {
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
      Object::Ptr cell = orderedObject();
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

  Object::Ptr data = orderedObject();
  data->set("kind", "drill-plan");
  data->set("language", t("zh-CN", "en"));
  data->set("year", year);
  data->set("as_of", as_of.toString());
  data->set("scope", scope_name);
  data->set("title", t.en ? "Annual drill plans, plan versus actual " + std::to_string(year) +
                                ": " + scope_name
                          : scope_name + std::to_string(year) + "年度演练计划执行情况");
  Object::Ptr h = summaryHeadings(t);
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
    Object::Ptr col = orderedObject();
    col->set("label", t(zh, en));
    columns->add(col);
  }
  data->set("columns", columns);
  data->set("total", counted(orderedObject(), tally.total));

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
    Object::Ptr o = counted(orderedObject(), r.counts);
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
    Object::Ptr o = counted(orderedObject(), entry.second);
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

sdk::Result<Object::Ptr> drillSheet(SummaryContext& c, const SummaryRequest& req) {
  const auto& t = c.t;
  if (req.drill_id == 0) return sdk::Status::invalid("drill_id", "a drill id is required for drill-sheet");
  store::DrillRepository drills(c.db.session());
  auto drill = drills.findById(req.drill_id);
  if (!drill) return sdk::Status::invalid("drill_id", "no drill with id " + std::to_string(req.drill_id));
  store::OrganisationRepository orgs(c.db.session());
  store::PlanRepository plans(c.db.session());
  auto org = orgs.findById(drill->org_id);
  const sdk::DrillType* type = c.registry.drillType(drill->drill_type);

  Object::Ptr data = orderedObject();
  data->set("kind", "drill-sheet");
  data->set("language", t("zh-CN", "en"));
  data->set("title", t("应急演练记录", "Emergency drill record"));
  data->set("t", summaryHeadings(t));
  Array::Ptr items = new Array;
  auto item = [&](const std::string& label, const std::string& value) {
    Object::Ptr o = orderedObject();
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
  const auto listed = actions.listForSource(store::SourceKind::Drill, drill->id);
  std::vector<sdk::RecordId> ids;
  for (const auto& a : listed) ids.push_back(a.id);
  const auto voided = store::RecordVoids(c.db.session()).voided(store::RecordKind::CorrectiveAction, ids);
  for (const auto& a : listed) {
    if (voided.count(a.id)) continue;  // 作废: not reported
    Object::Ptr o = orderedObject();
    auto responsible = orgs.findById(a.responsible_org_id);
    o->set("description", a.description);
    o->set("organisation", responsible ? responsible->name : std::to_string(a.responsible_org_id));
    o->set("due", a.due.toString());
    o->set("status", t(store::labelZh(a.status), store::labelEn(a.status)));
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
  SummaryContext c{db_, registry_, templates_, engine_, Lang{req.english}, {}};
  sdk::Result<Object::Ptr> data = sdk::Status::internal("unreachable");
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
      data = plan_status::planStatusSummary(c, req);
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
    return store::failureStatus(e, "summary " + req.kind + ": " + e.displayText());
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
