// Correcting and voiding drill evaluation reports, planned drills and plan
// life-cycle steps over a real socket: PATCH /api/v1/drill-evaluations|
// drill-plans|drill-plan-items|plan-steps/{id} and POST …/void go through
// RecordCorrection (scope 403, 409 once voided, the correction history), a
// voided planned drill leaves the counts, a voided 印发 leaves the plan 已批准,
// and the pages show voided items and steps struck through with the reason.
#include <gtest/gtest.h>

#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

class DrillRecordCorrectionsWebTest : public WebFixture {
 protected:
  static sdk::RecordId idOf(const Reply& r) {
    return r.status == 200 || r.status == 201 ? r.json()->getValue<sdk::RecordId>("id") : 0;
  }
  static std::string errorMessage(const Reply& r) {
    return r.json()->getObject("error")->getValue<std::string>("message");
  }
  // A flood drill of xinmi.chengguan.04 without a verdict, and its evaluation report; the report's
  // id.
  static sdk::RecordId evaluatedDrill(const Login& who, sdk::RecordId& drill) {
    Reply d =
        send(who, "POST", "/api/v1/drills",
             R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-10",)"
             R"("fields":{"hazard":"flash_flood"}})");
    EXPECT_EQ(d.status, 201) << d.body;
    drill = idOf(d);
    Reply e = send(
        who, "POST", "/api/v1/drills/" + std::to_string(drill) + "/evaluation",
        R"({"verdict":"良","evaluator":"城关镇应急办","date":"2024-05-20","findings":"路线不清"})");
    EXPECT_EQ(e.status, 201) << e.body;
    return idOf(e);
  }
};

