// The plan life cycle over a real socket: the API routes (edit-draft, submit-review,
// reviews, approve, issue, publications, abolish, transitions) move a draft to
// 已印发 and refuse a step the state does not allow with a 409 conflict naming
// the state, an Idempotency-Key replays an issue instead of issuing twice, and the
// plan page's forms do the same, a refused form coming back (422) with its
// message and the values typed, the page listing the steps.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

class PlanLifecycleWebTest : public WebFixture {
 protected:
  // A new draft plan of 城关镇 (v1 with text, not issued); its id.
  static int draft(const Login& who, const std::string& code) {
    Reply r = send(
        who, "POST", "/api/v1/plans",
        R"({"code":")" + code +
            R"(","title":"城关镇山洪灾害应急预案","domain":"flood","category":"grassroots","owner":"xinmi.chengguan","version":{"text":"第一章 总则\n"}})");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()->getValue<int>("id") : 0;
  }
  static std::string base(int plan) { return "/api/v1/plans/" + std::to_string(plan); }
  static std::string status(int plan) {
    Login admin = login("admin");
    return get(admin, base(plan)).json()->getValue<std::string>("status");
  }
  static std::string pageOf(int plan) { return "/plans/" + std::to_string(plan); }
  static std::string textOf(int plan, int number) {
    Reply r = get(login("admin"), base(plan) + "/versions/" + std::to_string(number));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json()->getValue<std::string>("text") : "";
  }
  static std::string errorMessage(const Reply& r) {
    return r.json()->getObject("error")->getValue<std::string>("message");
  }
};

