#include "summary/plan_status/plans_as_of.h"

#include <algorithm>

#include <Poco/JSON/Object.h>

#include "store/organisation_repository.h"
#include "store/plan_repository.h"

namespace beacon::summary::plan_status {

PlansAsOf loadPlansAsOf(Poco::Data::Session& session, const rules::PlanHistory& history,
                        const PlanStatusScope& scope) {
  PlansAsOf out;
  out.briefs = store::loadPlanBriefs(session, scope.domain);
  std::vector<store::PlanBrief>& plans = out.briefs.plans;
  plans.erase(std::remove_if(plans.begin(), plans.end(),
                             [&](store::PlanBrief& p) {
                               if (!scope.contains(p.owner_org_id)) return true;
                               sdk::Plan then;
                               then.id = p.id;
                               then.status = p.status;
                               history.apply(then, scope.as_of);
                               p.status = then.status;
                               if (p.status == sdk::PlanStatus::Abolished)
                                 out.abolished_ids.push_back(p.id);
                               return p.status == sdk::PlanStatus::Abolished;
                             }),
              plans.end());
  return out;
}

Poco::JSON::Array::Ptr abolishedPlansJson(Poco::Data::Session& session,
                                          const std::vector<sdk::RecordId>& ids,
                                          const sdk::Date& as_of) {
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  store::PlanRepository plans(session);
  store::OrganisationRepository orgs(session);
  for (sdk::RecordId id : ids) {
    auto plan = plans.findById(id);
    if (!plan) continue;
    const store::PlanAbolition abolition = plans.abolitionOf(id);
    Poco::JSON::Object::Ptr o = orderedObject();
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

}  // namespace beacon::summary::plan_status
