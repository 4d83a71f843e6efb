// 修改编制稿 over a real socket (issue 11 §1: a draft sent back by 评审 不通过
// is edited, not revised): POST /api/v1/plans/{id}/edit-draft replaces the
// draft's text while it is 编制中 (no new version, not a 修订, one edit_draft
// step) and is refused with 422 naming the state in 评审中 and 已印发; the plan
// page shows the 修改编制稿 form, holding the draft's text, only while it is
// allowed, and a refused form comes back (422) with what was typed.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

class DraftEditTest : public WebFixture {
 protected:
  static int draft(const Login& who, const std::string& code) {
    Reply r = send(
        who, "POST", "/api/v1/plans",
        R"({"code":")" + code +
            R"(","title":"城关镇内涝应急预案","domain":"flood","category":"grassroots","owner":"xinmi.chengguan","version":{"text":"第一章 总则\n"}})");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()->getValue<int>("id") : 0;
  }
  static std::string base(int plan) { return "/api/v1/plans/" + std::to_string(plan); }
  static std::string page(int plan) { return "/plans/" + std::to_string(plan); }
  static std::string textOf(int plan, int number) {
    Reply r = get(login("admin"), base(plan) + "/versions/" + std::to_string(number));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json()->getValue<std::string>("text") : "";
  }
  static Reply postForm(const Login& who, const std::string& path,
                        std::map<std::string, std::string> fields) {
    fields["csrf_token"] = who.csrf;
    std::string body;
    const std::string type = multipartBody(fields, "", "", "", "", body);
    return request("POST", path, body, type, {{"Cookie", "beacon_session=" + who.cookie}});
  }
  static std::string errorMessage(const Reply& r) {
    return r.json()->getObject("error")->getValue<std::string>("message");
  }
};

TEST_F(DraftEditTest, TheApiEditsTheDraftWhileDraftingAndAfterAFailedReviewNamingTheStateOtherwise) {
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
  ASSERT_EQ(r.status, 422) << r.body;
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
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.errorField(), "status");
  EXPECT_NE(errorMessage(r).find("is Issued; cannot edit the draft"), std::string::npos) << r.body;
  EXPECT_EQ(textOf(plan, 1), "第一章 总则（按评审意见修改）\n") << "the issued text never changes";
  // Village staff may not edit a township's plan.
  EXPECT_EQ(send(login("village"), "POST", base(plan) + "/edit-draft", R"({"text":"x"})").status,
            403);
}

TEST_F(DraftEditTest, ThePageFormIsShownOnlyWhenAllowedAndARefusalKeepsWhatWasTyped) {
  const Login admin = login("admin");
  const int plan = draft(admin, "DE-PAGE-1");
  Reply shown = get(admin, page(plan));
  ASSERT_EQ(shown.status, 200);
  const auto form = shown.body.find("id=\"edit-draft-form\"");
  ASSERT_NE(form, std::string::npos);
  EXPECT_NE(shown.body.find("name=\"text\" rows=\"12\">第一章 总则\n</textarea>", form),
            std::string::npos)
      << "the form starts from the draft's text";

  // The same text is no edit: 422, the page again with the message by its field and the text.
  Reply refused = postForm(admin, page(plan) + "/edit-draft",
                           {{"text", "第一章 总则\n"}, {"note", "没有改动"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("id=\"error-text\""), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("value=\"没有改动\""), std::string::npos);

  EXPECT_EQ(postForm(admin, page(plan) + "/edit-draft", {{"text", "第一章 总则（页面修改）\n"}}).status,
            303);
  EXPECT_EQ(textOf(plan, 1), "第一章 总则（页面修改）\n");
  Reply history = get(admin, page(plan));
  EXPECT_NE(history.body.find("修改编制稿"), std::string::npos);

  EXPECT_EQ(postForm(admin, page(plan) + "/submit-review", {{"date", "2024-03-01"}}).status, 303);
  Reply in_review = get(admin, page(plan));
  EXPECT_EQ(in_review.body.find("id=\"edit-draft-form\""), std::string::npos)
      << "no edit form while the draft is in review";
  // A refused edit (the draft is in review) comes back with the text typed.
  refused = postForm(admin, page(plan) + "/edit-draft", {{"text", "评审中输入的文本"}, {"note", ""}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("id=\"error-status\""), std::string::npos);
  EXPECT_NE(refused.body.find("「评审中」，不能修改编制稿"), std::string::npos);
  EXPECT_NE(refused.body.find(">评审中输入的文本</textarea>"), std::string::npos)
      << "what was typed comes back";
  EXPECT_EQ(textOf(plan, 1), "第一章 总则（页面修改）\n");
}

}  // namespace
}  // namespace beacon::http::testing
