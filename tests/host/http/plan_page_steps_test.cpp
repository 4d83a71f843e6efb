// The plan page over a real socket shows only the life-cycle forms the plan's
// state allows (service::PlanLifecycle::allowedSteps), names the current state
// and the next step at the top, and the API's plan JSON carries the same list
// as "allowed_steps": a draft taken through 编制中 → 评审中 → (评审通过) →
// 已批准 → 已印发 → 已废止, checked at each state, in zh-CN and English.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

// Every life-cycle form of the plan page, by its element id.
const std::vector<std::string> kForms = {
    "preparation-form", "edit-draft-form", "submit-form", "review-form",
    "approve-form",     "issue-form",      "filing-form", "publish-form",
    "plan-evaluation-form", "revise-form", "abolish-form"};

class PlanPageStepsTest : public WebFixture {
 protected:
  static std::string page(int plan) { return "/plans/" + std::to_string(plan); }
  static std::string api(int plan) { return "/api/v1/plans/" + std::to_string(plan); }
  // The forms the page shows, in page order of kForms.
  static std::vector<std::string> formsOn(const std::string& html) {
    std::vector<std::string> shown;
    for (const auto& id : kForms) {
      if (html.find("id=\"" + id + "\"") != std::string::npos) shown.push_back(id);
    }
    return shown;
  }
  static std::vector<std::string> allowedSteps(const Login& who, int plan) {
    Reply r = get(who, api(plan));
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    if (r.status != 200) return out;
    Poco::JSON::Array::Ptr steps = r.json()->getArray("allowed_steps");
    EXPECT_FALSE(steps.isNull()) << r.body;
    if (steps.isNull()) return out;
    for (std::size_t i = 0; i < steps->size(); ++i)
      out.push_back(steps->getElement<std::string>(i));
    return out;
  }
  // Expects the page to show exactly `forms` and the heading line `line`, and the API `steps`.
  static void expectState(const Login& who, int plan, const std::vector<std::string>& forms,
                          const std::string& line, const std::vector<std::string>& steps) {
    Reply r = get(who, page(plan));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(formsOn(r.body), forms) << line;
    EXPECT_NE(r.body.find("<p id=\"plan-next\">" + line + "</p>"), std::string::npos)
        << line << "\n"
        << r.body.substr(0, 3000);
    EXPECT_EQ(allowedSteps(who, plan), steps) << line;
  }
};