TEST_F(PlanLifecycleWebTest, TheApiMovesADraftToIssuedAndRefusesStepsTheStateDoesNotAllow) {
  Login admin = login("admin");
  const int plan = draft(admin, "LC-API-1");
  ASSERT_GT(plan, 0);
  EXPECT_EQ(status(plan), "drafting");
  Reply early = send(admin, "POST", base(plan) + "/issue",
                     R"({"issued":"2024-04-01","document_no":"城政〔2024〕3号"})");
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.json()->getObject("error")->getValue<std::string>("code"), "conflict")
      << early.body;
  EXPECT_EQ(early.errorField(), "status");
  EXPECT_NE(errorMessage(early).find("「编制中」，不能印发"), std::string::npos) << early.body;
  Reply filing = send(admin, "POST", base(plan) + "/filings",
                      R"({"target_body":"新密市应急管理局","submitted":"2024-04-05"})");
  EXPECT_EQ(filing.status, 409);
  EXPECT_EQ(filing.errorField(), "status");
  Reply en = send(admin, "POST", base(plan) + "/approve?lang=en",
                  R"({"date":"2024-03-10","approved_by":"x"})");
  EXPECT_EQ(en.status, 409);
  EXPECT_NE(errorMessage(en).find("is Drafting; cannot approve"), std::string::npos) << en.body;

  Reply submit = send(admin, "POST", base(plan) + "/submit-review", R"({"date":"2024-03-01"})");
  ASSERT_EQ(submit.status, 201) << submit.body;
  EXPECT_EQ(submit.json()->getObject("transition")->getValue<std::string>("to_status"),
            "in_review");
  EXPECT_EQ(status(plan), "in_review");
  Reply keep = send(admin, "POST", base(plan) + "/reviews",
                    R"({"kind":"review","date":"2024-03-05","conclusion":"keep"})");
  EXPECT_EQ(keep.status, 422);
  EXPECT_EQ(keep.errorField(), "conclusion");
  ASSERT_EQ(send(admin, "POST", base(plan) + "/reviews",
                 R"({"kind":"review","date":"2024-03-05","conclusion":"passed"})")
                .status,
            201);
  Reply no_body = send(admin, "POST", base(plan) + "/approve", R"({"date":"2024-03-10"})");
  EXPECT_EQ(no_body.status, 422);
  EXPECT_EQ(no_body.errorField(), "approved_by");
  ASSERT_EQ(send(admin, "POST", base(plan) + "/approve",
                 R"({"date":"2024-03-10","approved_by":"城关镇党委、政府"})")
                .status,
            201);
  EXPECT_EQ(status(plan), "approved");

  // A retried issue with the same Idempotency-Key is answered from the first one.
  const std::string token = apiToken("admin");
  auto issue = [&](const std::string& key) {
    return request("POST", base(plan) + "/issue",
                   R"({"issued":"2024-04-01","document_no":"城政〔2024〕3号"})", "application/json",
                   {{"Authorization", "Bearer " + token}, {"Idempotency-Key", key}});
  };
  const std::string issues =
      "SELECT COUNT(*) FROM plan_transitions WHERE step = 'issue' AND plan_id = " +
      std::to_string(plan);
  Reply first = issue("lc-issue-1");
  ASSERT_EQ(first.status, 201) << first.body;
  Reply again = issue("lc-issue-1");
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.headers["Idempotent-Replayed"], "true");
  EXPECT_EQ(count(issues), 1);
  EXPECT_EQ(status(plan), "issued");
  Reply twice = issue("lc-issue-2");
  EXPECT_EQ(twice.status, 409) << "no draft left to issue";
  EXPECT_NE(errorMessage(twice).find("「已印发」"), std::string::npos) << twice.body;

  ASSERT_EQ(send(admin, "POST", base(plan) + "/filings",
                 R"({"target_body":"新密市应急管理局","submitted":"2024-04-05"})")
                .status,
            201);
  Reply no_channel = send(admin, "POST", base(plan) + "/publications", R"({"date":"2024-04-06"})");
  EXPECT_EQ(no_channel.errorField(), "channel");
  ASSERT_EQ(
      send(
          admin, "POST", base(plan) + "/publications",
          R"({"date":"2024-04-06","channel":"新密市人民政府网站","link":"https://example.invalid/lc"})")
          .status,
      201);
  Reply steps = get(admin, base(plan) + "/transitions");
  ASSERT_EQ(steps.status, 200);
  auto items = steps.json()->getArray("items");
  ASSERT_EQ(items->size(), 6u) << steps.body;
  EXPECT_EQ(items->getObject(5)->getValue<std::string>("step"), "publish");
  EXPECT_EQ(items->getObject(3)->getValue<std::string>("document"), "城政〔2024〕3号");
  EXPECT_EQ(items->getObject(3)->getValue<std::string>("step_label"), "印发");

  Reply bad_successor = send(admin, "POST", base(plan) + "/abolish",
                             R"({"date":"2024-06-01","replaced_by":"NO-SUCH"})");
  EXPECT_EQ(bad_successor.errorField(), "replaced_by");
  ASSERT_EQ(send(admin, "POST", base(plan) + "/abolish", R"({"date":"2024-06-01"})").status, 201);
  EXPECT_EQ(status(plan), "abolished");
  Reply after = send(admin, "POST", base(plan) + "/publications",
                     R"({"date":"2024-06-02","channel":"网站"})");
  EXPECT_EQ(after.status, 409);
  EXPECT_NE(errorMessage(after).find("「已废止」"), std::string::npos) << after.body;
}

TEST_F(PlanLifecycleWebTest, TheViewerMayNotMoveAPlan) {
  Login admin = login("admin");
  const int plan = draft(admin, "LC-API-2");
  Login viewer = login("viewer");
  EXPECT_EQ(send(viewer, "POST", base(plan) + "/submit-review", R"({"date":"2024-03-01"})").status,
            403);
  EXPECT_EQ(status(plan), "drafting");
}

