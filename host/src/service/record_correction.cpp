#include "service/record_correction.h"

#include <type_traits>

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include "service/drill_evaluation_service.h"
#include "service/drill_plan_service.h"
#include "service/drill_validator.h"
#include "service/plan_record_validation.h"
#include "service/plan_step_correction.h"
#include "service/record_step_row.h"
#include "service/storage_message.h"
#include "store/corrective_action.h"
#include "store/corrective_action_repository.h"
#include "store/drill_evaluation_repository.h"
#include "store/drill_plan_item_repository.h"
#include "store/drill_plan_repository.h"
#include "store/drill_repository.h"
#include "store/filing_repository.h"
#include "store/lifecycle_record_json.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/plan_transition_repository.h"
#include "store/record_json.h"
#include "store/record_parse.h"
#include "store/review_repository.h"
#include "store/storage_error.h"
#include "store/transaction.h"

namespace beacon::service {

namespace {

constexpr std::size_t kMaxReasonBytes = 2000;

CorrectionOutcome fail(CorrectionFailure failure, sdk::Status status) {
  return {failure, std::move(status)};
}

CorrectionOutcome invalid(const std::string& field, const std::string& message) {
  return fail(CorrectionFailure::Invalid, sdk::Status::invalid(field, message));
}

// The record's owning organisation and its JSON; nullopt when it does not exist.
struct Loaded {
  sdk::RecordId org_id = 0;
  Poco::JSON::Object::Ptr json;
};

sdk::RecordId planOwner(Poco::Data::Session& session, sdk::RecordId plan_id) {
  auto plan = store::PlanRepository(session).findById(plan_id);
  return plan ? plan->owner_org_id : 0;
}

sdk::RecordId drillOwner(Poco::Data::Session& session, sdk::RecordId drill_id) {
  auto drill = store::DrillRepository(session).findById(drill_id);
  return drill ? drill->org_id : 0;
}

sdk::RecordId drillPlanOwner(Poco::Data::Session& session, sdk::RecordId drill_plan_id) {
  auto plan = store::DrillPlanRepository(session).findById(drill_plan_id);
  return plan ? plan->org_id : 0;
}

std::optional<Loaded> load(Poco::Data::Session& session, store::RecordKind kind, sdk::RecordId id) {
  switch (kind) {
    case store::RecordKind::Drill:
      if (auto d = store::DrillRepository(session).findById(id))
        return Loaded{d->org_id, store::toJson(*d)};
      break;
    case store::RecordKind::Review:
      if (auto r = store::ReviewRepository(session).findById(id))
        return Loaded{planOwner(session, r->plan_id), store::toJson(*r)};
      break;
    case store::RecordKind::Filing:
      if (auto f = store::FilingRepository(session).findById(id))
        return Loaded{planOwner(session, f->plan_id), store::toJson(*f)};
      break;
    case store::RecordKind::CorrectiveAction:
      if (auto a = store::CorrectiveActionRepository(session).findById(id))
        return Loaded{a->responsible_org_id, store::toJson(*a)};
      break;
    case store::RecordKind::DrillEvaluation:
      if (auto e = store::DrillEvaluationRepository(session).findById(id))
        return Loaded{drillOwner(session, e->drill_id), store::toJson(*e)};
      break;
    case store::RecordKind::DrillPlan:
      if (auto p = store::DrillPlanRepository(session).findById(id))
        return Loaded{p->org_id, store::toJson(*p)};
      break;
    case store::RecordKind::DrillPlanItem:
      if (auto i = store::DrillPlanItemRepository(session).findById(id))
        return Loaded{drillPlanOwner(session, i->drill_plan_id), store::toJson(*i)};
      break;
    case store::RecordKind::PlanTransition:
      if (auto t = store::PlanTransitionRepository(session).findById(id))
        return Loaded{planOwner(session, t->plan_id), store::toJson(*t)};
      break;
  }
  return std::nullopt;
}

std::optional<Poco::Int64> parseId(const std::string& text) {
  Poco::Int64 v = 0;
  if (text.empty()) return 0;
  if (!Poco::NumberParser::tryParse64(Poco::trim(text), v) || v < 0) return std::nullopt;
  return v;
}

std::optional<sdk::Date> parseDate(const std::string& text, bool allow_empty) {
  if (text.empty() && allow_empty) return sdk::Date{};
  return sdk::Date::parse(Poco::trim(text));
}

}  // namespace

sdk::Status RecordCorrection::checkReason(const std::string& reason) const {
  if (Poco::trim(reason).empty()) {
    return sdk::Status::invalid("reason",
                                english_ ? "is required: say why the record is corrected or voided"
                                         : "必填：请说明更正或作废的原因");
  }
  if (reason.size() > kMaxReasonBytes) {
    return sdk::Status::invalid("reason",
                                english_ ? "is longer than 2000 bytes" : "不得超过 2000 字节");
  }
  return sdk::Status::ok();
}

CorrectionOutcome RecordCorrection::authorise(store::RecordKind kind, sdk::RecordId id,
                                              sdk::RecordId org_id, const Corrector& who) {
  store::RecordVoids voids(db_.session());
  const auto mark = voids.mark(kind, id);
  if (!mark)
    return fail(CorrectionFailure::NotFound,
                sdk::Status::notFound("no " + std::string(store::entityOf(kind)) + " " +
                                      std::to_string(id)));
  if (mark->voided()) {
    return fail(CorrectionFailure::Voided,
                sdk::Status::conflict(
                    english_ ? "the record was voided on " + mark->at.substr(0, 10) +
                                   " and can no longer be changed"
                             : "本记录已于 " + mark->at.substr(0, 10) + " 作废，不能再更正或作废"));
  }
  if (!who.user) return {};
  const store::RecordOrigin origin = voids.origin(kind, id);
  auth::CorrectableRecord record;
  record.org_id = org_id;
  record.recorded_by = origin.recorded_by;
  record.recorded_on = sdk::Date::parse(origin.recorded_at.substr(0, 10)).value_or(sdk::Date{});
  store::OrganisationRepository orgs(db_.session());
  auth::CorrectionPolicy policy(orgs, correction_days_, today_);
  const auth::CorrectionVerdict verdict = policy.decide(*who.user, record);
  if (verdict != auth::CorrectionVerdict::Allowed) {
    return fail(CorrectionFailure::Forbidden,
                sdk::Status::permissionDenied(policy.refusal(verdict, english_)));
  }
  return {};
}

CorrectionOutcome RecordCorrection::mayChange(store::RecordKind kind, sdk::RecordId id,
                                              const Corrector& who) {
  try {
    auto loaded = load(db_.session(), kind, id);
    if (!loaded) return fail(CorrectionFailure::NotFound, sdk::Status::notFound("no such record"));
    return authorise(kind, id, loaded->org_id, who);
  } catch (const Poco::Exception& e) {
    return fail(CorrectionFailure::Storage,
                store::failureStatus(e, withDetail(couldNotRead({"记录", "the record"}, english_),
                                                   e.displayText(), english_)));
  }
}

CorrectionOutcome RecordCorrection::correctDrill(sdk::RecordId id, const FieldChanges& changes,
                                                 const std::string& reason, const Corrector& who) {
  if (auto s = checkReason(reason); !s.isOk()) return fail(CorrectionFailure::Invalid, s);
  if (changes.empty()) {
    return invalid("changes",
                   english_ ? "name at least one field to correct" : "请至少填写一项需更正的内容");
  }
  try {
    store::Transaction tx(db_.session());
    store::DrillRepository drills(db_.session());
    const auto before = drills.findById(id);
    if (!before)
      return fail(CorrectionFailure::NotFound,
                  sdk::Status::notFound("no drill " + std::to_string(id)));
    if (auto allowed = authorise(store::RecordKind::Drill, id, before->org_id, who); !allowed.ok())
      return allowed;
    sdk::Drill after = *before;
    const std::string number = english_ ? "must be a whole number" : "应为整数";
    for (const auto& [name, value] : changes) {
      if (name == "drill_type") {
        after.drill_type = value;
        const auto dot = value.find('.');
        after.domain = dot == std::string::npos ? value : value.substr(0, dot);
      } else if (name == "domain") {
        after.domain = value;
      } else if (name == "org_id") {
        const auto v = parseId(value);
        if (!v) return invalid(name, english_ ? "must be chosen from the list" : "请从列表中选择");
        after.org_id = *v;
      } else if (name == "org") {
        const auto org = store::OrganisationRepository(db_.session()).findByCode(value);
        if (!org) {
          return invalid(name, english_ ? "no organisation with code \"" + value + "\""
                                        : "没有编码为“" + value + "”的单位");
        }
        after.org_id = org->id;
      } else if (name == "plan_id" || name == "plan") {
        sdk::RecordId plan_id = 0;
        if (name == "plan_id") {
          const auto v = parseId(value);
          if (!v)
            return invalid(name, english_ ? "must be chosen from the list" : "请从列表中选择");
          plan_id = *v;
        } else if (!value.empty()) {
          const auto plan = store::PlanRepository(db_.session()).findByCode(value);
          if (!plan) return invalid(name, "no plan with code \"" + value + "\"");
          plan_id = plan->id;
        }
        if (plan_id != after.plan_id && !changes.count("plan_version_id"))
          after.plan_version_id = 0;
        after.plan_id = plan_id;
      } else if (name == "plan_version_id") {
        const auto v = parseId(value);
        if (!v) return invalid(name, english_ ? "must be chosen from the list" : "请从列表中选择");
        after.plan_version_id = *v;
      } else if (name == "date") {
        const auto d = sdk::Date::parse(value);
        if (!d)
          return invalid(name, english_ ? "is not a date (YYYY-MM-DD)" : "日期格式应为 YYYY-MM-DD");
        after.date = *d;
      } else if (name == "place") {
        after.place = value;
      } else if (name == "scenario") {
        after.scenario = value;
      } else if (name == "findings") {
        after.findings = value;
      } else if (name == "participants" || name == "evacuees") {
        int n = 0;
        if (!Poco::NumberParser::tryParse(Poco::trim(value), n)) return invalid(name, number);
        (name == "participants" ? after.participants : after.evacuees) = n;
      } else if (name == "verdict") {
        const auto v = store::parseDrillVerdict(value);
        if (!v)
          return invalid(name, english_ ? "must be none, excellent, good, fair or poor"
                                        : "应为 优、良、中 或 差");
        after.verdict = *v;
      } else if (name.rfind("fields.", 0) == 0 && name.size() > 7) {
        if (value.empty()) {
          after.fields.erase(name.substr(7));
        } else {
          after.fields[name.substr(7)] = value;
        }
      } else {
        return invalid(name, english_ ? "is not a field of a drill that can be corrected"
                                      : "不是可更正的演练字段");
      }
    }
    if (after.org_id != before->org_id) {
      if (!store::OrganisationRepository(db_.session()).findById(after.org_id)) {
        return invalid("org_id", english_
                                     ? "no organisation with id " + std::to_string(after.org_id)
                                     : "没有编号为 " + std::to_string(after.org_id) + " 的单位");
      }
      // Moving a drill needs the same right over its new organisation.
      auto moved = authorise(store::RecordKind::Drill, id, after.org_id, who);
      if (!moved.ok()) return moved;
    }
    DrillValidator validator(db_, registry_);
    if (auto s = validator.prepare(after); !s.isOk()) return fail(CorrectionFailure::Invalid, s);
    if (store::stringify(store::toJson(after)) == store::stringify(store::toJson(*before))) {
      return invalid("changes", english_ ? "every field already has that value; nothing to correct"
                                         : "所填内容与现有记录相同，无需更正");
    }
    drills.correct(*before, after, who.actor, Poco::trim(reason));
    tx.commit();
    return {};
  } catch (const Poco::Exception& e) {
    return fail(
        CorrectionFailure::Storage,
        store::failureStatus(e, withDetail(couldNotStore({"更正", "the correction"}, english_),
                                           e.displayText(), english_)));
  }
}

template <typename Repository, typename Apply, typename Validate, typename Owner, typename Stored>
CorrectionOutcome RecordCorrection::correctRecord(store::RecordKind kind, sdk::RecordId id,
                                                  const FieldChanges& changes,
                                                  const std::string& reason, const Corrector& who,
                                                  Owner owner, Apply apply, Validate validate,
                                                  Stored stored) {
  if (auto s = checkReason(reason); !s.isOk()) return fail(CorrectionFailure::Invalid, s);
  if (changes.empty()) {
    return invalid("changes",
                   english_ ? "name at least one field to correct" : "请至少填写一项需更正的内容");
  }
  try {
    store::Transaction tx(db_.session());
    Repository repo(db_.session());
    const auto before = repo.findById(id);
    if (!before) {
      return fail(CorrectionFailure::NotFound,
                  sdk::Status::notFound("no " + std::string(store::entityOf(kind)) + " " +
                                        std::to_string(id)));
    }
    if (auto allowed = authorise(kind, id, owner(*before), who); !allowed.ok()) return allowed;
    auto after = *before;
    for (const auto& [name, value] : changes) {
      sdk::Status s = apply(after, name, value);
      if (!s.isOk()) return fail(CorrectionFailure::Invalid, s);
    }
    if (owner(after) != owner(*before)) {
      auto moved = authorise(kind, id, owner(after), who);
      if (!moved.ok()) return moved;
    }
    if (auto s = validate(after); !s.isOk()) return fail(CorrectionFailure::Invalid, s);
    if (store::stringify(store::toJson(after)) == store::stringify(store::toJson(*before))) {
      return invalid("changes", english_ ? "every field already has that value; nothing to correct"
                                         : "所填内容与现有记录相同，无需更正");
    }
    repo.correct(*before, after, who.actor, Poco::trim(reason));
    if constexpr (!std::is_same_v<Stored, std::nullptr_t>) {
      if (sdk::Status s = stored(*before, after); !s.isOk()) return fail(CorrectionFailure::Invalid, s);
    }
    tx.commit();
    return {};
  } catch (const Poco::Exception& e) {
    return fail(
        CorrectionFailure::Storage,
        store::failureStatus(e, withDetail(couldNotStore({"更正", "the correction"}, english_),
                                           e.displayText(), english_)));
  }
}

CorrectionOutcome RecordCorrection::correctReview(sdk::RecordId id, const FieldChanges& changes,
                                                  const std::string& reason, const Corrector& who) {
  auto& db = db_;
  const bool en = english_;
  return correctRecord<store::ReviewRepository>(
      store::RecordKind::Review, id, changes, reason, who,
      [&](const sdk::Review& r) { return planOwner(db.session(), r.plan_id); },
      [en](sdk::Review& r, const std::string& name, const std::string& value) {
        if (name == "kind") {
          auto k = store::parseReviewKind(value);
          if (!k) return sdk::Status::invalid(name, "must be review or evaluation");
          r.kind = *k;
        } else if (name == "date") {
          auto d = parseDate(value, false);
          if (!d)
            return sdk::Status::invalid(
                name, en ? "is not a date (YYYY-MM-DD)" : "日期格式应为 YYYY-MM-DD");
          r.date = *d;
        } else if (name == "conclusion") {
          auto c = store::parseReviewConclusion(value);
          if (!c) return sdk::Status::invalid(name, "is not a known conclusion");
          r.conclusion = *c;
        } else if (name == "reviewers") {
          r.reviewers = value;
        } else if (name == "findings") {
          r.findings = value;
        } else if (name == "plan_version_id") {
          auto v = parseId(value);
          if (!v) return sdk::Status::invalid(name, "must be a version id");
          r.plan_version_id = *v;
        } else {
          return sdk::Status::invalid(name, en ? "is not a field of a review that can be corrected"
                                               : "不是可更正的评审/评估字段");
        }
        return sdk::Status::ok();
      },
      [&](sdk::Review& r) { return validateReview(db, r); },
      [&](const sdk::Review& before, const sdk::Review& after) {
        // Its life-cycle step follows it, so the plan's history shows the review as corrected.
        PlanStepCorrection steps(db, en);
        const auto step = steps.stepOf(before);
        if (!step) return sdk::Status::ok();
        const char* field = after.kind != before.kind                           ? "kind"
                            : after.plan_version_id != before.plan_version_id ? "plan_version_id"
                                                                              : "conclusion";
        return steps.follow(*step, reviewStepRow(after, en), field, Poco::trim(reason), who.actor);
      });
}

CorrectionOutcome RecordCorrection::correctFiling(sdk::RecordId id, const FieldChanges& changes,
                                                  const std::string& reason, const Corrector& who) {
  auto& db = db_;
  const bool en = english_;
  return correctRecord<store::FilingRepository>(
      store::RecordKind::Filing, id, changes, reason, who,
      [&](const sdk::Filing& f) { return planOwner(db.session(), f.plan_id); },
      [en](sdk::Filing& f, const std::string& name, const std::string& value) {
        if (name == "submitted" || name == "published") {
          auto d = parseDate(value, name == "published");
          if (!d)
            return sdk::Status::invalid(
                name, en ? "is not a date (YYYY-MM-DD)" : "日期格式应为 YYYY-MM-DD");
          (name == "submitted" ? f.submitted : f.published) = *d;
        } else if (name == "target_body") {
          f.target_body = value;
        } else if (name == "registration_no") {
          f.registration_no = value;
        } else if (name == "plan_version_id") {
          auto v = parseId(value);
          if (!v) return sdk::Status::invalid(name, "must be a version id");
          f.plan_version_id = *v;
        } else {
          return sdk::Status::invalid(name, en ? "is not a field of a filing that can be corrected"
                                               : "不是可更正的备案字段");
        }
        return sdk::Status::ok();
      },
      [&](sdk::Filing& f) { return validateFiling(db, f); },
      [&](const sdk::Filing& before, const sdk::Filing& after) {
        PlanStepCorrection steps(db, en);
        const auto step = steps.stepOf(before);
        if (!step) return sdk::Status::ok();
        return steps.follow(*step, filingStepRow(after), "plan_version_id", Poco::trim(reason),
                            who.actor);
      });
}

CorrectionOutcome RecordCorrection::correctCorrectiveAction(sdk::RecordId id,
                                                            const FieldChanges& changes,
                                                            const std::string& reason,
                                                            const Corrector& who) {
  auto& db = db_;
  const bool en = english_;
  return correctRecord<store::CorrectiveActionRepository>(
      store::RecordKind::CorrectiveAction, id, changes, reason, who,
      [](const store::CorrectiveAction& a) { return a.responsible_org_id; },
      [en](store::CorrectiveAction& a, const std::string& name, const std::string& value) {
        if (name == "description") {
          a.description = value;
        } else if (name == "responsible_org_id") {
          auto v = parseId(value);
          if (!v)
            return sdk::Status::invalid(name,
                                        en ? "must be chosen from the list" : "请从列表中选择");
          a.responsible_org_id = *v;
        } else if (name == "due") {
          auto d = parseDate(value, true);
          if (!d)
            return sdk::Status::invalid(
                name, en ? "is not a date (YYYY-MM-DD)" : "日期格式应为 YYYY-MM-DD");
          a.due = *d;
        } else {
          return sdk::Status::invalid(
              name, en ? "is not a field of a corrective action that can be corrected"
                       : "不是可更正的整改措施字段");
        }
        return sdk::Status::ok();
      },
      [&](store::CorrectiveAction& a) { return validateCorrectiveAction(db, a); });
}

CorrectionOutcome RecordCorrection::correctDrillEvaluation(sdk::RecordId id,
                                                           const FieldChanges& changes,
                                                           const std::string& reason,
                                                           const Corrector& who) {
  auto& db = db_;
  const bool en = english_;
  return correctRecord<store::DrillEvaluationRepository>(
      store::RecordKind::DrillEvaluation, id, changes, reason, who,
      [&](const store::DrillEvaluation& e) { return drillOwner(db.session(), e.drill_id); },
      [en](store::DrillEvaluation& e, const std::string& name, const std::string& value) {
        if (name == "verdict") {
          auto v = store::parseDrillVerdict(Poco::trim(value));
          if (!v || *v == sdk::DrillVerdict::None)
            return sdk::Status::invalid(name, en ? "must be excellent, good, fair or poor"
                                                 : "应为 优、良、中 或 差");
          e.verdict = *v;
        } else if (name == "date") {
          auto d = parseDate(value, false);
          if (!d)
            return sdk::Status::invalid(
                name, en ? "is not a date (YYYY-MM-DD)" : "日期格式应为 YYYY-MM-DD");
          e.date = *d;
        } else if (name == "findings") {
          e.findings = value;
        } else if (name == "suggestions") {
          e.suggestions = value;
        } else if (name == "evaluator") {
          e.evaluator = value;
        } else if (name == "document") {
          e.document = value;
        } else {
          return sdk::Status::invalid(
              name, en ? "is not a field of a drill evaluation that can be corrected"
                       : "不是可更正的演练评估报告字段");
        }
        return sdk::Status::ok();
      },
      [&](store::DrillEvaluation& e) { return DrillEvaluationService(db, en).validate(e); });
}

CorrectionOutcome RecordCorrection::correctDrillPlan(sdk::RecordId id, const FieldChanges& changes,
                                                     const std::string& reason,
                                                     const Corrector& who) {
  auto& db = db_;
  const auto& registry = registry_;
  const bool en = english_;
  return correctRecord<store::DrillPlanRepository>(
      store::RecordKind::DrillPlan, id, changes, reason, who,
      [](const store::DrillPlan& p) { return p.org_id; },
      [en](store::DrillPlan& p, const std::string& name, const std::string& value) {
        if (name == "made_on") {
          auto d = parseDate(value, false);
          if (!d)
            return sdk::Status::invalid(
                name, en ? "is not a date (YYYY-MM-DD)" : "日期格式应为 YYYY-MM-DD");
          p.made_on = *d;
        } else if (name == "note") {
          p.note = value;
        } else {
          return sdk::Status::invalid(
              name, en ? "is not a field of a drill plan that can be corrected (made_on, note; "
                         "planned drills are corrected one by one)"
                       : "不是可更正的年度演练计划字段（制定日期、备注；计划演练请逐项更正）");
        }
        return sdk::Status::ok();
      },
      [&](store::DrillPlan& p) { return DrillPlanService(db, registry, en).validatePlan(p); });
}

CorrectionOutcome RecordCorrection::correctDrillPlanItem(sdk::RecordId id,
                                                         const FieldChanges& changes,
                                                         const std::string& reason,
                                                         const Corrector& who) {
  auto& db = db_;
  const auto& registry = registry_;
  const bool en = english_;
  return correctRecord<store::DrillPlanItemRepository>(
      store::RecordKind::DrillPlanItem, id, changes, reason, who,
      [&](const store::DrillPlanItem& i) { return drillPlanOwner(db.session(), i.drill_plan_id); },
      [&db, en, &changes](store::DrillPlanItem& i, const std::string& name, const std::string& value) {
        const std::string pick = en ? "must be chosen from the list" : "请从列表中选择";
        if (name == "drill_type") {
          i.drill_type = Poco::trim(value);
          // The domain follows the type unless it is corrected too.
          if (!changes.count("domain")) i.domain.clear();
        } else if (name == "domain") {
          i.domain = Poco::trim(value);
        } else if (name == "month") {
          int month = 0;
          if (!Poco::NumberParser::tryParse(Poco::trim(value), month))
            return sdk::Status::invalid(name, en ? "must be a month from 1 to 12" : "计划月份应为 1 至 12");
          i.month = month;
        } else if (name == "plan_id") {
          auto v = parseId(value);
          if (!v) return sdk::Status::invalid(name, pick);
          i.plan_id = *v;
        } else if (name == "plan") {
          i.plan_id = 0;
          if (!Poco::trim(value).empty()) {
            const auto plan = store::PlanRepository(db.session()).findByCode(Poco::trim(value));
            if (!plan)
              return sdk::Status::invalid(name, en ? "no plan with code \"" + value + "\""
                                                   : "没有编码为 " + value + " 的预案");
            i.plan_id = plan->id;
          }
        } else if (name == "note") {
          i.note = value;
        } else {
          return sdk::Status::invalid(name, en ? "is not a field of a planned drill that can be corrected"
                                               : "不是可更正的计划演练字段");
        }
        return sdk::Status::ok();
      },
      [&](store::DrillPlanItem& i) {
        return DrillPlanService(db, registry, en)
            .validateItem(drillPlanOwner(db.session(), i.drill_plan_id), i);
      });
}

CorrectionOutcome RecordCorrection::correctPlanStep(sdk::RecordId id, const FieldChanges& changes,
                                                    const std::string& reason,
                                                    const Corrector& who) {
  PlanStepCorrection steps(db_, english_);
  auto& db = db_;
  return correctRecord<store::PlanTransitionRepository>(
      store::RecordKind::PlanTransition, id, changes, reason, who,
      [&](const store::PlanTransition& t) { return planOwner(db.session(), t.plan_id); },
      [&](store::PlanTransition& t, const std::string& name, const std::string& value) {
        if (sdk::Status s = steps.checkCorrectable(t); !s.isOk()) return s;
        return steps.apply(t, name, value);
      },
      [&](store::PlanTransition& t) { return steps.validate(t); });
}

CorrectionOutcome RecordCorrection::correct(store::RecordKind kind, sdk::RecordId id,
                                            const FieldChanges& changes, const std::string& reason,
                                            const Corrector& who) {
  switch (kind) {
    case store::RecordKind::Drill:
      return correctDrill(id, changes, reason, who);
    case store::RecordKind::Review:
      return correctReview(id, changes, reason, who);
    case store::RecordKind::Filing:
      return correctFiling(id, changes, reason, who);
    case store::RecordKind::CorrectiveAction:
      return correctCorrectiveAction(id, changes, reason, who);
    case store::RecordKind::DrillEvaluation:
      return correctDrillEvaluation(id, changes, reason, who);
    case store::RecordKind::DrillPlan:
      return correctDrillPlan(id, changes, reason, who);
    case store::RecordKind::DrillPlanItem:
      return correctDrillPlanItem(id, changes, reason, who);
    case store::RecordKind::PlanTransition:
      return correctPlanStep(id, changes, reason, who);
  }
  return correctDrill(id, changes, reason, who);
}

CorrectionOutcome RecordCorrection::voidRecord(store::RecordKind kind, sdk::RecordId id,
                                               const std::string& reason, const Corrector& who) {
  if (auto s = checkReason(reason); !s.isOk()) return fail(CorrectionFailure::Invalid, s);
  try {
    store::Transaction tx(db_.session());
    auto loaded = load(db_.session(), kind, id);
    if (!loaded) {
      return fail(CorrectionFailure::NotFound,
                  sdk::Status::notFound("no " + std::string(store::entityOf(kind)) + " " +
                                        std::to_string(id)));
    }
    if (auto allowed = authorise(kind, id, loaded->org_id, who); !allowed.ok()) return allowed;
    if (kind == store::RecordKind::DrillPlan) {
      return invalid("id", english_ ? "a drill plan is not voided as a whole: void its planned drills "
                                      "one by one, or correct its made_on or note"
                                    : "年度演练计划不能整体作废：请逐项作废计划演练，或更正制定日期、备注");
    }
    std::optional<store::PlanTransition> step;
    PlanStepCorrection steps(db_, english_);
    if (kind == store::RecordKind::PlanTransition) {
      step = store::PlanTransitionRepository(db_.session()).findById(id);
      if (auto s = steps.checkVoidable(*step); !s.isOk()) return fail(CorrectionFailure::Invalid, s);
    }
    // A review/evaluation or filing takes the life-cycle step it recorded with it.
    if (kind == store::RecordKind::Review) {
      if (auto r = store::ReviewRepository(db_.session()).findById(id)) step = steps.stepOf(*r);
      // A 评审 moved the draft's state: voided, like the other state steps, only as the latest.
      if (step && step->step == toId(LifecycleStep::Review)) {
        if (auto s = steps.checkLatest(*step); !s.isOk()) return fail(CorrectionFailure::Invalid, s);
      }
    } else if (kind == store::RecordKind::Filing) {
      if (auto f = store::FilingRepository(db_.session()).findById(id)) step = steps.stepOf(*f);
    }
    store::RecordVoids voids(db_.session());
    voids.markVoided(kind, id, loaded->json, who.actor, Poco::trim(reason));
    if (step && kind != store::RecordKind::PlanTransition) {
      voids.markVoided(store::RecordKind::PlanTransition, step->id, store::toJson(*step), who.actor,
                       Poco::trim(reason));
    }
    if (step) steps.afterVoid(*step, who.actor);
    tx.commit();
    return {};
  } catch (const Poco::Exception& e) {
    return fail(CorrectionFailure::Storage,
                store::failureStatus(e, withDetail(couldNotStore({"作废", "the void"}, english_),
                                                   e.displayText(), english_)));
  }
}

}  // namespace beacon::service
