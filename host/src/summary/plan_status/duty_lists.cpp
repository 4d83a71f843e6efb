#include "summary/plan_status/duty_lists.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "rules/citation_text.h"
#include "rules/met_late_text.h"
#include "rules/provisional_deadline.h"
#include "store/plan_brief.h"

namespace beacon::summary::plan_status {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

std::string organisationName(const OrgById& org_by_id, sdk::RecordId id) {
  auto org = org_by_id.find(id);
  return org == org_by_id.end() ? std::to_string(id) : org->second->name;
}

}  // namespace

OverdueList overdueList(Poco::Data::Session& session, const rules::ObligationSet& obligations,
                        const OrgById& org_by_id, const PlanColumns& plans, const sdk::Date& as_of,
                        const Lang& t) {
  std::vector<rules::ObligationRow> overdue;
  for (const auto& r : obligations)
    if (r.status() == sdk::ObligationStatus::Overdue) overdue.push_back(r);
  std::stable_sort(overdue.begin(), overdue.end(),
                   [](const auto& a, const auto& b) { return a.due() < b.due(); });
  const std::size_t shown = std::min(overdue.size(), static_cast<std::size_t>(kDutyListLimit));
  std::set<sdk::RecordId> listed_plans;
  for (std::size_t i = 0; i < shown; ++i)
    if (plans.count(overdue[i].planId())) listed_plans.insert(overdue[i].planId());
  const auto titles = store::planTitles(session, listed_plans);
  OverdueList out;
  out.rows = new Array;
  std::vector<rules::CitationText> listed_citations;
  for (std::size_t i = 0; i < shown; ++i) {
    const rules::ObligationRow& o = overdue[i];
    Object::Ptr r = orderedObject();
    r->set("organisation", organisationName(org_by_id, o.orgId()));
    auto plan = titles.find(o.planId());
    r->set("plan", plan == titles.end() ? "" : plan->second);
    r->set("duty", t(o.titleZh(), o.titleEn().empty() ? o.titleZh() : o.titleEn()));
    r->set("rule_id", o.ruleId());
    const rules::CitationText citation = rules::userCitation(o.citation());
    listed_citations.push_back(citation);
    r->set("citation", citation.text);
    r->set("due", o.due().toString());
    if (rules::isProvisionalNote(o.note())) r->set("provisional", rules::provisionalLabel(t.en));
    r->set("days_overdue", static_cast<int>(sdk::daysBetween(o.due(), as_of)));
    out.rows->add(r);
  }
  out.citation_notes = new Array;
  for (const auto& n : rules::citationNotes(listed_citations)) {
    Object::Ptr note = orderedObject();
    note->set("citation", n.text);
    note->set("note", n.note);
    out.citation_notes->add(note);
  }
  out.total = static_cast<int>(overdue.size());
  return out;
}

MetLateList metLateList(Poco::Data::Session& session, const rules::ObligationSet& obligations,
                        const OrgById& org_by_id, const Lang& t) {
  std::vector<rules::ObligationRow> met_late;
  for (const auto& r : obligations)
    if (r.status() == sdk::ObligationStatus::MetLate) met_late.push_back(r);
  std::stable_sort(met_late.begin(), met_late.end(),
                   [](const auto& a, const auto& b) { return a.daysLate() > b.daysLate(); });
  std::set<sdk::RecordId> late_plans;
  for (const auto& r : met_late)
    if (r.planId() != 0) late_plans.insert(r.planId());
  const auto titles = store::planTitles(session, late_plans);
  MetLateList out;
  out.rows = new Array;
  for (std::size_t i = 0; i < met_late.size() && i < static_cast<std::size_t>(kDutyListLimit);
       ++i) {
    const rules::ObligationRow& o = met_late[i];
    Object::Ptr r = orderedObject();
    r->set("organisation", organisationName(org_by_id, o.orgId()));
    auto plan = titles.find(o.planId());
    r->set("plan", plan == titles.end() ? "" : plan->second);
    r->set("duty", t(o.titleZh(), o.titleEn().empty() ? o.titleZh() : o.titleEn()));
    r->set("rule_id", o.ruleId());
    r->set("citation", o.citation());
    r->set("due", (o.metDue().isSet() ? o.metDue() : o.due()).toString());
    r->set("met_on", o.lastMetDate().toString());
    r->set("days_late", static_cast<int>(o.daysLate()));
    r->set("days_late_text", rules::daysLateText(o.daysLate(), t.en));
    out.rows->add(r);
  }
  out.total = static_cast<int>(met_late.size());
  return out;
}

}  // namespace beacon::summary::plan_status
