// Overview pages: GET / (dashboard: obligations by domain × township with
// met / met late / due soon / overdue counts, each linking to its list; its
// charts with their numbers as tables (http/dashboard_charts.h); the overdue,
// due-soon and met-late lists, each downloadable whole as CSV or .xlsx
// (http/dashboard_export.cpp), paged
// (?list=&offset=&limit=, "第 x–y 项，共 N 项") and sorted by due date or
// organisation (?sort=due|org), with citations; filters ?org= (picked by
// name, http/org_picker.h) ?domain= ?kind= kept in every link; for a village or community account 本单位待办,
// what it must do in the next 60 days by date, paged (?list=own_duties),
// instead of the township matrix; and the year's drill plans versus actual drills,
// http/drill_plan_overview.h) and GET /organisations (the readable
// organisation tree with each organisation's obligation counts and its drill
// plan's progress). Both take ?as_of=. Counts come from the chunk tallies and
// only the rows shown are copied (rules/obligation_page.h).
#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <vector>

#include "http/dashboard_charts.h"
#include "http/dashboard_links.h"
#include "http/dashboard_list_kinds.h"
#include "http/drill_plan_overview.h"
#include "http/http_error.h"
#include "http/kept_org_options.h"
#include "http/label_language.h"
#include "http/obligation_list_query.h"
#include "http/obligation_view.h"
#include "http/org_admin_scope.h"
#include "http/org_picker.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "http/routes.h"
#include "http/strict_number.h"
#include "rules/citation_text.h"
#include "rules/met_late_text.h"
#include "rules/obligation_page.h"
#include "rules/provisional_deadline.h"

