// Write routes check every id the client supplies against the writer's scope
// (issue 9, item 3). A corrective action's source (drill or review) must
// exist and be writable, with one answer for "missing" and "out of scope";
// its plan is the source's own (a client plan_id that differs is refused);
// a plan defect needs write scope on that plan. A drill's plan must be its
// organisation's or one above it, with one answer for "missing" and
// "elsewhere".
#include <Poco/String.h>
#include <gtest/gtest.h>

#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

class WriteScopeTest : public WebFixture {
 protected:
  static std::string village() { return std::to_string(orgId("xinmi.chengguan.04")); }
  static std::string message(const Reply& r) {
    return r.json()->getObject("error")->getValue<std::string>("message");
  }
  static int revisionRequired(int plan) {
    return count("SELECT revision_required FROM plans WHERE id = " + std::to_string(plan));
  }
  static std::string action(const std::string& source, const std::string& extra) {
    return R"({"description":"修订预案中的转移路线","responsible_org_id":)" + village() + "," +
           source + (extra.empty() ? "" : "," + extra) + "}";
  }
  // A drill of the village logged now, naming plan `plan_id` (0: none).
  static std::string villageDrill(int plan_id) {
    Reply r =
        send(login("village"), "POST", "/api/v1/drills",
             R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-03",)"
             R"("fields":{"hazard":"river"})" +
                 (plan_id ? ",\"plan_id\":" + std::to_string(plan_id) : std::string()) + "}");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()->getValue<std::string>("id") : "0";
  }
};