TEST_F(PlanLifecycleWebTest, ThePageFormsMoveThePlanAndARefusedFormComesBackWithItsValues) {
  Login admin = login("admin");
  const int plan = draft(admin, "LC-PAGE-1");
  const std::string page = "/plans/" + std::to_string(plan);
  Reply refused = postMultipart(admin, page + "/issue",
                           {{"issued", "2024-04-01"},
                            {"document_no", "城政〔2024〕77号"},
                            {"effective", ""},
                            {"note", "印发备注"}});
  EXPECT_EQ(refused.status, 409) << "refused by the plan's state: the API's status (httpStatusOf)";
  EXPECT_NE(refused.body.find("id=\"error-status\""), std::string::npos);
  EXPECT_NE(refused.body.find("「编制中」，不能印发"), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"城政〔2024〕77号\""), std::string::npos)
      << "the typed 文号 comes back";
  EXPECT_NE(refused.body.find("value=\"印发备注\""), std::string::npos);
  EXPECT_EQ(status(plan), "drafting");
  Reply bad_date =
      postMultipart(admin, page + "/submit-review", {{"date", "2024-02-30"}, {"note", "n"}});
  EXPECT_EQ(bad_date.status, 422);
  EXPECT_NE(bad_date.body.find("id=\"error-date\""), std::string::npos);

  EXPECT_EQ(postMultipart(admin, page + "/submit-review", {{"date", "2024-03-01"}, {"note", ""}}).status,
            303);
  EXPECT_EQ(postMultipart(admin, page + "/reviews",
                     {{"kind", "review"}, {"date", "2024-03-05"}, {"conclusion", "passed"}})
                .status,
            303);
  EXPECT_EQ(
      postMultipart(admin, page + "/approve", {{"date", "2024-03-10"}, {"approved_by", "城关镇政府"}})
          .status,
      303);
  EXPECT_EQ(postMultipart(admin, page + "/issue",
                     {{"issued", "2024-04-01"}, {"document_no", "城政〔2024〕77号"}})
                .status,
            303);
  EXPECT_EQ(status(plan), "issued");
  EXPECT_EQ(
      postMultipart(admin, page + "/publications", {{"date", "2024-04-03"}, {"channel", "政务公开栏"}})
          .status,
      303);
  Reply shown = get(admin, page);
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("id=\"transitions\""), std::string::npos);
  for (const char* text : {"提交评审", "评审中 → 评审中", "已批准 → 已印发", "城政〔2024〕77号",
                           "政务公开栏", "通过"}) {
    EXPECT_NE(shown.body.find(text), std::string::npos) << text;
  }
  EXPECT_EQ(
      postMultipart(admin, page + "/abolish", {{"date", "2024-07-01"}, {"replaced_by", ""}}).status,
      303);
  EXPECT_EQ(status(plan), "abolished");
  Reply abolished =
      postMultipart(admin, page + "/publications", {{"date", "2024-07-02"}, {"channel", "x"}});
  EXPECT_EQ(abolished.status, 409);
  EXPECT_NE(abolished.body.find("「已废止」"), std::string::npos);
}