namespace beacon::http {

namespace {

using kainjow::mustache::data;

// Met late (逾期完成) is counted on its own, never inside met.
struct Counts {
  int met = 0, met_late = 0, due_soon = 0, overdue = 0;
  void add(const rules::StatusCounts& c) {
    met += c.met;
    met_late += c.met_late;
    due_soon += c.due_soon;
    overdue += c.overdue;
  }
  rules::StatusCounts statusCounts() const {
    rules::StatusCounts c;
    c.met = met;
    c.met_late = met_late;
    c.due_soon = due_soon;
    c.overdue = overdue;
    return c;
  }
  data toData() const {
    data d;
    d.set("met", std::to_string(met));
    d.set("met_late", std::to_string(met_late));
    d.set("due_soon", std::to_string(due_soon));
    d.set("overdue", std::to_string(overdue));
    return d;
  }
  // With a link from each count to its list; no links when `links` is null.
  data toData(const DashboardLinks* links,
              const std::map<std::string, std::string>& overrides) const {
    data d = toData();
    if (links == nullptr) return d;
    for (const char* list : {"met", "met_late", "due_soon", "overdue"}) {
      d.set(std::string(list) + "_href", links->list(list, "", 0, overrides));
    }
    return d;
  }
};

// "第 1–20 项，共 2001 项" / "Items 1–20 of 2001".
std::string rangeText(bool english, std::size_t offset, std::size_t shown, std::size_t total) {
  if (shown == 0) return pageWord("range_none", english, {std::to_string(total)});
  const std::string range = std::to_string(offset + 1) + "–" + std::to_string(offset + shown);
  return pageWord("range_items", english, {range, std::to_string(total)});
}

// The rows of one page of a list, each with its organisation, plan, dates and citation.
data listRows(RequestContext& ctx, const ObligationView& view, const rules::ObligationPage& page,
              std::vector<rules::CitationText>& citations) {
  const auto plans = planLabels(ctx, page.rows);
  data rows{data::type::list};
  for (const auto& r : page.rows) {
    data item;
    item.set("title", r.title(ctx.english()));
    item.set("domain", domainLabel(ctx, r.domain()));
    item.set("org_name", orgNameOf(view, r.orgId()));
    if (const auto p = plans.find(r.planId()); r.planId() != 0 && p != plans.end()) {
      item.set("plan_title", p->second.title);
    }
    item.set("plan_id", std::to_string(r.planId()));
    item.set("due", rules::listedDue(r).toString());
    item.set("status", labelIn(r.status(), ctx.english()));
    item.set("status_class", std::string(sdk::toId(r.status())));
    if (rules::isProvisionalNote(r.note()))
      item.set("provisional", rules::provisionalLabel(ctx.english()));
    if (r.status() == sdk::ObligationStatus::MetLate || r.status() == sdk::ObligationStatus::Met) {
      item.set("met_on", r.lastMetDate().toString());
    }
    if (r.status() == sdk::ObligationStatus::MetLate) {
      item.set("days_late", rules::daysLateText(r.daysLate(), ctx.english()));
    }
    const rules::CitationText citation = rules::userCitation(r.citation());
    item.set("citation", citation.text);
    citations.push_back(citation);
    rows.push_back(item);
  }
  return rows;
}

// One list section: its page (the chosen list's offset and sort; the first page of the others),
// the range shown, pager and sort links.
data listSection(RequestContext& ctx, const ObligationView& view, const DashboardListKind& kind,
                 rules::ObligationPageQuery q, bool chosen, const DashboardLinks& links,
                 std::vector<rules::CitationText>& citations) {
  q.statuses = {kind.status};
  if (!chosen) {
    q.offset = 0;
    q.order = rules::ObligationOrder::Due;
  }
  const rules::ObligationPage page =
      rules::pageOf(*view.results, q, [&](sdk::RecordId id) { return orgNameOf(view, id); });
  const std::string sort = q.order == rules::ObligationOrder::Organisation ? "org" : "due";
  data s;
  s.set("id", kind.id);
  std::string anchor = kind.id;
  for (auto& c : anchor) {
    if (c == '_') c = '-';
  }
  s.set("table_id", anchor + "-list");
  s.set("heading", inLanguage(ctx.english(), kind.heading_en, kind.heading_zh));
  s.set("total", std::to_string(page.total));
  s.set("range", rangeText(ctx.english(), q.offset, page.rows.size(), page.total));
  s.set("rows", listRows(ctx, view, page, citations));
  s.set("empty", page.rows.empty());
  s.set("show_met_on",
        kind.status == sdk::ObligationStatus::MetLate || kind.status == sdk::ObligationStatus::Met);
  s.set("show_days_late", kind.status == sdk::ObligationStatus::MetLate);
  s.set("sort_due_href", links.list(kind.id, "due"));
  s.set("sort_org_href", links.list(kind.id, "org"));
  s.set("sorted_by_due", sort == "due");
  s.set("csv_href", links.download(kind.id, sort, "csv"));
  s.set("xlsx_href", links.download(kind.id, sort, "xlsx"));
  const int limit = static_cast<int>(q.limit);
  const int offset = static_cast<int>(q.offset);
  if (offset > 0)
    s.set("prev_href", links.list(kind.id, sort, offset > limit ? offset - limit : 0));
  if (q.offset + q.limit < page.total)
    s.set("next_href", links.list(kind.id, sort, offset + limit));
  return s;
}

// 本单位待办 (a village or community account): what the unit must do in the next 60 days after the
// as-of day, and what is already overdue, by date; paged like the other lists (its first page
// unless ?list=own_duties), with links that keep the unit and the as-of day, so the window stays
// the same 60 days while paging.
constexpr const char* kOwnDuties = kOwnDutiesList;
constexpr int kMaxListLimit = 200;  // ?limit= of the dashboard's lists
data ownDuties(RequestContext& ctx, const ObligationView& view, const sdk::Organisation& unit,
               const rules::ObligationPageQuery& request, bool chosen, const DashboardLinks& links,
               std::vector<rules::CitationText>& citations) {
  rules::ObligationPageQuery q = dashboardListQuery(kOwnDuties, request, view.query.as_of);
  q.offset = chosen ? request.offset : 0;
  const rules::ObligationPage page = rules::pageOf(*view.results, q);
  const std::map<std::string, std::string> keep{{"as_of", view.query.as_of.toString()},
                                                {"org", unit.code}};
  data s;
  s.set("csv_href", links.download(kOwnDuties, "", "csv", keep));
  s.set("xlsx_href", links.download(kOwnDuties, "", "xlsx", keep));
  s.set("rows", listRows(ctx, view, page, citations));
  s.set("range", rangeText(ctx.english(), q.offset, page.rows.size(), page.total));
  const int offset = static_cast<int>(q.offset);
  const int limit = static_cast<int>(q.limit);
  if (offset > 0) s.set("prev_href", links.list(kOwnDuties, "", offset > limit ? offset - limit : 0, keep));
  if (q.offset + q.limit < page.total) {
    s.set("next_href", links.list(kOwnDuties, "", offset + limit, keep));
    // The whole list in the largest pages the dashboard shows.
    std::map<std::string, std::string> whole = keep;
    whole["limit"] = std::to_string(kMaxListLimit);
    s.set("all_href", links.list(kOwnDuties, "", 0, whole));
    s.set("total", std::to_string(page.total));
  }
  return s;
}

bool villageLevel(const sdk::Organisation& o) {
  return o.kind == sdk::OrgKind::Village || o.kind == sdk::OrgKind::Community;
}

void dashboard(RequestContext& ctx) {
  const ObligationView view =
      checkObligations(ctx, ctx.queryDate("as_of"), ctx.query("org"), ctx.query("domain"));
  rules::ObligationPageQuery q = obligationListQuery(ctx, rules::ObligationOrder::Due);
  q.offset = static_cast<std::size_t>(ctx.queryInt("offset", 0, 0, 100000000));
  q.limit = static_cast<std::size_t>(ctx.queryInt("limit", 20, 1, kMaxListLimit));
  const std::string chosen = dashboardListParam(ctx);
  const std::map<sdk::RecordId, sdk::Organisation>& orgs = view.orgs();
  const auth::User& user = ctx.requireUser();
  const auto own = orgs.find(user.org_id);
  const bool village = own != orgs.end() && villageLevel(own->second);
  // The township (or sub-district) above an organisation: its name and code; 市直 when none.
  std::map<sdk::RecordId, std::pair<std::string, std::string>> township_of;
  auto townshipOf = [&](sdk::RecordId org_id) -> const std::pair<std::string, std::string>& {
    auto kept = township_of.find(org_id);
    if (kept != township_of.end()) return kept->second;
    std::pair<std::string, std::string> found{pageWord("city_level", ctx.english()), ""};
    sdk::RecordId id = org_id;
    for (int guard = 0; id != 0 && guard < 32; ++guard) {
      auto it = orgs.find(id);
      if (it == orgs.end()) break;
      if (it->second.kind == sdk::OrgKind::Township ||
          it->second.kind == sdk::OrgKind::SubDistrict) {
        found = {it->second.name, it->second.code};
        break;
      }
      id = it->second.parent_id;
    }
    return township_of.emplace(org_id, std::move(found)).first->second;
  };
  // Counts from the chunk tallies: one chunk per organisation and domain, none walked here.
  std::map<std::string, Counts> by_domain;
  std::map<std::pair<std::string, std::string>, Counts> by_cell;  // (township name, domain)
  std::map<std::string, std::string> town_codes;
  std::set<std::string> domains;
  Counts total;
  for (const auto& chunk : view.results->chunks()) {
    const rules::ObligationRow first = chunk->front();
    const rules::StatusCounts c = rules::countOf(chunk, q.kind);
    domains.insert(first.domain());
    total.add(c);
    by_domain[first.domain()].add(c);
    if (!village) {
      const auto& town = townshipOf(first.orgId());
      by_cell[{town.first, first.domain()}].add(c);
      town_codes[town.first] = town.second;
    }
  }
  const DashboardLinks links(ctx);
  data header{data::type::list};
  for (const auto& dmn : domains) header.push_back(data("label", domainLabel(ctx, dmn)));
  data rows{data::type::list};
  for (const auto& [town, code] : town_codes) {
    data row;
    row.set("township", town);
    data cells{data::type::list};
    for (const auto& dmn : domains) {
      auto it = by_cell.find({town, dmn});
      const Counts c = it == by_cell.end() ? Counts() : it->second;
      cells.push_back(c.toData(code.empty() ? nullptr : &links, {{"org", code}, {"domain", dmn}}));
    }
    row.set("cells", cells);
    rows.push_back(row);
  }
  std::vector<StatusBar> domain_bars;
  for (const auto& dmn : domains) domain_bars.emplace_back(domainLabel(ctx, dmn), by_domain[dmn].statusCounts());
  std::vector<StatusBar> town_bars;
  for (const auto& [town, code] : town_codes) {
    Counts sum;
    for (const auto& dmn : domains) {
      if (auto it = by_cell.find({town, dmn}); it != by_cell.end()) sum.add(it->second.statusCounts());
    }
    town_bars.emplace_back(town, sum.statusCounts());
  }

  std::vector<rules::CitationText> listed_citations;
  data lists{data::type::list};
  for (const auto& kind : dashboardListKinds()) {
    if (kind.status == sdk::ObligationStatus::Met && chosen != kind.id)
      continue;  // met: on request only
    lists.push_back(listSection(ctx, view, kind, q, chosen == kind.id, links, listed_citations));
  }
  data d;
  d.set("as_of", view.query.as_of.toString());
  d.set("totals", total.toData(&links, {}));
  d.set("village", village);
  if (village) {
    d.set("own_duties", ownDuties(ctx, view, own->second, q, chosen == kOwnDuties, links,
                                  listed_citations));
  } else {
    d.set("header", header);
    d.set("rows", rows);
  }
  d.set("lists", lists);
  data notes{data::type::list};  // the footnotes of the citations marked ※
  for (const auto& n : rules::citationNotes(listed_citations)) {
    data note;
    note.set("citation", n.text);
    note.set("note", n.note);
    notes.push_back(note);
  }
  d.set("citation_notes", notes);
  d.set("chart", domains.empty() ? std::string() : domainStatusChart(ctx.english(), domain_bars));
  const auth::Scope read_scope = ctx.policy().scope(user);
  d.set("chart_months", drillsByMonthChart(ctx, view.query.as_of.year,
                                           view.query.org_ids.empty() && read_scope.all,
                                           view.query.org_ids, view.query.domain));
  if (!village) {
    d.set("chart_townships", townshipRateChart(ctx.english(), town_bars));
    d.set("rate_note", pageWord("chart_rate_note", ctx.english()));
  }
  // Filters as controls; the form keeps them in the URL.
  d.set("domains", domainOptions(ctx, view.query.domain, true));
  data kinds{data::type::list};
  for (const auto k :
       {sdk::ObligationKind::Drill, sdk::ObligationKind::Evaluation, sdk::ObligationKind::Review,
        sdk::ObligationKind::Filing, sdk::ObligationKind::Publication,
        sdk::ObligationKind::Revision, sdk::ObligationKind::Report}) {
    data o;
    o.set("value", std::string(sdk::toId(k)));
    o.set("label", inLanguage(ctx.english(), sdk::toId(k), sdk::labelZh(k)));
    o.set("selected", q.kind && *q.kind == k);
    kinds.push_back(o);
  }
  d.set("kinds", kinds);
  // The organisation picked by name: a search box over the names in scope (OrgPicker).
  const OrgPicker picker(orgs);
  d.set("org_options", keptOrgOptions(view.kept_orgs, picker, read_scope, ctx.english()));
  const sdk::Organisation* picked = picker.find(ctx.query("org"));
  if (const auto id = parseWholeNumber(ctx.query("org"), 1, std::numeric_limits<sdk::RecordId>::max())) {
    if (const auto it = orgs.find(*id); it != orgs.end()) picked = &it->second;
  }
  if (picked != nullptr) d.set("org_value", picker.label(*picked));
  data list_options{data::type::list};
  for (const auto& kind : dashboardListKinds()) {
    data o;
    o.set("value", kind.id);
    o.set("label", inLanguage(ctx.english(), kind.heading_en, kind.heading_zh));
    o.set("selected", chosen == kind.id);
    list_options.push_back(o);
  }
  d.set("list_options", list_options);
  d.set("limit", std::to_string(q.limit));
  d.set("drill_plans", drillPlanOverview(ctx, view.query.as_of, view.query.org_ids, orgs));
  ctx.sendPage(200, "dashboard.html", d, pageWord("dashboard", ctx.english()));
}

void organisationTree(RequestContext& ctx) {
  const ObligationView view = checkObligations(ctx, ctx.queryDate("as_of"), "", "");
  std::map<sdk::RecordId, Counts> counts;
  for (const auto& chunk : view.results->chunks()) {
    counts[chunk->front().orgId()].add(rules::countOf(chunk, std::nullopt));
  }
  const auto drill_plans = drillPlanByOrganisation(ctx, view.query.as_of);
  const auth::Scope scope = ctx.policy().scope(ctx.requireUser());
  std::multimap<sdk::RecordId, const sdk::Organisation*> children;
  for (const auto& [id, o] : view.orgs()) {
    if (scope.contains(id)) children.emplace(o.parent_id, &o);
  }
  std::function<data(const sdk::Organisation&)> node = [&](const sdk::Organisation& o) {
    data n;
    n.set("id", std::to_string(o.id));
    n.set("name", o.name);
    n.set("code", o.code);
    n.set("kind", labelIn(o.kind, ctx.english()));
    n.set("can_edit", mayEdit(ctx, o.id));  // the 编辑 link (org_admin_pages.cpp)
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
  for (const auto& [id, o] : view.orgs()) {
    if (scope.contains(id) && (o.parent_id == 0 || !scope.contains(o.parent_id))) roots.push_back(node(o));
  }
  data d;
  d.set("as_of", view.query.as_of.toString());
  d.set("roots", roots);
  d.set("can_manage", managesOrganisations(ctx));  // the 新增单位 link
  ctx.sendPage(200, "organisations.html", d, pageWord("organisations", ctx.english()));
}

}  // namespace

void addDashboardPages(Router& router) { router.add("GET", "/", dashboard); }

void addOrganisationPages(Router& router) { router.add("GET", "/organisations", organisationTree); }

}  // namespace beacon::http