TEST_F(WriteScopeTest, VillageCannotFlagACityPlanThroughAReviewOrASourcelessAction) {
  const int city_plan = count(
      "SELECT MIN(p.id) FROM plans p JOIN organisations o ON o.id = p.owner_org_id "
      "WHERE o.code = 'xinmi' AND p.revision_required = 0 "
      "AND EXISTS (SELECT 1 FROM reviews r WHERE r.plan_id = p.id)");
  ASSERT_GT(city_plan, 0);
  const std::string review = std::to_string(
      count("SELECT MIN(id) FROM reviews WHERE plan_id = " + std::to_string(city_plan)));
  const std::string plan = std::to_string(city_plan);
  Login village = login("village");
  EXPECT_EQ(get(village, "/api/v1/plans/" + plan).status, 403);
  const int actions = count("SELECT COUNT(*) FROM corrective_actions");

  Reply by_review = send(village, "POST", "/api/v1/corrective-actions",
                         action(R"("source_kind":"review","source_id":)" + review,
                                R"("plan_id":)" + plan + R"(,"plan_defect":true)"));
  EXPECT_EQ(by_review.status, 422) << by_review.body;
  EXPECT_EQ(by_review.errorField(), "source_id");
  Reply no_review = send(village, "POST", "/api/v1/corrective-actions",
                         action(R"("source_kind":"review","source_id":987654321)",
                                R"("plan_id":)" + plan + R"(,"plan_defect":true)"));
  EXPECT_EQ(no_review.status, by_review.status);
  EXPECT_EQ(no_review.errorField(), "source_id");
  EXPECT_EQ(message(no_review), message(by_review));

  Reply sourceless =
      send(village, "POST", "/api/v1/corrective-actions",
           action(R"("source_kind":"drill")", R"("plan_id":)" + plan + R"(,"plan_defect":true)"));
  EXPECT_EQ(sourceless.status, 422) << sourceless.body;
  EXPECT_EQ(sourceless.errorField(), "source_id");
  // Nor does naming a plan id that does not exist tell it apart.
  Reply no_plan =
      send(village, "POST", "/api/v1/corrective-actions",
           action(R"("source_kind":"drill")", R"("plan_id":987654321,"plan_defect":true)"));
  EXPECT_EQ(no_plan.status, sourceless.status);
  EXPECT_EQ(message(no_plan), message(sourceless));

  EXPECT_EQ(revisionRequired(city_plan), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM corrective_actions"), actions);
  // The city office itself may.
  Reply admin =
      send(login("admin"), "POST", "/api/v1/corrective-actions",
           action(R"("source_kind":"review","source_id":)" + review, R"("plan_defect":true)"));
  ASSERT_EQ(admin.status, 201) << admin.body;
  EXPECT_EQ(admin.json()->getValue<int>("plan_id"), city_plan);
  EXPECT_EQ(revisionRequired(city_plan), 1);
}

TEST_F(WriteScopeTest, AnotherVillagesDrillIsAnsweredLikeAMissingOne) {
  Reply other = send(
      login("other"), "POST", "/api/v1/drills",
      R"({"drill_type":"flood.evacuation","org":"xinmi.micun.05","date":"2024-05-03","fields":{"hazard":"river"}})");
  ASSERT_EQ(other.status, 201) << other.body;
  Login village = login("village");
  const int actions = count("SELECT COUNT(*) FROM corrective_actions");
  Reply theirs = send(
      village, "POST", "/api/v1/corrective-actions",
      action(R"("source_kind":"drill","source_id":)" + other.json()->getValue<std::string>("id"),
             ""));
  Reply missing = send(village, "POST", "/api/v1/corrective-actions",
                       action(R"("source_kind":"drill","source_id":987654321)", ""));
  EXPECT_EQ(theirs.status, 422) << theirs.body;
  EXPECT_EQ(missing.status, theirs.status);
  EXPECT_EQ(theirs.errorField(), "source_id");
  EXPECT_EQ(message(missing), message(theirs));
  EXPECT_EQ(count("SELECT COUNT(*) FROM corrective_actions"), actions);
}

TEST_F(WriteScopeTest, ThePlanIsTheSourcesOwnAndADefectNeedsWriteScopeOnIt) {
  const int own_plan = count(
      "SELECT MIN(p.id) FROM plans p JOIN organisations o ON o.id = p.owner_org_id "
      "WHERE o.code = 'xinmi.chengguan.04' AND p.domain IN ('flood', 'general') "
      "AND p.current_version > 0");
  const int city_plan = count(
      "SELECT MIN(p.id) FROM plans p JOIN organisations o ON o.id = p.owner_org_id "
      "WHERE o.code = 'xinmi' AND p.domain IN ('flood', 'general') "
      "AND p.current_version > 0 AND p.revision_required = 0");
  ASSERT_GT(own_plan, 0);
  ASSERT_GT(city_plan, 0);
  Login village = login("village");
  const int actions = count("SELECT COUNT(*) FROM corrective_actions");

  // A drill of the village that exercised the city's plan: an action, yes; a defect of that plan,
  // no.
  const std::string city_drill = villageDrill(city_plan);
  Reply defect =
      send(village, "POST", "/api/v1/corrective-actions",
           action(R"("source_kind":"drill","source_id":)" + city_drill, R"("plan_defect":true)"));
  EXPECT_EQ(defect.status, 403) << defect.body;
  EXPECT_EQ(defect.errorField(), "plan_defect");
  EXPECT_EQ(revisionRequired(city_plan), 0);
  // A plan_id that is not the drill's is refused, naming it.
  const std::string own_drill = villageDrill(own_plan);
  Reply other_plan = send(village, "POST", "/api/v1/corrective-actions",
                          action(R"("source_kind":"drill","source_id":)" + own_drill,
                                 R"("plan_id":)" + std::to_string(city_plan)));
  EXPECT_EQ(other_plan.status, 422) << other_plan.body;
  EXPECT_EQ(other_plan.errorField(), "plan_id");
  // A drill without a plan has no plan to be defective.
  Reply planless = send(
      village, "POST", "/api/v1/corrective-actions",
      action(R"("source_kind":"drill","source_id":)" + villageDrill(0), R"("plan_defect":true)"));
  EXPECT_EQ(planless.status, 422) << planless.body;
  EXPECT_EQ(planless.errorField(), "plan_defect");
  EXPECT_EQ(count("SELECT COUNT(*) FROM corrective_actions"), actions);

  // The plan comes from the source.
  Reply plain = send(village, "POST", "/api/v1/corrective-actions",
                     action(R"("source_kind":"drill","source_id":)" + city_drill, ""));
  ASSERT_EQ(plain.status, 201) << plain.body;
  EXPECT_EQ(plain.json()->getValue<int>("plan_id"), city_plan);
  // The village's own plan: a defect may be recorded, and the plan is flagged.
  Reply own_defect =
      send(village, "POST", "/api/v1/corrective-actions",
           action(R"("source_kind":"drill","source_id":)" + own_drill,
                  R"("plan_id":)" + std::to_string(own_plan) + R"(,"plan_defect":true)"));
  ASSERT_EQ(own_defect.status, 201) << own_defect.body;
  EXPECT_EQ(revisionRequired(own_plan), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM corrective_actions"), actions + 2);
}

TEST_F(WriteScopeTest, ADrillsPlanOutsideItsLineIsAnsweredLikeAMissingOne) {
  const int elsewhere = count(
      "SELECT MIN(p.id) FROM plans p JOIN organisations o ON o.id = p.owner_org_id "
      "WHERE o.code LIKE 'xinmi.micun%' AND p.domain IN ('flood', 'general')");
  ASSERT_GT(elsewhere, 0);
  Login village = login("village");
  const int drills = count("SELECT COUNT(*) FROM drills");
  const std::string head =
      R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-03","fields":{"hazard":"river"},)";
  Reply theirs = send(village, "POST", "/api/v1/drills",
                      head + R"("plan_id":)" + std::to_string(elsewhere) + "}");
  Reply missing = send(village, "POST", "/api/v1/drills", head + R"("plan_id":987654321})");
  EXPECT_EQ(theirs.status, 422) << theirs.body;
  EXPECT_EQ(missing.status, 422) << missing.body;
  EXPECT_EQ(theirs.errorField(), "plan_id");
  EXPECT_EQ(missing.errorField(), "plan_id");
  EXPECT_EQ(Poco::replace(message(theirs), std::to_string(elsewhere), std::string("N")),
            Poco::replace(message(missing), std::string("987654321"), std::string("N")));

  const std::string code = "XM-" + std::to_string(elsewhere);
  ASSERT_EQ(count("SELECT COUNT(*) FROM plans WHERE code = '" + code + "'"), 1);
  Reply by_code = send(village, "POST", "/api/v1/drills", head + R"("plan":")" + code + "\"}");
  Reply no_code = send(village, "POST", "/api/v1/drills", head + R"("plan":"NO-SUCH-PLAN"})");
  EXPECT_EQ(by_code.status, 422) << by_code.body;
  EXPECT_EQ(no_code.status, 422) << no_code.body;
  EXPECT_EQ(by_code.errorField(), "plan");
  EXPECT_EQ(Poco::replace(message(by_code), code, std::string("N")),
            Poco::replace(message(no_code), std::string("NO-SUCH-PLAN"), std::string("N")));
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), drills);
}

}  // namespace
}  // namespace beacon::http::testing
