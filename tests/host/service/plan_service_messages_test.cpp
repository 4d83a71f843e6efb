// The refusals of the plan life-cycle paths through PlanService (plan add,
// 修订, 评审/评估, 备案, corrective actions, diff) come out in official zh-CN
// wording by default, with no ASCII letters other than the codes and values
// the user gave, and in English when the service is asked for English.
#include <functional>
#include <regex>

#include <gtest/gtest.h>

#include "host/service/service_fixture.h"
#include "service/plan_service.h"
#include "store/corrective_action.h"
#include "store/revision_triggers.h"

namespace beacon::testing {
namespace {

using sdk::Date;

class PlanServiceMessagesTest : public ServiceFixture {
 protected:
  struct Case {
    const char* what;
    std::string field;
    std::vector<std::string> codes;  // the codes and values in the message that may be ASCII
    std::function<sdk::Status(service::PlanService&)> call;
  };
  static sdk::Status of(const sdk::Result<sdk::RecordId>& r) {
    return r.isOk() ? sdk::Status::ok() : r.status();
  }
  static sdk::PlanVersion revision(const std::string& trigger, const std::string& text,
                                   Date issued = {}) {
    sdk::PlanVersion v;
    v.trigger = trigger;
    v.text = text;
    v.issued = issued;
    return v;
  }
  sdk::Review review(sdk::ReviewKind kind, Date date, sdk::RecordId plan = 0) {
    sdk::Review r;
    r.plan_id = plan == 0 ? plan_ : plan;
    r.kind = kind;
    r.conclusion = sdk::ReviewConclusion::Keep;
    r.date = date;
    return r;
  }
  sdk::Filing filing(const std::string& target, Date submitted, const std::string& no = "") {
    sdk::Filing f;
    f.plan_id = plan_;
    f.target_body = target;
    f.submitted = submitted;
    f.registration_no = no;
    return f;
  }
  sdk::Plan townshipPlan(const std::string& code, const std::string& title) const {
    sdk::Plan p;
    p.code = code;
    p.title = title;
    p.domain = "flood";
    p.category = sdk::category::kGrassroots;
    p.owner_org_id = township_;
    return p;
  }
  std::vector<Case> cases() {
    return {
        {"revision without its reason",
         "trigger",
         {},
         [&](service::PlanService& s) {
           return of(s.revise(plan_, revision("", "x"), actor_, {true, false, 0}));
         }},
        {"revision with an unknown reason",
         "trigger",
         {"whim"},
         [&](service::PlanService& s) {
           return of(s.revise(plan_, revision("whim", "x"), actor_, {true, false, 0}));
         }},
        {"draft revision with an issue date",
         "issued",
         {},
         [&](service::PlanService& s) {
           return of(s.revise(plan_, revision(store::trigger::kOwnerDiscretion, "x", {2024, 1, 1}),
                              actor_, {true, false, 0}));
         }},
        {"issued revision without its date",
         "issued",
         {"YYYY-MM-DD"},
         [&](service::PlanService& s) {
           return of(s.revise(plan_, revision(store::trigger::kOwnerDiscretion, "x"), actor_));
         }},
        {"revision without text",
         "text",
         {},
         [&](service::PlanService& s) {
           return of(s.revise(plan_, revision(store::trigger::kOwnerDiscretion, ""), actor_,
                              {true, false, 0}));
         }},
        {"revision issued before the version in force",
         "issued",
         {},
         [&](service::PlanService& s) {
           return of(s.revise(plan_, revision(store::trigger::kOwnerDiscretion, "x", {2023, 1, 1}),
                              actor_));
         }},
        {"evaluation without a date",
         "date",
         {"YYYY-MM-DD"},
         [&](service::PlanService& s) {
           return of(s.addReview(review(sdk::ReviewKind::Evaluation, {}), actor_));
         }},
        {"evaluation in the future",
         "date",
         {},
         [&](service::PlanService& s) {
           return of(s.addReview(review(sdk::ReviewKind::Evaluation, {2099, 1, 1}), actor_));
         }},
        {"review of an unknown plan",
         "plan_id",
         {},
         [&](service::PlanService& s) {
           return of(s.addReview(review(sdk::ReviewKind::Review, {2024, 1, 1}, 999999), actor_));
         }},
        {"filing without its body",
         "target_body",
         {},
         [&](service::PlanService& s) {
           return of(s.addFiling(filing("", {2024, 1, 1}), actor_));
         }},
        {"filing without its date",
         "submitted",
         {"YYYY-MM-DD"},
         [&](service::PlanService& s) {
           return of(s.addFiling(filing("新密市应急管理局", {}), actor_));
         }},
        {"filing before the issue",
         "submitted",
         {},
         [&](service::PlanService& s) {
           return of(s.addFiling(filing("新密市应急管理局", {2023, 1, 1}), actor_));
         }},
        {"filing under a number already used",
         "registration_no",
         {"P-FLOOD-TS1", "备字〔2023〕1号"},
         [&](service::PlanService& s) {
           return of(
               s.addFiling(filing("新密市应急管理局", {2023, 4, 1}, "备字〔2023〕1号"), actor_));
         }},
        {"plan without a title",
         "title",
         {},
         [&](service::PlanService& s) {
           return of(s.addPlan(townshipPlan("P-NEW", ""), std::nullopt, actor_));
         }},
        {"plan code already used",
         "code",
         {"P-FLOOD-TS1"},
         [&](service::PlanService& s) {
           return of(
               s.addPlan(townshipPlan("P-FLOOD-TS1", "城关镇防汛应急预案"), std::nullopt, actor_));
         }},
        {"plan-defect action without a plan",
         "plan_id",
         {},
         [&](service::PlanService& s) {
           store::CorrectiveAction a;
           a.description = "转移路线与实际不符";
           a.responsible_org_id = township_;
           a.plan_defect = true;
           return of(s.addCorrectiveAction(a, actor_));
         }},
        {"diff of a missing version",
         "to",
         {"P-FLOOD-TS1"},
         [&](service::PlanService& s) {
           auto d = s.diff(plan_, 1, 9);
           return d.isOk() ? sdk::Status::ok() : d.status();
         }},
    };
  }
};

std::string withoutCodes(std::string message, const std::vector<std::string>& codes) {
  for (const auto& code : codes) {
    for (auto at = message.find(code); at != std::string::npos; at = message.find(code))
      message.erase(at, code.size());
  }
  return message;
}

bool hasCjk(const std::string& s) {
  return std::regex_search(s, std::regex("[\xE4-\xE9][\x80-\xBF][\x80-\xBF]"));
}

TEST_F(PlanServiceMessagesTest, LifeCycleRefusalsAreInChineseAndInEnglishWhenAsked) {
  {
    service::PlanService zh(*db_, registry_);
    ASSERT_TRUE(
        zh.addFiling(filing("新密市应急管理局", {2023, 3, 20}, "备字〔2023〕1号"), actor_).isOk());
  }
  for (const Case& c : cases()) {
    service::PlanService zh(*db_, registry_);
    const sdk::Status s = c.call(zh);
    ASSERT_FALSE(s.isOk()) << c.what;
    EXPECT_EQ(s.field(), c.field) << c.what << ": " << s.describe();
    const std::string rest = withoutCodes(s.message(), c.codes);
    EXPECT_TRUE(hasCjk(s.message())) << c.what << ": " << s.message();
    EXPECT_FALSE(std::regex_search(rest, std::regex("[A-Za-z]"))) << c.what << ": " << s.message();

    service::PlanService en(*db_, registry_, true);
    const sdk::Status e = c.call(en);
    ASSERT_FALSE(e.isOk()) << c.what;
    EXPECT_EQ(e.field(), c.field) << c.what;
    EXPECT_FALSE(hasCjk(withoutCodes(e.message(), c.codes))) << c.what << ": " << e.message();
    EXPECT_TRUE(std::regex_search(e.message(), std::regex("[a-z]{3,}")))
        << c.what << ": " << e.message();
  }
}

}  // namespace
}  // namespace beacon::testing