// 修改编制稿 (issue 11 §1: a draft sent back by 评审 不通过 is edited, not revised): the API replaces
// the draft's text while it is 编制中 (no new version, not a 修订) and refuses naming the state
// otherwise; the page's form holds the draft's text, is shown only when allowed, and a refused form
// comes back (422) with what was typed.
TEST_F(PlanLifecycleWebTest, TheApiEditsTheDraftWhileDraftingAndAfterAFailedReviewNamingTheStateOtherwise) {
  const Login town = login("town");
  const int plan = draft(town, "DE-API-1");
  Reply r = send(town, "POST", base(plan) + "/edit-draft",
                 R"({"text":"第一章 总则\n第二章 组织体系\n","note":"补充组织体系"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()->getObject("transition")->getValue<std::string>("step"), "edit_draft");
  EXPECT_EQ(r.json()->getObject("plan")->getValue<std::string>("status"), "drafting");
  EXPECT_EQ(textOf(plan, 1), "第一章 总则\n第二章 组织体系\n");

  ASSERT_EQ(send(town, "POST", base(plan) + "/submit-review", R"({"date":"2024-03-01"})").status, 201);
  r = send(town, "POST", base(plan) + "/edit-draft", R"({"text":"评审中的修改\n"})");
  ASSERT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.errorField(), "status");
  EXPECT_NE(errorMessage(r).find("「评审中」，不能修改编制稿"), std::string::npos) << r.body;
  ASSERT_EQ(send(town, "POST", base(plan) + "/reviews",
                 R"({"kind":"review","date":"2024-03-05","conclusion":"failed"})")
                .status,
            201);
  // 不通过 sends it back: it is edited in place, still v1 (编制), and goes to review again.
  r = send(town, "POST", base(plan) + "/edit-draft", R"({"text":"第一章 总则（按评审意见修改）\n"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(textOf(plan, 1), "第一章 总则（按评审意见修改）\n");
  Reply versions = get(town, base(plan) + "/versions");
  ASSERT_EQ(versions.status, 200);
  EXPECT_EQ(versions.json()->getArray("items")->size(), 1u) << "no new version";
  r = send(town, "POST", base(plan) + "/edit-draft", R"({"text":""})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.errorField(), "text");

  ASSERT_EQ(send(town, "POST", base(plan) + "/submit-review", R"({"date":"2024-03-10"})").status, 201);
  ASSERT_EQ(send(town, "POST", base(plan) + "/reviews",
                 R"({"kind":"review","date":"2024-03-12","conclusion":"passed"})")
                .status,
            201);
  ASSERT_EQ(send(town, "POST", base(plan) + "/approve",
                 R"({"date":"2024-03-15","approved_by":"城关镇人民政府"})")
                .status,
            201);
  ASSERT_EQ(send(town, "POST", base(plan) + "/issue",
                 R"({"issued":"2024-04-01","document_no":"城政〔2024〕31号"})")
                .status,
            201);
  r = send(town, "POST", base(plan) + "/edit-draft?lang=en", R"({"text":"after issue\n"})");
  ASSERT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.errorField(), "status");
  EXPECT_NE(errorMessage(r).find("is Issued; cannot edit the draft"), std::string::npos) << r.body;
  EXPECT_EQ(textOf(plan, 1), "第一章 总则（按评审意见修改）\n") << "the issued text never changes";
  // Village staff may not edit a township's plan.
  EXPECT_EQ(send(login("village"), "POST", base(plan) + "/edit-draft", R"({"text":"x"})").status,
            403);
}

TEST_F(PlanLifecycleWebTest, TheDraftEditFormIsShownOnlyWhenAllowedAndARefusalKeepsWhatWasTyped) {
  const Login admin = login("admin");
  const int plan = draft(admin, "DE-PAGE-1");
  Reply shown = get(admin, pageOf(plan));
  ASSERT_EQ(shown.status, 200);
  const auto form = shown.body.find("id=\"edit-draft-form\"");
  ASSERT_NE(form, std::string::npos);
  EXPECT_NE(shown.body.find("name=\"text\" rows=\"12\">第一章 总则\n</textarea>", form),
            std::string::npos)
      << "the form starts from the draft's text";

  // The same text is no edit: 422, the page again with the message by its field and the text.
  Reply refused = postMultipart(admin, pageOf(plan) + "/edit-draft",
                           {{"text", "第一章 总则\n"}, {"note", "没有改动"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("id=\"error-text\""), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("value=\"没有改动\""), std::string::npos);

  EXPECT_EQ(postMultipart(admin, pageOf(plan) + "/edit-draft", {{"text", "第一章 总则（页面修改）\n"}}).status,
            303);
  EXPECT_EQ(textOf(plan, 1), "第一章 总则（页面修改）\n");
  Reply history = get(admin, pageOf(plan));
  EXPECT_NE(history.body.find("修改编制稿"), std::string::npos);

  EXPECT_EQ(postMultipart(admin, pageOf(plan) + "/submit-review", {{"date", "2024-03-01"}}).status, 303);
  Reply in_review = get(admin, pageOf(plan));
  EXPECT_EQ(in_review.body.find("id=\"edit-draft-form\""), std::string::npos)
      << "no edit form while the draft is in review";
  // A refused edit (the draft is in review) comes back with the text typed.
  refused = postMultipart(admin, pageOf(plan) + "/edit-draft", {{"text", "评审中输入的文本"}, {"note", ""}});
  EXPECT_EQ(refused.status, 409) << "refused by the plan's state: the API's status (httpStatusOf)";
  EXPECT_NE(refused.body.find("id=\"error-status\""), std::string::npos);
  EXPECT_NE(refused.body.find("「评审中」，不能修改编制稿"), std::string::npos);
  EXPECT_NE(refused.body.find(">评审中输入的文本</textarea>"), std::string::npos)
      << "what was typed comes back";
  EXPECT_EQ(textOf(plan, 1), "第一章 总则（页面修改）\n");
}

}  // namespace
}  // namespace beacon::http::testing
