// Annual drill plans and drill evaluation reports over a real socket: the
// API (create with Idempotency-Key, plan versus actual against the demo's
// drills, 422 naming the field, write scope 403), and the pages (the plan
// form and table, the evaluation form on the drill page).
#include <Poco/URI.h>
#include <gtest/gtest.h>

#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

class DrillPlansWebTest : public WebFixture {
 protected:
  static Reply postJson(const Login& who, const std::string& path, const std::string& json, const std::string& key) {
    return request("POST", path, json, "application/json",
                   {{"Cookie", "beacon_session=" + who.cookie}, {"X-CSRF-Token", who.csrf}, {"Idempotency-Key", key}});
  }
  static sdk::RecordId drillOf(const Login& who, const std::string& code, const std::string& date) {
    Reply r = send(who, "POST", "/api/v1/drills",
                   R"({"domain":"flood","drill_type":"flood.evacuation","org":")" + code + R"(","date":")" + date +
                       R"(","fields":{"hazard":"flash_flood"}})");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()->getValue<sdk::RecordId>("id") : 0;
  }
};

TEST_F(DrillPlansWebTest, ApiCreatesOnceAndShowsPlanVersusActual) {
  Login village = login("village");
  const std::string body =
      R"({"org":"xinmi.chengguan.04","year":2023,"made_on":"2023-01-15","note":"2023年度演练计划",)"
      R"("items":[{"drill_type":"flood.evacuation","month":8},{"drill_type":"flood.evacuation","month":3}]})";
  const int before = count("SELECT COUNT(*) FROM drill_plans");
  const int items_before = count("SELECT COUNT(*) FROM drill_plan_items");
  Reply created = postJson(village, "/api/v1/drill-plans", body, "dp-2023-1");
  ASSERT_EQ(created.status, 201) << created.body;
  Reply replay = postJson(village, "/api/v1/drill-plans", body, "dp-2023-1");
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(replay.headers["Idempotent-Replayed"], "true");
  EXPECT_EQ(count("SELECT COUNT(*) FROM drill_plans"), before + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM drill_plan_items"), items_before + 2) << "the replay added nothing";

  const auto plan = created.json();
  const std::string id = std::to_string(plan->getValue<sdk::RecordId>("id"));
  EXPECT_EQ(created.headers["Location"], "/api/v1/drill-plans/" + id);
  Reply shown = get(village, "/api/v1/drill-plans/" + id + "?as_of=2023-12-31");
  ASSERT_EQ(shown.status, 200) << shown.body;
  const auto counts = shown.json()->getObject("counts");
  EXPECT_EQ(counts->getValue<int>("planned"), 2);
  // The demo village ran its flood evacuation drill in August 2023.
  const auto items = shown.json()->getArray("items");
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ(items->getObject(0)->getValue<int>("month"), 3) << "items in month order";
  EXPECT_EQ(items->getObject(1)->getValue<std::string>("status"), "done_in_month") << shown.body;
  EXPECT_GE(counts->getValue<int>("done"), 1);
  EXPECT_EQ(counts->getValue<int>("done") + counts->getValue<int>("missing"), 2);

  Reply list = get(village, "/api/v1/drill-plans?year=2023");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()->getValue<int>("total"), 1);
  Login other = login("other");
  EXPECT_EQ(get(other, "/api/v1/drill-plans?year=2023").json()->getValue<int>("total"), 0);
  EXPECT_EQ(get(other, "/api/v1/drill-plans/" + id).status, 403);
}

TEST_F(DrillPlansWebTest, ApiRefusesBadFieldsAndOtherOrganisations) {
  Login village = login("village");
  const int before = count("SELECT COUNT(*) FROM drill_plan_items");
  Reply bad = send(village, "POST", "/api/v1/drill-plans",
                   R"({"org":"xinmi.chengguan.04","year":2022,"made_on":"2022-01-10","items":[{"drill_type":"flood.evacuation","month":13}]})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.errorField(), "items[1].month");
  Reply type = send(village, "POST", "/api/v1/drill-plans?lang=en",
                    R"({"org":"xinmi.chengguan.04","year":2022,"made_on":"2022-01-10","items":[{"drill_type":"flood.none","month":5}]})");
  EXPECT_EQ(type.status, 422);
  EXPECT_EQ(type.errorField(), "items[1].drill_type");
  Reply plan = send(village, "POST", "/api/v1/drill-plans",
                    R"({"org":"xinmi.chengguan.04","year":2022,"made_on":"2022-01-10","items":[{"drill_type":"flood.evacuation","month":5,"plan":"NO-SUCH-PLAN"}]})");
  EXPECT_EQ(plan.status, 422);
  EXPECT_EQ(plan.errorField(), "items[1].plan");
  Reply elsewhere = send(village, "POST", "/api/v1/drill-plans",
                         R"({"org":"xinmi.micun.05","year":2022,"made_on":"2022-01-10","items":[{"drill_type":"flood.evacuation","month":5}]})");
  EXPECT_EQ(elsewhere.status, 403) << "a village cannot write another organisation's plan";
  Reply viewer = send(login("viewer"), "POST", "/api/v1/drill-plans",
                      R"({"org":"xinmi.chengguan.04","year":2022,"made_on":"2022-01-10","items":[{"drill_type":"flood.evacuation","month":5}]})");
  EXPECT_EQ(viewer.status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM drill_plan_items"), before);
}

TEST_F(DrillPlansWebTest, EvaluationApiOnePerDrillWithinScope) {
  Login village = login("village");
  const sdk::RecordId drill = drillOf(village, "xinmi.chengguan.04", "2024-05-10");
  ASSERT_NE(drill, 0);
  const std::string path = "/api/v1/drills/" + std::to_string(drill) + "/evaluation";
  EXPECT_EQ(get(village, path).status, 404);
  Reply missing = send(village, "POST", path, R"({"verdict":"good","date":"2024-05-20"})");
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(missing.errorField(), "evaluator");
  Reply early = send(village, "POST", path, R"({"verdict":"良","evaluator":"镇应急办","date":"2024-05-01"})");
  EXPECT_EQ(early.status, 422);
  EXPECT_EQ(early.errorField(), "date");
  Reply other = send(login("other"), "POST", path, R"({"verdict":"良","evaluator":"镇应急办","date":"2024-05-20"})");
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM drill_evaluations WHERE drill_id = " + std::to_string(drill)), 0);
  Reply ok = send(village, "POST", path,
                  R"({"verdict":"良","evaluator":"镇应急办","date":"2024-05-20","findings":"路线标识不清","suggestions":"增设指示牌"})");
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json()->getValue<std::string>("verdict"), "good");
  EXPECT_EQ(ok.json()->getValue<std::string>("verdict_label"), "良");
  Reply again = send(village, "POST", path, R"({"verdict":"优","evaluator":"镇应急办","date":"2024-05-21"})");
  EXPECT_EQ(again.status, 422);
  EXPECT_EQ(again.errorField(), "drill_id");
  Reply shown = get(village, path);
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.json()->getValue<std::string>("suggestions"), "增设指示牌");
}

