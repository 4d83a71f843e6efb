#include "service/drill_plan_service.h"

#include <Poco/Exception.h>

#include "service/record_checks.h"
#include "service/storage_message.h"
#include "service/text_limits.h"
#include "store/drill_plan_repository.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/storage_error.h"
#include "store/transaction.h"

namespace beacon::service {

sdk::Status DrillPlanService::invalid(const std::string& field, const std::string& zh,
                                      const std::string& en) const {
  return sdk::Status::invalid(field, english_ ? en : zh);
}

sdk::Status DrillPlanService::validatePlan(const store::DrillPlan& plan) {
  if (sdk::Status s = checkText("drill_plan", "note", plan.note); !s.isOk()) {
    return sdk::Status::invalid(s.field(), localisedMessage(s.message(), english_));
  }
  if (plan.org_id == 0 || !store::OrganisationRepository(db_.session()).findById(plan.org_id)) {
    return invalid("org_id", "没有编号为 " + std::to_string(plan.org_id) + " 的单位",
                   "no organisation with id " + std::to_string(plan.org_id));
  }
  if (plan.year < 2000 || plan.year > 2100) {
    return invalid("year", "年度应在 2000 至 2100 之间", "must be a year from 2000 to 2100");
  }
  if (!isValidDate(plan.made_on)) {
    return invalid("made_on", "制定日期必填（YYYY-MM-DD）", "is required (YYYY-MM-DD)");
  }
  const sdk::Date latest = today().addDays(1);
  if (plan.made_on > latest) {
    return invalid("made_on", "制定日期 " + plan.made_on.toString() + " 晚于今天",
                   plan.made_on.toString() + " is in the future");
  }
  const sdk::Date first{plan.year - 1, 1, 1};
  const sdk::Date last{plan.year, 12, 31};
  if (plan.made_on < first || plan.made_on > last) {
    const std::string range = first.toString() + " – " + last.toString();
    return invalid("made_on", std::to_string(plan.year) + " 年度演练计划的制定日期应在 " + range + " 之间",
                   "a drill plan for " + std::to_string(plan.year) + " is made within " + range);
  }
  return sdk::Status::ok();
}

sdk::Status DrillPlanService::validateItem(sdk::RecordId org_id, store::DrillPlanItem& item) {
  if (sdk::Status s = checkText("drill_plan_item", "note", item.note); !s.isOk()) {
    return sdk::Status::invalid(s.field(), localisedMessage(s.message(), english_));
  }
  const sdk::DrillType* type = registry_.drillType(item.drill_type);
  if (item.drill_type.empty() || !type) {
    return invalid("drill_type", "“" + item.drill_type + "”不是已启用插件的演练类型",
                   "\"" + item.drill_type + "\" is not a drill type of an enabled plugin");
  }
  const std::string type_domain = item.drill_type.substr(0, item.drill_type.find('.'));
  if (item.domain.empty()) item.domain = type_domain;
  if (!registry_.byDomain(item.domain)) {
    return invalid("domain", "“" + item.domain + "”不是已启用插件的领域",
                   "\"" + item.domain + "\" is not an enabled plugin's domain");
  }
  if (item.domain != type_domain) {
    return invalid("drill_type", "演练类型 " + item.drill_type + " 不属于领域 " + item.domain,
                   "\"" + item.drill_type + "\" is not a drill type of domain " + item.domain);
  }
  if (item.month < 1 || item.month > 12) {
    return invalid("month", "计划月份应为 1 至 12", "must be a month from 1 to 12");
  }
  if (item.plan_id != 0) {
    store::OrganisationRepository orgs(db_.session());
    const auto plan = store::PlanRepository(db_.session()).findById(item.plan_id);
    bool owned = false;
    sdk::RecordId cur = org_id;
    for (int depth = 0; plan && cur != 0 && depth < 64; ++depth) {
      if (cur == plan->owner_org_id) {
        owned = true;
        break;
      }
      const auto o = orgs.findById(cur);
      cur = o ? o->parent_id : 0;
    }
    // A plan that does not exist and one of another organisation get one answer.
    if (!owned) {
      return invalid("plan_id", "本单位及其上级单位没有编号为 " + std::to_string(item.plan_id) + " 的预案",
                     "no plan " + std::to_string(item.plan_id) + " of the organisation or one above it");
    }
    if (plan->domain != item.domain && plan->domain != sdk::kGeneralDomain) {
      return invalid("plan_id", "预案 " + plan->code + " 属于领域 " + plan->domain + "，不是 " + item.domain,
                     "plan " + plan->code + " belongs to domain " + plan->domain + ", not " + item.domain);
    }
  }
  return sdk::Status::ok();
}

sdk::Result<sdk::RecordId> DrillPlanService::add(store::DrillPlan plan, const store::Actor& actor) {
  if (plan.items.empty()) {
    return invalid("items", "演练计划至少需要一项计划演练", "a drill plan needs at least one planned drill");
  }
  try {
    store::Transaction tx(db_.session());
    store::DrillPlanRepository plans(db_.session());
    auto stored = plan.org_id != 0 ? plans.find(plan.org_id, plan.year) : std::nullopt;
    if (!stored) {
      if (sdk::Status s = validatePlan(plan); !s.isOk()) return s;
    }
    for (std::size_t i = 0; i < plan.items.size(); ++i) {
      sdk::Status s = validateItem(plan.org_id, plan.items[i]);
      if (!s.isOk()) return sdk::Status::invalid("items[" + std::to_string(i + 1) + "]." + s.field(), s.message());
    }
    sdk::RecordId id = 0;
    if (stored) {
      plans.addItems(stored->id, plan.items, actor);
      id = stored->id;
    } else {
      id = plans.add(plan, actor);
    }
    tx.commit();
    return id;
  } catch (const Poco::Exception& e) {
    const std::string message = couldNotStore({"年度演练计划", "the drill plan"}, english_);
    store::throwIfStorageFailure(e, message);
    return store::failureStatus(e, withDetail(message, e.displayText(), english_));
  }
}

DrillPlanProgress DrillPlanService::progress(const store::DrillPlan& plan, const sdk::Date& as_of) {
  store::DrillFilter filter;
  filter.org_ids = {plan.org_id};
  filter.from = sdk::Date{plan.year, 1, 1};
  filter.to = sdk::Date{plan.year, 12, 31};
  filter.newest_first = false;
  return matchDrillPlan(plan, store::DrillRepository(db_.session()).list(filter), as_of);
}

}  // namespace beacon::service
