// The pages that correct and void reviews/evaluations, filings and
// corrective actions (record_pages.cpp), over a real socket: the record page
// with its history and 已作废 mark, the prefilled edit form, 422 re-rendering
// what was typed and naming the field, the 作废 form, and the API's scope.
#include <Poco/URI.h>

#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class RecordPagesTest : public WebFixture {
 protected:
  static std::string value(const std::string& sql) {
    std::string out;
    app_->db().session() << sql, Poco::Data::Keywords::into(out), Poco::Data::Keywords::now;
    return out;
  }
};

TEST_F(RecordPagesTest, AReviewIsCorrectedThroughItsPrefilledFormAndTheHistoryShowsIt) {
  Login admin = login("admin");
  const int review = count("SELECT MAX(id) FROM reviews");
  const std::string id = std::to_string(review);
  const std::string findings = value("SELECT findings FROM reviews WHERE id = " + id);
  const std::string date = value("SELECT review_date FROM reviews WHERE id = " + id);
  Reply page = get(admin, "/reviews/" + id);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(has(page, "id=\"correct-record\"")) << "the administrator may correct it";
  EXPECT_TRUE(has(page, "id=\"void-form\""));
  EXPECT_TRUE(has(page, "name=\"submit_token\""));

  Reply form = get(admin, "/reviews/" + id + "/edit");
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(has(form, "value=\"" + date + "\"")) << "prefilled with the stored date";
  EXPECT_TRUE(has(form, ">" + findings + "</textarea>"));

  // No reason: 422, the field named, what was typed kept, nothing written.
  Reply no_reason = postForm(admin, "/reviews/" + id + "/edit",
                             {{"findings", "应急物资清单未更新"}, {"date", date}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(has(no_reason, "id=\"error-reason\""));
  EXPECT_TRUE(has(no_reason, ">应急物资清单未更新</textarea>"));
  EXPECT_EQ(value("SELECT findings FROM reviews WHERE id = " + id), findings);

  // A bad date: 422 naming the date, the typed date shown again.
  Reply bad_date =
      postForm(admin, "/reviews/" + id + "/edit", {{"date", "2023-02-30"}, {"reason", "日期录错"}});
  EXPECT_EQ(bad_date.status, 422);
  EXPECT_TRUE(has(bad_date, "id=\"error-date\""));
  EXPECT_TRUE(has(bad_date, "value=\"2023-02-30\""));
  EXPECT_EQ(value("SELECT review_date FROM reviews WHERE id = " + id), date);

  // Nothing changed: 422 saying so.
  Reply same = postForm(admin, "/reviews/" + id + "/edit", {{"date", date}, {"reason", "核对"}});
  EXPECT_EQ(same.status, 422);
  EXPECT_TRUE(has(same, "id=\"error-changes\""));

  EXPECT_EQ(postForm(admin, "/reviews/" + id + "/edit",
                     {{"csrf_token", "forged"}, {"findings", "x"}, {"reason", "y"}})
                .status,
            403);

  Reply ok = postForm(admin, "/reviews/" + id + "/edit",
                      {{"findings", "应急物资清单未更新"}, {"date", date}, {"reason", "漏填问题"}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(ok.headers["Location"], "/reviews/" + id + "?corrected=1");
  EXPECT_EQ(value("SELECT findings FROM reviews WHERE id = " + id), "应急物资清单未更新");
  Reply after = get(admin, "/reviews/" + id + "?corrected=1");
  EXPECT_TRUE(has(after, "id=\"record-corrected\""));
  EXPECT_TRUE(has(after, "发现的问题：" + findings + " → 应急物资清单未更新")) << after.body;
  EXPECT_TRUE(has(after, "漏填问题"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'review' AND action = 'correct' "
                  "AND entity_id = " +
                  id),
            1);
}

TEST_F(RecordPagesTest, AVoidedFilingStaysOnThePlanPageMarkedAndCannotBeChangedAgain) {
  Login admin = login("admin");
  const int filing = count("SELECT MAX(id) FROM filings");
  const std::string id = std::to_string(filing);
  const std::string plan = std::to_string(count("SELECT plan_id FROM filings WHERE id = " + id));
  Reply empty_reason = postForm(admin, "/filings/" + id + "/void", {{"reason", "  "}});
  EXPECT_EQ(empty_reason.status, 422);
  EXPECT_TRUE(has(empty_reason, "id=\"error-reason\""));
  EXPECT_EQ(count("SELECT COUNT(*) FROM filings WHERE voided_at <> '' AND id = " + id), 0);

  Reply voided = postForm(admin, "/filings/" + id + "/void", {{"reason", "重复登记"}});
  ASSERT_EQ(voided.status, 303) << voided.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM filings WHERE voided_at <> '' AND id = " + id), 1);
  Reply page = get(admin, "/filings/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "id=\"voided-mark\""));
  EXPECT_TRUE(has(page, "重复登记"));
  EXPECT_FALSE(has(page, "id=\"correct-record\"")) << "a voided record is not corrected";
  EXPECT_FALSE(has(page, "id=\"void-form\""));
  EXPECT_EQ(get(admin, "/filings/" + id + "/edit").status, 409);
  EXPECT_EQ(postForm(admin, "/filings/" + id + "/void", {{"reason", "再次"}}).status, 409);

  Reply plan_page = get(admin, "/plans/" + plan);
  const auto row = plan_page.body.find("id=\"filing-" + id + "\"");
  ASSERT_NE(row, std::string::npos) << "the voided filing is still listed";
  EXPECT_NE(plan_page.body.substr(row, plan_page.body.find("</tr>", row) - row).find("已作废"),
            std::string::npos);
}

TEST_F(RecordPagesTest, ACorrectiveActionIsCorrectedAndVoidedByItsRecorderNotByAnotherVillage) {
  Login village = login("village");
  Login other = login("other");
  Login viewer = login("viewer");
  Reply drill =
      send(village, "POST", "/api/v1/drills",
           R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-10",)"
           R"("fields":{"hazard":"flash_flood"}})");
  ASSERT_EQ(drill.status, 201) << drill.body;
  const std::string drill_id = std::to_string(drill.json()->getValue<int>("id"));
  const std::string org = std::to_string(orgId("xinmi.chengguan.04"));
  Reply action = send(village, "POST", "/api/v1/corrective-actions",
                      R"({"source_kind":"drill","source_id":)" + drill_id +
                          R"(,"description":"补充指示牌","responsible_org_id":)" + org + "}");
  ASSERT_EQ(action.status, 201) << action.body;
  const std::string id = std::to_string(action.json()->getValue<int>("id"));
  const std::string base = "/corrective-actions/" + id;

  EXPECT_EQ(get(other, base).status, 403) << "out of read scope";
  EXPECT_EQ(get(other, base + "/edit").status, 403);
  EXPECT_EQ(postForm(other, base + "/void", {{"reason", "x"}}).status, 403);
  EXPECT_EQ(get(viewer, base + "/edit").status, 403) << "viewers never correct";
  Reply viewer_page = get(viewer, base);
  EXPECT_EQ(viewer_page.status, 200);
  EXPECT_FALSE(has(viewer_page, "id=\"correct-record\""));

  Reply form = get(village, base + "/edit");
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(has(form, ">补充指示牌</textarea>"));
  EXPECT_TRUE(has(form, "<option value=\"" + org + "\" selected>"));
  Reply bad_due = postForm(village, base + "/edit",
                           {{"description", "补充转移路线指示牌"},
                            {"responsible_org_id", org},
                            {"due", "2024-13-01"},
                            {"reason", "措辞"}});
  EXPECT_EQ(bad_due.status, 422);
  EXPECT_TRUE(has(bad_due, "id=\"error-due\""));
  EXPECT_TRUE(has(bad_due, ">补充转移路线指示牌</textarea>")) << "what was typed is kept";
  Reply ok = postForm(village, base + "/edit",
                      {{"description", "补充转移路线指示牌"},
                       {"responsible_org_id", org},
                       {"due", ""},
                       {"reason", "措辞"}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(value("SELECT description FROM corrective_actions WHERE id = " + id),
            "补充转移路线指示牌");

  Reply voided = postForm(village, base + "/void", {{"reason", "重复"}});
  ASSERT_EQ(voided.status, 303) << voided.body;
  Reply drill_page = get(village, "/drills/" + drill_id);
  const auto row = drill_page.body.find("id=\"ca-" + id + "\"");
  ASSERT_NE(row, std::string::npos) << "the voided action stays on its drill's page";
  EXPECT_NE(drill_page.body.substr(row, drill_page.body.find("</tr>", row) - row).find("已作废"),
            std::string::npos);
  Reply listed = get(village, "/api/v1/corrective-actions?drill=" + drill_id);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json()->getValue<int>("total"), 0) << "a voided action is not counted";
  ASSERT_EQ(listed.json()->getArray("items")->size(), 1u) << "but stays listed";
  EXPECT_TRUE(listed.json()->getArray("items")->getObject(0)->getValue<bool>("voided"));
  Reply page = get(village, base);
  EXPECT_TRUE(has(page, "id=\"voided-mark\""));
  EXPECT_TRUE(has(page, "更正")) << "the correction is in the history";
  EXPECT_TRUE(has(page, "href=\"/drills/" + drill_id + "\""));
}

TEST_F(RecordPagesTest, TheFormsAreInEnglishWithLangEn) {
  Login admin = login("admin");
  const std::string id = std::to_string(count("SELECT MIN(id) FROM reviews"));
  Reply form = get(admin, "/reviews/" + id + "/edit?lang=en");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form, "Findings"));
  EXPECT_TRUE(has(form, "Reason"));
}

}  // namespace
}  // namespace beacon::http::testing