TEST_F(DrillPlansWebTest, PlanPageFormAndTable) {
  Login village = login("village");
  Reply page = get(village, "/drill-plans?year=2021");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("年度演练计划"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"drill-plan-form\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"no-drill-plans\""), std::string::npos);
  const std::map<std::string, std::string> fields = {{"csrf_token", village.csrf}, {"org", "xinmi.chengguan.04"},
                                                     {"year", "2021"},         {"made_on", "2021-01-08"},
                                                     {"drill_type", "flood.evacuation"}, {"month", "7"}};
  auto bad = fields;
  bad["month"] = "0";
  Reply refused = postForm(village, "/drill-plans", bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("data-field=\"items[1].month\""), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("计划月份应为 1 至 12"), std::string::npos);
  auto elsewhere = fields;
  elsewhere["org"] = "xinmi.micun.05";
  EXPECT_EQ(postForm(village, "/drill-plans", elsewhere).status, 403);
  auto no_csrf = fields;
  no_csrf.erase("csrf_token");
  EXPECT_EQ(postFormWithoutToken(village, "/drill-plans", no_csrf).status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM drill_plans WHERE year = 2021"), 0);

  Reply added = postForm(village, "/drill-plans", fields);
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(added.headers["Location"], "/drill-plans?org=xinmi.chengguan.04&year=2021&added=1");
  Reply shown = get(village, "/drill-plans?org=xinmi.chengguan.04&year=2021&added=1");
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("id=\"drill-plan-added\""), std::string::npos);
  EXPECT_NE(shown.body.find("data-status=\"missing\""), std::string::npos) << "no 2021 drill: missing";
  EXPECT_NE(shown.body.find("防汛"), std::string::npos);
  Reply english = get(village, "/drill-plans?org=xinmi.chengguan.04&year=2021&lang=en");
  EXPECT_NE(english.body.find("Annual drill plans"), std::string::npos);
}

TEST_F(DrillPlansWebTest, EvaluationFormOnTheDrillPage) {
  Login village = login("village");
  const sdk::RecordId drill = drillOf(village, "xinmi.chengguan.04", "2024-06-10");
  ASSERT_NE(drill, 0);
  const std::string path = "/drills/" + std::to_string(drill);
  Reply page = get(village, path);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"evaluation-form\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"evaluation-due\""), std::string::npos);
  Reply viewer = get(login("viewer"), path);
  EXPECT_EQ(viewer.status, 200);
  EXPECT_EQ(viewer.body.find("id=\"evaluation-form\""), std::string::npos) << "no form without write scope";
  Reply refused = postForm(village, path + "/evaluation",
                           {{"csrf_token", village.csrf}, {"verdict", "good"}, {"date", "2024-06-12"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("data-field=\"evaluator\""), std::string::npos);
  Reply ok = postForm(village, path + "/evaluation",
                      {{"csrf_token", village.csrf},
                       {"verdict", "fair"},
                       {"evaluator", "城关镇应急办"},
                       {"date", "2024-06-12"},
                       {"findings", "群众转移慢"},
                       {"suggestions", "修订转移路线"}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(ok.headers["Location"], path + "?evaluated=1");
  Reply after = get(village, path + "?evaluated=1");
  EXPECT_NE(after.body.find("id=\"drill-evaluation\""), std::string::npos);
  EXPECT_NE(after.body.find("修订转移路线"), std::string::npos);
  EXPECT_EQ(after.body.find("id=\"evaluation-form\""), std::string::npos) << "one evaluation per drill";
}

}  // namespace
}  // namespace beacon::http::testing
