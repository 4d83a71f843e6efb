#include "service/plan_service.h"

#include <algorithm>

#include <Poco/Exception.h>

#include "service/plan_category_catalog.h"
#include "service/plan_lifecycle.h"
#include "service/record_checks.h"
#include "service/record_step_row.h"
#include "service/service_transaction.h"
#include "service/text_diff.h"
#include "service/text_limits.h"
#include "store/corrective_action.h"
#include "store/corrective_action_repository.h"
#include "store/drill_repository.h"
#include "store/filing_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/review_repository.h"
#include "store/revision_triggers.h"
#include "store/storage_error.h"
#include "store/transaction.h"

namespace beacon::service {

namespace {

// A refusal naming `field`: the official zh-CN wording, or the English one when `english`.
sdk::Status invalidIn(bool english, const std::string& field, const std::string& zh, const std::string& en) {
  return sdk::Status::invalid(field, english ? en : zh);
}

// The plan a call is about does not exist (a plan a record refers to is a refused field instead).
sdk::Status noPlan(bool english, sdk::RecordId id) {
  return sdk::Status::notFound("plan_id", english ? "no plan with id " + std::to_string(id)
                                                  : "没有编号为 " + std::to_string(id) + " 的预案");
}

// The version `version_id` names, or the plan's current one when it is 0.
sdk::Result<sdk::PlanVersion> resolveVersion(store::PlanRepository& plans, const sdk::Plan& plan,
                                             sdk::RecordId version_id, bool english) {
  if (version_id == 0) {
    if (plan.current_version == 0) {
      return invalidIn(english, "plan_version_id", "预案 " + plan.code + " 尚无版本",
                       "plan " + plan.code + " has no version yet");
    }
    auto v = plans.version(plan.id, plan.current_version);
    if (!v) {
      return invalidIn(english, "plan_version_id", "预案 " + plan.code + " 没有现行版本",
                       "plan " + plan.code + " has no current version");
    }
    return *v;
  }
  auto v = plans.versionById(version_id);
  if (!v || v->plan_id != plan.id) {
    return invalidIn(english, "plan_version_id",
                     "版本 " + std::to_string(version_id) + " 不是预案 " + plan.code + " 的版本",
                     "version " + std::to_string(version_id) + " is not a version of plan " + plan.code);
  }
  return *v;
}

}  // namespace

sdk::Status PlanService::validatePlan(const sdk::Plan& plan) {
  if (!isValidCode(plan.code)) {
    return invalidIn(english_, "code", "应为 1 至 64 个字符（字母、数字及 . _ -），实际为“" + plan.code + "”",
                     "must be 1-64 characters of A-Z a-z 0-9 . _ -, got \"" + plan.code + "\"");
  }
  if (plan.title.empty()) return invalidIn(english_, "title", "为必填项", "is required");
  if (sdk::Status s = checkText("plan", "title", plan.title); !s.isOk()) return s;
  if (plan.domain != sdk::kGeneralDomain && !registry_.byDomain(plan.domain)) {
    return invalidIn(english_, "domain", "“" + plan.domain + "”既不是通用领域，也不是已启用插件的领域",
                     "\"" + plan.domain + "\" is neither general nor an enabled plugin's domain");
  }
  const auto allowed = allowedCategories(registry_, plan.domain);
  const bool category_ok = std::any_of(allowed.begin(), allowed.end(),
                                       [&](const sdk::PlanCategory& c) { return c.id == plan.category; });
  if (!category_ok) {
    std::string list;
    for (const auto& c : allowed) list += (list.empty() ? "" : ", ") + c.id;
    return invalidIn(english_, "category",
                     "“" + plan.category + "”不是领域 " + plan.domain + " 的预案类别（可选：" + list + "）",
                     "\"" + plan.category + "\" is not a category of domain " + plan.domain +
                         " (allowed: " + list + ")");
  }
  store::OrganisationRepository orgs(db_.session());
  if (plan.owner_org_id == 0 || !orgs.findById(plan.owner_org_id)) {
    return invalidIn(english_, "owner_org_id", "没有编号为 " + std::to_string(plan.owner_org_id) + " 的单位",
                     "no organisation with id " + std::to_string(plan.owner_org_id));
  }
  store::PlanRepository plans(db_.session());
  if (plan.id == 0 && plans.findByCode(plan.code)) {
    return invalidIn(english_, "code", "“" + plan.code + "”已被其他预案使用",
                     "\"" + plan.code + "\" is already used by another plan");
  }
  return sdk::Status::ok();
}

sdk::Status PlanService::validateVersion(const sdk::PlanVersion& v, bool first) {
  if (sdk::Status s = checkText("plan_version", "text", v.text); !s.isOk()) return s;
  if (sdk::Status s = checkText("plan_version", "author", v.author); !s.isOk()) return s;
  if (v.action == sdk::VersionAction::Revised || !first) {
    if (!store::isRevisionTrigger(v.trigger)) {
      return invalidIn(english_, "trigger", "“" + v.trigger + "”不是规定的修订情形",
                       "\"" + v.trigger + "\" is not a revision trigger");
    }
  } else if (!v.trigger.empty() && !store::isRevisionTrigger(v.trigger)) {
    return invalidIn(english_, "trigger", "“" + v.trigger + "”不是规定的修订情形",
                     "\"" + v.trigger + "\" is not a revision trigger");
  }
  if (v.issued.isSet() && !isValidDate(v.issued)) {
    return invalidIn(english_, "issued", "不是有效日期：" + v.issued.toString(),
                     "is not a real date: " + v.issued.toString());
  }
  if (v.issued.isSet() && v.issued > today().addDays(1)) {
    return invalidIn(english_, "issued", "不能晚于今天：" + v.issued.toString(),
                     "is in the future: " + v.issued.toString());
  }
  if (v.effective.isSet()) {
    if (!isValidDate(v.effective)) {
      return invalidIn(english_, "effective", "不是有效日期：" + v.effective.toString(),
                       "is not a real date: " + v.effective.toString());
    }
    if (!v.issued.isSet()) return invalidIn(english_, "effective", "需同时填写印发日期", "needs an issued date");
    if (v.effective < v.issued) {
      return invalidIn(english_, "effective", "不能早于印发日期", "is before the issued date");
    }
  }
  return sdk::Status::ok();
}

sdk::Result<sdk::RecordId> PlanService::addPlan(sdk::Plan plan, std::optional<sdk::PlanVersion> first,
                                                const store::Actor& actor) {
  plan.id = 0;
  plan.current_version = 0;
  return transact(db_, {"预案 " + plan.code, "plan " + plan.code}, english_, [&]() -> sdk::Result<sdk::RecordId> {
    sdk::Status s = validatePlan(plan);
    if (!s.isOk()) return s;
    if (first) {
      s = validateVersion(*first, true);
      // A plan recorded at a revision (e.g. from CSV) has no draft choice: the revision is issued.
      if (s.isOk() && first->action == sdk::VersionAction::Revised && !first->issued.isSet()) {
        s = invalidIn(english_, "issued", "修订版本为必填项，格式为 YYYY-MM-DD",
                      "is required for a revision (YYYY-MM-DD)");
      }
      if (s.isOk() && first->action == sdk::VersionAction::Revised && first->text.empty()) {
        s = invalidIn(english_, "text", "修订版本为必填项", "is required for a revision");
      }
      if (!s.isOk()) return sdk::Status::invalid("version." + s.field(), s.message());
    }
    store::PlanRepository plans(db_.session());
    const sdk::RecordId id = plans.add(plan, actor);
    if (first) {
      first->plan_id = id;
      plans.addVersion(*first, actor);
      if (first->issued.isSet()) {
        // Recorded as issued already: the life cycle starts at 印发 on its issue day.
        PlanLifecycle lifecycle(db_, english_);
        StepRecord row;
        row.date = first->issued;
        row.note = english_ ? "recorded as issued" : "录入时已印发";
        lifecycle.record(lifecycle.state(id), LifecycleStep::Issue, first->id, sdk::PlanStatus::Drafting,
                         sdk::PlanStatus::Issued, row, actor);
      }
    }
    return id;
  });
}

sdk::Status PlanService::validateRevision(const sdk::Plan& plan, const sdk::PlanVersion& version,
                                          const RevisionOptions& options) {
  PlanLifecycle lifecycle(db_, english_);
  if (sdk::Status s = lifecycle.checkRevision(loadLifecycleState(db_.session(), plan)); !s.isOk()) return s;
  if (options.addresses_action_id != 0) {
    auto action = store::CorrectiveActionRepository(db_.session()).findById(options.addresses_action_id);
    if (!action || action->plan_id != plan.id || !action->plan_defect) {
      return sdk::Status::invalid("addresses", (english_ ? "no plan-defect corrective action #" : "没有本预案的预案缺陷整改措施 #") +
                                                   std::to_string(options.addresses_action_id) +
                                                   (english_ ? " of plan " + plan.code : std::string()));
    }
  }
  if (version.trigger.empty()) {
    return invalidIn(english_, "trigger", "为必填项（修订情形）", "is required (the reason for the revision)");
  }
  if (!store::isRevisionTrigger(version.trigger)) {
    return invalidIn(english_, "trigger", "“" + version.trigger + "”不是规定的修订情形",
                     "\"" + version.trigger + "\" is not a revision trigger");
  }
  if (options.draft && version.issued.isSet()) {
    return invalidIn(english_, "issued", "修订稿没有印发日期（请留空，或不保存为修订稿）",
                     "a draft revision has no issue date (leave it empty, or do not choose draft)");
  }
  if (!options.draft && !version.issued.isSet()) {
    return invalidIn(english_, "issued", "为必填项，格式为 YYYY-MM-DD；或保存为修订稿",
                     "is required (YYYY-MM-DD), or choose to store the revision as a draft");
  }
  if (version.text.empty() && !options.has_document) {
    return invalidIn(english_, "text", "为必填项（修订后的文本或文件）",
                     "is required (the revised text, or a document file)");
  }
  sdk::Status s = validateVersion(version, false);
  if (!s.isOk()) return s;
  store::PlanRepository plans(db_.session());
  if (plan.current_version > 0 && version.issued.isSet()) {
    auto current = plans.version(plan.id, plan.current_version);
    if (current && current->issued.isSet() && version.issued < current->issued) {
      return invalidIn(english_, "issued",
                       "早于第" + std::to_string(current->number) + "版的印发日期 " + current->issued.toString(),
                       "is before version " + std::to_string(current->number) + "'s issue date " +
                           current->issued.toString());
    }
  }
  return sdk::Status::ok();
}

sdk::Status PlanService::checkRevision(sdk::RecordId plan_id, const sdk::PlanVersion& version,
                                       const RevisionOptions& options) {
  try {
    auto plan = store::PlanRepository(db_.session()).findById(plan_id);
    if (!plan) return noPlan(english_, plan_id);
    sdk::PlanVersion v = version;
    v.action = sdk::VersionAction::Revised;
    return validateRevision(*plan, v, options);
  } catch (const Poco::Exception& e) {
    return store::failureStatus(
        e, (english_ ? "could not read plan: " : "无法读取预案：") + e.displayText());
  }
}

sdk::Result<sdk::RecordId> PlanService::revise(sdk::RecordId plan_id, sdk::PlanVersion version,
                                               const store::Actor& actor, const RevisionOptions& options) {
  return transact(db_, {"修订", "the revision"}, english_, [&]() -> sdk::Result<sdk::RecordId> {
    store::PlanRepository plans(db_.session());
    auto plan = plans.findById(plan_id);
    if (!plan) return noPlan(english_, plan_id);
    version.plan_id = plan_id;
    version.action = sdk::VersionAction::Revised;
    sdk::Status s = validateRevision(*plan, version, options);
    if (!s.isOk()) return s;
    PlanLifecycle lifecycle(db_, english_);
    const sdk::PlanStatus from = loadLifecycleState(db_.session(), *plan).shown();
    const sdk::RecordId id = plans.addVersion(version, actor);
    if (options.addresses_action_id != 0) plans.setAddressedAction(id, options.addresses_action_id, actor);
    StepRecord row;
    row.date = version.issued.isSet() ? version.issued : today();
    row.note = version.trigger + (version.major ? "" : english_ ? " (minor)" : "（一般修订）");
    if (options.addresses_action_id != 0) {
      row.document = (english_ ? "answers corrective action #" : "整改措施 #") + std::to_string(options.addresses_action_id);
    }
    lifecycle.record(lifecycle.state(plan_id), LifecycleStep::Revise, id, from,
                     version.issued.isSet() ? sdk::PlanStatus::Issued : sdk::PlanStatus::Drafting, row, actor);
    // An issued major revision answers every finding before it (addVersion cleared the flag); a minor one
    // only the corrective action it names.
    if (version.issued.isSet() && !version.major) restoreRevisionFlag(db_.session(), plan_id, actor);
    return id;
  });
}

sdk::Result<sdk::RecordId> PlanService::addReview(sdk::Review review, const store::Actor& actor) {
  return transact(db_, {"评审/评估记录", "the review"}, english_, [&]() -> sdk::Result<sdk::RecordId> {
    store::PlanRepository plans(db_.session());
    auto plan = plans.findById(review.plan_id);
    if (!plan) return noPlan(english_, review.plan_id);
    PlanLifecycle lifecycle(db_, english_);
    const LifecycleState state = loadLifecycleState(db_.session(), *plan);
    // A 评审 without a version is of the draft under review; an evaluation of the version in force.
    sdk::RecordId version_id = review.plan_version_id;
    if (version_id == 0 && review.kind == sdk::ReviewKind::Review && state.draft.id != 0) version_id = state.draft.id;
    if (version_id == 0 && review.kind == sdk::ReviewKind::Evaluation && review.date.isSet()) {
      for (const auto& v : plans.versions(plan->id, false)) {  // the version in force on the evaluation's day
        if (v.issued.isSet() && v.issued <= review.date) version_id = v.id;
      }
    }
    auto version = resolveVersion(plans, *plan, version_id, english_);
    if (!version.isOk()) return version.status();
    review.plan_version_id = version.value().id;
    if (sdk::Status s = checkText("review", "reviewers", review.reviewers); !s.isOk()) return s;
    if (sdk::Status s = checkText("review", "findings", review.findings); !s.isOk()) return s;
    if (!isValidDate(review.date)) {
      return invalidIn(english_, "date", "为必填项，格式为 YYYY-MM-DD", "is required (YYYY-MM-DD)");
    }
    if (review.date > today().addDays(1)) {
      return invalidIn(english_, "date", "不能晚于今天：" + review.date.toString(),
                       "is in the future: " + review.date.toString());
    }
    if (sdk::Status s = lifecycle.checkReview(state, review, version.value()); !s.isOk()) return s;
    store::ReviewRepository reviews(db_.session());
    const sdk::RecordId id = reviews.add(review, actor);
    // A 评审 of an issued version (dated before its issue) is history only: it moves no step.
    if (review.kind == sdk::ReviewKind::Evaluation || !version.value().issued.isSet()) {
      const StepRow row = reviewStepRow(review, english_);
      lifecycle.record(state, row.step, row.version_id, row.from, row.to, row.record, actor);
    }
    if (review.kind == sdk::ReviewKind::Evaluation && review.conclusion == sdk::ReviewConclusion::Revise) {
      std::string reason = "评估结论：需修订（" + review.date.toString() + " 评估）";
      if (!review.findings.empty()) reason += ": " + review.findings;
      plans.setRevisionRequired(plan->id, true, reason, actor);
    }
    return id;
  });
}

sdk::Result<sdk::RecordId> PlanService::addFiling(sdk::Filing filing, const store::Actor& actor) {
  return transact(db_, {"备案记录", "the filing"}, english_, [&]() -> sdk::Result<sdk::RecordId> {
    store::PlanRepository plans(db_.session());
    auto plan = plans.findById(filing.plan_id);
    if (!plan) return noPlan(english_, filing.plan_id);
    auto version = resolveVersion(plans, *plan, filing.plan_version_id, english_);
    if (!version.isOk()) return version.status();
    filing.plan_version_id = version.value().id;
    if (filing.target_body.empty()) return invalidIn(english_, "target_body", "为必填项", "is required");
    if (sdk::Status s = checkText("filing", "target_body", filing.target_body); !s.isOk()) return s;
    if (sdk::Status s = checkText("filing", "registration_no", filing.registration_no); !s.isOk())
      return s;
    if (!isValidDate(filing.submitted)) {
      return invalidIn(english_, "submitted", "为必填项，格式为 YYYY-MM-DD", "is required (YYYY-MM-DD)");
    }
    const sdk::Date issued = version.value().issued;
    PlanLifecycle lifecycle(db_, english_);
    const LifecycleState state = loadLifecycleState(db_.session(), *plan);
    if (sdk::Status s = lifecycle.checkFiling(state, version.value()); !s.isOk()) return s;
    if (filing.submitted < issued) {
      return invalidIn(english_, "submitted", "早于该版本的印发日期 " + issued.toString(),
                       "is before the version's issue date " + issued.toString());
    }
    if (filing.submitted > today().addDays(1)) {
      return invalidIn(english_, "submitted", "不能晚于今天：" + filing.submitted.toString(),
                       "is in the future: " + filing.submitted.toString());
    }
    if (filing.published.isSet()) {
      if (!isValidDate(filing.published)) {
        return invalidIn(english_, "published", "不是有效日期", "is not a real date");
      }
      if (filing.published < issued) {
        return invalidIn(english_, "published", "早于该版本的印发日期 " + issued.toString(),
                         "is before the version's issue date " + issued.toString());
      }
    }
    store::FilingRepository filings(db_.session());
    if (!filing.registration_no.empty()) {
      for (const auto& other : filings.listForPlan(plan->id)) {
        if (other.plan_version_id == filing.plan_version_id && other.registration_no == filing.registration_no) {
          const std::string number = std::to_string(version.value().number);
          return invalidIn(english_, "registration_no",
                           "预案 " + plan->code + " 第" + number + "版已以备案编号 " + filing.registration_no + " 备案",
                           "version " + number + " of plan " + plan->code + " is already filed under " +
                               filing.registration_no);
        }
      }
    }
    const sdk::RecordId id = filings.add(filing, actor);
    const StepRow row = filingStepRow(filing);
    lifecycle.record(state, row.step, row.version_id, row.from, row.to, row.record, actor);
    return id;
  });
}

sdk::Result<sdk::RecordId> PlanService::addCorrectiveAction(store::CorrectiveAction action,
                                                            const store::Actor& actor) {
  return transact(db_, {"整改措施", "the corrective action"}, english_, [&]() -> sdk::Result<sdk::RecordId> {
    if (action.description.empty()) return invalidIn(english_, "description", "为必填项", "is required");
    if (sdk::Status s = checkText("corrective_action", "description", action.description);
        !s.isOk())
      return s;
    store::OrganisationRepository orgs(db_.session());
    if (action.responsible_org_id == 0 || !orgs.findById(action.responsible_org_id)) {
      return invalidIn(english_, "responsible_org_id",
                       "没有编号为 " + std::to_string(action.responsible_org_id) + " 的单位",
                       "no organisation with id " + std::to_string(action.responsible_org_id));
    }
    if (action.source_id != 0) {
      bool found = false;
      if (action.source_kind == store::SourceKind::Drill) {
        found = store::DrillRepository(db_.session()).findById(action.source_id).has_value();
      } else {
        found = store::ReviewRepository(db_.session()).findById(action.source_id).has_value();
      }
      if (!found) {
        const bool drill = action.source_kind == store::SourceKind::Drill;
        return invalidIn(english_, "source_id",
                         "没有编号为 " + std::to_string(action.source_id) +
                             (drill ? " 的演练" : " 的评审（评估）记录"),
                         std::string("no ") + store::toId(action.source_kind) + " with id " +
                             std::to_string(action.source_id));
      }
    }
    store::PlanRepository plans(db_.session());
    std::optional<sdk::Plan> plan;
    if (action.plan_id != 0) {
      plan = plans.findById(action.plan_id);
      if (!plan) {
        return invalidIn(english_, "plan_id",
                         "没有编号为 " + std::to_string(action.plan_id) + " 的预案",
                         "no plan with id " + std::to_string(action.plan_id));
      }
    } else if (action.plan_defect) {
      return invalidIn(english_, "plan_id", "预案缺陷的整改措施须指明预案",
                       "is required when the action is a plan defect");
    }
    if (action.due.isSet() && !isValidDate(action.due)) {
      return invalidIn(english_, "due", "不是有效日期：" + action.due.toString(),
                       "is not a real date: " + action.due.toString());
    }
    store::CorrectiveActionRepository actions(db_.session());
    const sdk::RecordId id = actions.add(action, actor);
    if (action.plan_defect) {
      plans.setRevisionRequired(plan->id, true, "整改发现预案缺陷：" + action.description, actor);
    }
    return id;
  });
}

sdk::Result<TextDiff> PlanService::diff(sdk::RecordId plan_id, int from_number, int to_number) {
  try {
    store::PlanRepository plans(db_.session());
    auto plan = plans.findById(plan_id);
    if (!plan) return noPlan(english_, plan_id);
    auto from = plans.version(plan_id, from_number);
    if (!from) {
      return invalidIn(english_, "from", "预案 " + plan->code + " 没有第" + std::to_string(from_number) + "版",
                       "plan " + plan->code + " has no version " + std::to_string(from_number));
    }
    auto to = plans.version(plan_id, to_number);
    if (!to) {
      return invalidIn(english_, "to", "预案 " + plan->code + " 没有第" + std::to_string(to_number) + "版",
                       "plan " + plan->code + " has no version " + std::to_string(to_number));
    }
    return diffTexts(from->text, to->text, plan->code + " v" + std::to_string(from_number),
                    plan->code + " v" + std::to_string(to_number));
  } catch (const Poco::Exception& e) {
    store::throwIfStorageFailure(e, "could not read plan versions");
    return store::failureStatus(
        e, (english_ ? "could not read plan versions: " : "无法读取预案版本：") + e.displayText());
  }
}

}  // namespace beacon::service