TEST_F(PlanPageStepsTest, ThePageShowsOnlyTheFormsOfTheStepsTheStateAllows) {
  Login admin = login("admin");
  Reply created = send(
      admin, "POST", "/api/v1/plans",
      R"({"code":"LC-STEPS-1","title":"城关镇地质灾害应急预案","domain":"flood","category":"grassroots","owner":"xinmi.chengguan","version":{"text":"第一章 总则\n"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  const int plan = created.json()->getValue<int>("id");

  expectState(admin, plan, {"preparation-form", "edit-draft-form", "submit-form", "abolish-form"},
              "当前状态：编制中；下一步：提交评审",
              {"risk_assessment", "resource_survey", "edit_draft", "submit_review", "abolish"});

  ASSERT_EQ(send(admin, "POST", api(plan) + "/submit-review", R"({"date":"2024-03-01"})").status,
            201);
  expectState(admin, plan, {"review-form", "abolish-form"}, "当前状态：评审中；下一步：评审",
              {"review", "abolish"});
  Reply in_review = get(admin, page(plan));
  const auto review_form = in_review.body.find("id=\"review-form\"");
  ASSERT_NE(review_form, std::string::npos);
  const std::string form =
      in_review.body.substr(review_form, in_review.body.find("</form>", review_form) - review_form);
  for (const char* value :
       {"value=\"passed\"", "value=\"passed_with_changes\"", "value=\"failed\""}) {
    EXPECT_NE(form.find(value), std::string::npos) << value;
  }
  EXPECT_EQ(form.find("value=\"keep\""), std::string::npos)
      << "继续有效 is an evaluation's conclusion";

  ASSERT_EQ(send(admin, "POST", api(plan) + "/reviews",
                 R"({"kind":"review","date":"2024-03-05","conclusion":"passed_with_changes"})")
                .status,
            201);
  expectState(admin, plan, {"approve-form", "abolish-form"}, "当前状态：评审中；下一步：审批",
              {"approve", "abolish"});

  ASSERT_EQ(send(admin, "POST", api(plan) + "/approve",
                 R"({"date":"2024-03-10","approved_by":"城关镇人民政府"})")
                .status,
            201);
  expectState(admin, plan, {"issue-form", "abolish-form"}, "当前状态：已批准；下一步：印发",
              {"issue", "abolish"});

  ASSERT_EQ(send(admin, "POST", api(plan) + "/issue",
                 R"({"issued":"2024-04-01","document_no":"城政〔2024〕21号"})")
                .status,
            201);
  const std::vector<std::string> issued_forms = {
      "filing-form", "publish-form", "plan-evaluation-form", "revise-form", "abolish-form"};
  const std::vector<std::string> issued_steps = {"file", "publish", "evaluate", "revise",
                                                 "abolish"};
  expectState(admin, plan, issued_forms, "当前状态：已印发；下一步：备案", issued_steps);
  ASSERT_EQ(send(admin, "POST", api(plan) + "/filings",
                 R"({"target_body":"新密市应急管理局","submitted":"2024-04-05"})")
                .status,
            201);
  expectState(admin, plan, issued_forms, "当前状态：已印发；下一步：公开", issued_steps);
  Reply evaluation = get(admin, page(plan));
  const auto eval_form = evaluation.body.find("id=\"plan-evaluation-form\"");
  ASSERT_NE(eval_form, std::string::npos);
  const std::string eform =
      evaluation.body.substr(eval_form, evaluation.body.find("</form>", eval_form) - eval_form);
  EXPECT_NE(eform.find("value=\"keep\""), std::string::npos);
  EXPECT_NE(eform.find("value=\"revise\""), std::string::npos);
  EXPECT_EQ(eform.find("value=\"passed\""), std::string::npos) << "通过 is a review's conclusion";

  // English names the state and the step too.
  Reply en = get(admin, page(plan) + "?lang=en");
  EXPECT_NE(en.body.find("<p id=\"plan-next\">Current state: Issued; next step: publish</p>"),
            std::string::npos)
      << en.body.substr(0, 3000);
  get(admin, page(plan) + "?lang=zh");

  // A viewer sees the state line but no form.
  Login viewer = login("viewer");
  Reply viewed = get(viewer, page(plan));
  EXPECT_TRUE(formsOn(viewed.body).empty());
  EXPECT_NE(viewed.body.find("当前状态：已印发"), std::string::npos);

  ASSERT_EQ(send(admin, "POST", api(plan) + "/abolish", R"({"date":"2024-06-01"})").status, 201);
  expectState(admin, plan, {}, "当前状态：已废止；下一步：无", {});
}

TEST_F(PlanPageStepsTest, ADraftRevisionShowsItsOwnStepsNextToTheStepsOfTheVersionInForce) {
  Login admin = login("admin");
  Reply created = send(
      admin, "POST", "/api/v1/plans",
      R"({"code":"LC-STEPS-2","title":"城关镇防汛应急预案","domain":"flood","category":"grassroots","owner":"xinmi.chengguan","version":{"text":"第一章 总则\n","issued":"2023-04-01"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  const int plan = created.json()->getValue<int>("id");
  Reply revised =
      send(admin, "POST", api(plan) + "/versions",
           R"({"trigger":"risk_changed_major","text":"第一章 总则\n第二章 组织\n","draft":true})");
  ASSERT_EQ(revised.status, 201) << revised.body;
  // The v2 draft is drafted while v1 stays in force: it can be prepared and submitted, v1 filed,
  // published and evaluated, and the draft replaced by another revision.
  expectState(admin, plan,
              {"preparation-form", "edit-draft-form", "submit-form", "filing-form", "publish-form",
               "plan-evaluation-form", "revise-form", "abolish-form"},
              "当前状态：编制中；下一步：提交评审",
              {"risk_assessment", "resource_survey", "edit_draft", "submit_review", "file",
               "publish", "evaluate", "revise", "abolish"});
}

}  // namespace
}  // namespace beacon::http::testing
