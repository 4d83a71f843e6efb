// Overview pages: GET / (dashboard: obligations by domain × township with
// met / met late / due soon / overdue counts, an inline SVG chart, the
// overdue list with citations, the list of duties met late and the year's
// drill plans versus actual drills, http/drill_plan_overview.h) and GET
// /organisations (the readable organisation tree with each organisation's
// obligation counts and its drill plan's progress). Both take ?as_of=.
#include <map>
#include <set>
#include <vector>

#include "http/drill_plan_overview.h"
#include "http/obligation_view.h"
#include "http/routes.h"
#include "rules/met_late_text.h"
#include "rules/citation_text.h"
#include "rules/provisional_deadline.h"
#include "summary/svg_chart.h"

namespace beacon::http {

namespace {

using kainjow::mustache::data;

// Met late (逾期完成) is counted on its own, never inside met.
struct Counts {
  int met = 0, met_late = 0, due_soon = 0, overdue = 0;
  void add(sdk::ObligationStatus s) {
    if (s == sdk::ObligationStatus::Met) ++met;
    if (s == sdk::ObligationStatus::MetLate) ++met_late;
    if (s == sdk::ObligationStatus::DueSoon) ++due_soon;
    if (s == sdk::ObligationStatus::Overdue) ++overdue;
  }
  data toData() const {
    data d;
    d.set("met", std::to_string(met));
    d.set("met_late", std::to_string(met_late));
    d.set("due_soon", std::to_string(due_soon));
    d.set("overdue", std::to_string(overdue));
    return d;
  }
};

std::string domainLabel(RequestContext& ctx, const std::string& domain) {
  if (const auto* p = ctx.state.app.plugins().byDomain(domain)) return ctx.english() ? p->name_en : p->name_zh;
  return domain == sdk::kGeneralDomain ? (ctx.english() ? "General" : "综合/其他") : domain;
}

void dashboard(RequestContext& ctx) {
  const ObligationView view = checkObligations(ctx, ctx.queryDate("as_of"), ctx.query("org"), "");
  std::map<sdk::RecordId, sdk::Organisation> orgs;
  for (auto& o : ctx.organisations().list()) orgs[o.id] = o;
  auto townshipOf = [&](sdk::RecordId id) -> std::string {
    for (int guard = 0; id != 0 && guard < 32; ++guard) {
      auto it = orgs.find(id);
      if (it == orgs.end()) break;
      if (it->second.kind == sdk::OrgKind::Township || it->second.kind == sdk::OrgKind::SubDistrict) {
        return it->second.name;
      }
      id = it->second.parent_id;
    }
    return ctx.english() ? "City level" : "市直";
  };
  std::map<std::string, Counts> by_domain;
  std::map<std::pair<std::string, std::string>, Counts> by_cell;
  std::set<std::string> domains;
  Counts total;
  data overdue{data::type::list};
  data met_late{data::type::list};
  std::vector<rules::CitationText> listed_citations;
  for (const auto& r : view.results) {
    const auto& o = r.obligation;
    domains.insert(o.domain);
    total.add(r.status);
    by_domain[o.domain].add(r.status);
    by_cell[{townshipOf(o.org_id), o.domain}].add(r.status);
    // One line of the overdue or met-late list: the duty, its organisation and plan.
    auto dutyItem = [&]() {
      data item;
      item.set("title", ctx.english() ? o.title_en : o.title_zh);
      item.set("domain", domainLabel(ctx, o.domain));
      auto on = view.org_names.find(o.org_id);
      item.set("org_name", on == view.org_names.end() ? "" : on->second);
      auto pt = view.plan_titles.find(o.plan_id);
      if (o.plan_id != 0 && pt != view.plan_titles.end()) item.set("plan_title", pt->second);
      item.set("plan_id", std::to_string(o.plan_id));
      return item;
    };
    if (r.status == sdk::ObligationStatus::Overdue && overdue.list_value().size() < 200) {
      data item = dutyItem();
      const rules::CitationText citation = rules::userCitation(o.citation);
      item.set("citation", citation.text);
      listed_citations.push_back(citation);
      item.set("due", o.due.toString());
      if (rules::isProvisionalDeadline(o)) item.set("provisional", rules::provisionalLabel(ctx.english()));
      overdue.push_back(item);
    }
    if (r.status == sdk::ObligationStatus::MetLate && met_late.list_value().size() < 200) {
      data item = dutyItem();
      item.set("due", (o.met_due.isSet() ? o.met_due : o.due).toString());
      item.set("met_on", o.last_met.date.toString());
      item.set("days_late", rules::daysLateText(r.days_late, ctx.english()));
      met_late.push_back(item);
    }
  }
  data header{data::type::list};
  for (const auto& dmn : domains) header.push_back(data("label", domainLabel(ctx, dmn)));
  data rows{data::type::list};
  std::string last_town;
  std::set<std::string> towns;
  for (const auto& [key, c] : by_cell) towns.insert(key.first);
  for (const auto& town : towns) {
    data row;
    row.set("township", town);
    data cells{data::type::list};
    for (const auto& dmn : domains) {
      auto it = by_cell.find({town, dmn});
      cells.push_back(it == by_cell.end() ? Counts().toData() : it->second.toData());
    }
    row.set("cells", cells);
    rows.push_back(row);
  }
  summary::SvgChart chart;
  chart.title = ctx.english() ? "Obligations by domain" : "各领域义务落实情况";
  chart.stacked = true;
  summary::ChartSeries met{ctx.english() ? "Met" : "已落实", "#1e7b34", {}};
  summary::ChartSeries met_late_series{ctx.english() ? "Met late" : "逾期完成", "#7a9a3a", {}};
  summary::ChartSeries soon{ctx.english() ? "Due soon" : "即将到期", "#e0a100", {}};
  summary::ChartSeries late{ctx.english() ? "Overdue" : "已逾期", "#b3261e", {}};
  for (const auto& dmn : domains) {
    chart.categories.push_back(domainLabel(ctx, dmn));
    met.values.push_back(by_domain[dmn].met);
    met_late_series.values.push_back(by_domain[dmn].met_late);
    soon.values.push_back(by_domain[dmn].due_soon);
    late.values.push_back(by_domain[dmn].overdue);
  }
  chart.series = {met, met_late_series, soon, late};
  data d;
  d.set("as_of", view.query.as_of.toString());
  d.set("totals", total.toData());
  d.set("header", header);
  d.set("rows", rows);
  d.set("overdue", overdue);
  d.set("met_late", met_late);
  data notes{data::type::list};  // the footnotes of the citations marked ※
  for (const auto& n : rules::citationNotes(listed_citations)) {
    data note;
    note.set("citation", n.text);
    note.set("note", n.note);
    notes.push_back(note);
  }
  d.set("citation_notes", notes);
  d.set("chart", domains.empty() ? std::string() : chart.toSvg());
  d.set("drill_plans", drillPlanOverview(ctx, view.query.as_of, view.query.org_ids));
  ctx.sendPage(200, "dashboard.html", d, ctx.english() ? "Dashboard" : "总览");
}

void organisationTree(RequestContext& ctx) {
  const ObligationView view = checkObligations(ctx, ctx.queryDate("as_of"), "", "");
  std::map<sdk::RecordId, Counts> counts;
  for (const auto& r : view.results) counts[r.obligation.org_id].add(r.status);
  const auto drill_plans = drillPlanByOrganisation(ctx, view.query.as_of);
  const auth::Scope scope = ctx.policy().scope(ctx.requireUser());
  const auto all = ctx.organisations().list();
  std::multimap<sdk::RecordId, const sdk::Organisation*> children;
  for (const auto& o : all) {
    if (scope.contains(o.id)) children.emplace(o.parent_id, &o);
  }
  std::function<data(const sdk::Organisation&)> node = [&](const sdk::Organisation& o) {
    data n;
    n.set("id", std::to_string(o.id));
    n.set("name", o.name);
    n.set("code", o.code);
    n.set("kind", ctx.english() ? sdk::labelEn(o.kind) : sdk::labelZh(o.kind));
    n.set("counts", counts[o.id].toData());
    n.set("has_overdue", counts[o.id].overdue > 0);
    if (const auto dp = drill_plans.find(o.id); dp != drill_plans.end())
      n.set("drill_plan", dp->second);
    data kids{data::type::list};
    auto range = children.equal_range(o.id);
    for (auto it = range.first; it != range.second; ++it) kids.push_back(node(*it->second));
    n.set("children", kids);
    n.set("has_children", range.first != range.second);
    return n;
  };
  data roots{data::type::list};
  for (const auto& o : all) {
    if (scope.contains(o.id) && (o.parent_id == 0 || !scope.contains(o.parent_id))) roots.push_back(node(o));
  }
  data d;
  d.set("as_of", view.query.as_of.toString());
  d.set("roots", roots);
  ctx.sendPage(200, "organisations.html", d, ctx.english() ? "Organisations" : "单位");
}

}  // namespace

void addDashboardPages(Router& router) { router.add("GET", "/", dashboard); }

void addOrganisationPages(Router& router) { router.add("GET", "/organisations", organisationTree); }

}  // namespace beacon::http
