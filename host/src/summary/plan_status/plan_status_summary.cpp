#include "summary/plan_status/plan_status_summary.h"

#include <memory>

#include "rules/compliance_engine.h"
#include "rules/store_record_reader.h"
#include "store/organisation_repository.h"
#include "summary/drill_tally.h"
#include "summary/monthly_chart.h"
#include "summary/place_words.h"
#include "summary/plan_status/drill_coverage.h"
#include "summary/plan_status/duty_lists.h"
#include "summary/plan_status/plan_ranking.h"
#include "summary/plan_status/plan_status_scope.h"
#include "summary/plan_status/plan_table.h"
#include "summary/plan_status/plans_as_of.h"
#include "summary/plan_status/township_chart.h"
#include "summary/plan_status/township_map.h"
#include "summary/summary_headings.h"

namespace beacon::summary::plan_status {

namespace {

// The engine's results for the scope; empty without an engine.
sdk::Result<std::shared_ptr<const rules::ObligationSet>> checkScope(SummaryContext& c,
                                                                    const PlanStatusScope& scope) {
  if (!c.engine) return std::make_shared<const rules::ObligationSet>();
  rules::CheckQuery q;
  q.as_of = scope.as_of;
  if (scope.scoped) q.org_ids.assign(scope.subtree.begin(), scope.subtree.end());
  q.domain = scope.domain;
  return c.engine->checkShared(q);
}

}  // namespace

sdk::Result<Poco::JSON::Object::Ptr> planStatusSummary(SummaryContext& c,
                                                       const SummaryRequest& req) {
  const auto& t = c.t;
  store::OrganisationRepository org_repo(c.db.session());
  const std::vector<sdk::Organisation> orgs = rules::StoreRecordReader(c.db, "").organisations();
  const OrgById org_by_id = indexById(orgs);
  const sdk::Organisation* top = topOrganisation(orgs);
  const PlaceWords place = placeWordsFor(top ? top->kind : sdk::OrgKind::City);
  auto resolved = resolvePlanStatusScope(req, org_repo, c.registry, place, t);
  if (!resolved.isOk()) return resolved.status();
  const PlanStatusScope& scope = resolved.value();
  const TownshipOf township_of = townshipOf(orgs, org_by_id);

  const rules::PlanHistory history = rules::PlanHistory::load(c.db.session(), scope.domain);
  PlansAsOf plans = loadPlansAsOf(c.db.session(), history, scope);
  auto checked = checkScope(c, scope);
  if (!checked.isOk()) return checked.status();
  const rules::ObligationSet& obligations = *checked.value();
  const PlanColumns columns = rankPlans(plans.briefs.plans, history, scope.as_of, obligations);

  Poco::JSON::Object::Ptr data = orderedObject();
  data->set("kind", req.kind);
  data->set("language", t("zh-CN", "en"));
  data->set("as_of", scope.as_of.toString());
  data->set("scope", scope.name);
  data->set("title", t.en ? "Emergency plan and drill status: " + scope.name
                          : scope.name + "应急预案和演练状态");
  data->set("t", summaryHeadings(t));
  data->set("engine_available", c.engine != nullptr);
  data->set("engine_note",
            c.engine ? ""
                     : t("合规引擎未接入：各预案的到期、逾期和备案事项未计入。",
                         "The compliance engine is not available: due, overdue and filing "
                         "duties are left out."));
  addPlanTableJson(*data, tabulatePlans(plans.briefs.plans, org_by_id, columns), c.registry, t);
  data->set("abolished", abolishedPlansJson(c.db.session(), plans.abolished_ids, scope.as_of));
  data->set("abolished_total", static_cast<int>(plans.abolished_ids.size()));

  const std::vector<std::string> domains = coverageDomains(c.registry, scope);
  const DrillCoverage coverage = drillCoverage(
      orgs, township_of, scope, domains,
      DrillTally(c.db.session()).domainsByOrg(scope.as_of.addMonths(-12).addDays(1), scope.as_of));
  addCoverageJson(*data, coverage, domains, org_by_id, c.registry, t);

  const OverdueList overdue =
      overdueList(c.db.session(), obligations, org_by_id, columns, scope.as_of, t);
  data->set("overdue", overdue.rows);
  data->set("citation_notes", overdue.citation_notes);
  data->set("overdue_total", overdue.total);
  const MetLateList met_late = metLateList(c.db.session(), obligations, org_by_id, t);
  data->set("met_late", met_late.rows);
  data->set("met_late_total", met_late.total);
  data->set("overdue_shown", static_cast<int>(overdue.rows->size()));
  data->set("overdue_truncated", static_cast<int>(overdue.rows->size()) < overdue.total);
  addFootnote(c, data);

  c.svgs["chart_months"] =
      monthlyDrillChart(c, scope.as_of, scope.scoped ? &scope.subtree : nullptr, scope.domain)
          .toFigure();
  c.svgs["chart_townships"] = townshipChart(coverage, domains, c.engine ? &obligations : nullptr,
                                            org_by_id, township_of, c.registry, t)
                                  .toFigure();
  return data;
}

}  // namespace beacon::summary::plan_status