TEST_F(DrillRecordCorrectionsWebTest, AnEvaluationIsCorrectedAndVoidedThroughTheApi) {
  Login village = login("village");
  sdk::RecordId drill = 0;
  const auto id = evaluatedDrill(village, drill);
  const std::string path = "/api/v1/drill-evaluations/" + std::to_string(id);
  EXPECT_EQ(send(login("other"), "PATCH", path, R"({"verdict":"差","reason":"x"})").status, 403)
      << "another village's staff";
  EXPECT_EQ(send(login("viewer"), "POST", path + "/void", R"({"reason":"x"})").status, 403);
  Reply bad = send(village, "PATCH", path, R"({"date":"2024-05-01","reason":"日期录错"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.errorField(), "date") << "before the drill: validated as a new evaluation";
  Reply none = send(village, "PATCH", path, R"({"verdict":"中"})");
  EXPECT_EQ(none.errorField(), "reason");

  Reply r = send(village, "PATCH", path,
                 R"({"verdict":"中","suggestions":"增设指示牌","reason":"结论录错"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("verdict"), "fair");
  EXPECT_FALSE(r.json()->getValue<bool>("voided"));
  auto history = r.json()->getArray("corrections");
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ(history->getObject(0)->getValue<std::string>("reason"), "结论录错");
  EXPECT_EQ(history->getObject(0)->getArray("changes")->size(), 2u);

  Reply voided = send(village, "POST", path + "/void", R"({"reason":"评估报告重复登记"})");
  ASSERT_EQ(voided.status, 200) << voided.body;
  EXPECT_TRUE(voided.json()->getValue<bool>("voided"));
  EXPECT_EQ(voided.json()->getValue<std::string>("void_reason"), "评估报告重复登记");
  EXPECT_EQ(send(village, "POST", path + "/void", R"({"reason":"x"})").status, 409);
  EXPECT_EQ(send(village, "PATCH", path, R"({"verdict":"优","reason":"x"})").status, 409);
  EXPECT_EQ(get(village, "/api/v1/drills/" + std::to_string(drill) + "/evaluation").status, 404)
      << "no evaluation in force any more";
  // The record's page keeps it, marked 已作废 with the reason.
  Reply page = get(village, "/drill-evaluations/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"voided-mark\""), std::string::npos);
  EXPECT_NE(page.body.find("评估报告重复登记"), std::string::npos);
}

TEST_F(DrillRecordCorrectionsWebTest,
       AVoidedPlannedDrillLeavesTheCountsAndIsStruckThroughOnThePage) {
  Login village = login("village");
  Reply created = send(
      village, "POST", "/api/v1/drill-plans",
      R"({"org":"xinmi.chengguan.04","year":2024,"made_on":"2024-01-15",)"
      R"("items":[{"drill_type":"flood.evacuation","month":5},{"drill_type":"flood.evacuation","month":9}]})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string plan = std::to_string(idOf(created));
  const auto items = created.json()->getArray("items");
  ASSERT_EQ(items->size(), 2u);
  const std::string september = std::to_string(items->getObject(1)->getValue<sdk::RecordId>("id"));

  Reply bad = send(village, "PATCH", "/api/v1/drill-plan-items/" + september,
                   R"({"month":13,"reason":"x"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.errorField(), "month");
  EXPECT_EQ(send(login("other"), "PATCH", "/api/v1/drill-plan-items/" + september,
                 R"({"month":10,"reason":"x"})")
                .status,
            403);
  Reply moved = send(village, "PATCH", "/api/v1/drill-plan-items/" + september,
                     R"({"month":10,"reason":"月份录错"})");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json()->getValue<int>("month"), 10);
  Reply note = send(village, "PATCH", "/api/v1/drill-plans/" + plan,
                    R"({"note":"村委会审定","reason":"补备注"})");
  ASSERT_EQ(note.status, 200) << note.body;
  EXPECT_EQ(
      send(village, "POST", "/api/v1/drill-plans/" + plan + "/void", R"({"reason":"x"})").status,
      404)
      << "a plan is not voided as a whole: no such route";

  Reply voided = send(village, "POST", "/api/v1/drill-plan-items/" + september + "/void",
                      R"({"reason":"计划取消"})");
  ASSERT_EQ(voided.status, 200) << voided.body;
  Reply shown = get(village, "/api/v1/drill-plans/" + plan + "?as_of=2024-12-31");
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.json()->getObject("counts")->getValue<int>("planned"), 1);
  EXPECT_EQ(shown.json()->getArray("items")->size(), 1u);
  ASSERT_EQ(shown.json()->getArray("voided_items")->size(), 1u);
  EXPECT_EQ(
      shown.json()->getArray("voided_items")->getObject(0)->getValue<std::string>("void_reason"),
      "计划取消");
  EXPECT_EQ(shown.json()->getValue<std::string>("note"), "村委会审定");

  Reply page = get(village, "/drill-plans?year=2024");
  ASSERT_EQ(page.status, 200);
  const auto row = page.body.find("<tr id=\"drill-plan-item-" + september + "\" class=\"voided\"");
  ASSERT_NE(row, std::string::npos) << page.body;
  EXPECT_NE(page.body.find("计划取消", row), std::string::npos);
}

TEST_F(DrillRecordCorrectionsWebTest,
       AVoidedIssueLeavesThePlanApprovedAndThePlanPageStrikesTheStep) {
  Login admin = login("admin");
  Reply draft = send(
      admin, "POST", "/api/v1/plans",
      R"({"code":"DR-STEP-1","title":"新密市山洪灾害应急预案","domain":"flood","category":"special",)"
      R"("owner":"xinmi","version":{"text":"第一章 总则\n"}})");
  ASSERT_EQ(draft.status, 201) << draft.body;
  const std::string base = "/api/v1/plans/" + std::to_string(idOf(draft));
  ASSERT_EQ(send(admin, "POST", base + "/submit-review", R"({"date":"2024-03-01"})").status, 201);
  ASSERT_EQ(send(admin, "POST", base + "/reviews",
                 R"({"kind":"review","date":"2024-03-05","conclusion":"passed"})")
                .status,
            201);
  ASSERT_EQ(send(admin, "POST", base + "/approve",
                 R"({"date":"2024-03-10","approved_by":"新密市人民政府"})")
                .status,
            201);
  Reply issued = send(admin, "POST", base + "/issue",
                      R"({"issued":"2024-04-01","document_no":"新政〔2024〕3号"})");
  ASSERT_EQ(issued.status, 201) << issued.body;
  const std::string step =
      std::to_string(issued.json()->getObject("transition")->getValue<sdk::RecordId>("id"));
  ASSERT_EQ(get(admin, base).json()->getValue<std::string>("status"), "issued");

  EXPECT_EQ(
      send(login("village"), "POST", "/api/v1/plan-steps/" + step + "/void", R"({"reason":"x"})")
          .status,
      403)
      << "a village cannot void the city's records";
  Reply correct =
      send(admin, "PATCH", "/api/v1/plan-steps/" + step, R"({"date":"2024-04-02","reason":"x"})");
  EXPECT_EQ(correct.status, 422);
  EXPECT_EQ(correct.errorField(), "step") << "an 印发 is voided, not corrected";
  Reply voided = send(admin, "POST", "/api/v1/plan-steps/" + step + "/void",
                      R"({"reason":"文号录错，尚未印发"})");
  ASSERT_EQ(voided.status, 200) << voided.body;
  EXPECT_TRUE(voided.json()->getValue<bool>("voided"));
  const auto plan = get(admin, base).json();
  EXPECT_EQ(plan->getValue<std::string>("status"), "approved");
  EXPECT_EQ(plan->getValue<std::string>("stage"), "approved");

  Reply page = get(admin, "/plans/" + std::to_string(idOf(draft)));
  ASSERT_EQ(page.status, 200);
  const auto row = page.body.find("<tr id=\"step-" + step + "\" class=\"voided\">");
  ASSERT_NE(row, std::string::npos) << page.body;
  EXPECT_NE(page.body.find("文号录错，尚未印发", row), std::string::npos);
  EXPECT_NE(page.body.find("admin", row), std::string::npos) << "who voided it";
}

}  // namespace
}  // namespace beacon::http::testing
