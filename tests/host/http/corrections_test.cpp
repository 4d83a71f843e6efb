// Correcting and voiding drills over a real socket: the API (PATCH, POST
// .../void), the pages (edit form, 作废 form) and what a void does to
// lists, counts, checks and summaries.
#include <regex>

#include <Poco/URI.h>

#include "host/http/web_fixture.h"
#include "service/record_checks.h"

namespace beacon::http::testing {
namespace {

class CorrectionsTest : public WebFixture {
 protected:
  // A flood drill of xinmi.chengguan.04 logged through the API by `who`.
  static sdk::RecordId logDrill(const Login& who, int participants = 430,
                                const std::string& date = "2024-05-10") {
    Reply r = send(who, "POST", "/api/v1/drills",
                   R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":")" +
                       date + R"(","participants":)" + std::to_string(participants) +
                       R"(,"fields":{"hazard":"flash_flood"}})");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()->getValue<sdk::RecordId>("id") : 0;
  }
  static std::string drillPath(sdk::RecordId id) { return "/api/v1/drills/" + std::to_string(id); }
  static void backdate(sdk::RecordId id, int days) {
    const std::string day = service::today().addDays(-days).toString();
    app_->db().session() << "UPDATE drills SET created_at = '" + day +
                                "T08:00:00Z' WHERE id = " + std::to_string(id),
        Poco::Data::Keywords::now;
  }
  static int participants(sdk::RecordId id) {
    return count("SELECT participants FROM drills WHERE id = " + std::to_string(id));
  }
};

TEST_F(CorrectionsTest, TheRecorderCorrectsItsDrillAndTheHistoryShowsBeforeAfterWhoAndReason) {
  Login village = login("village");
  const auto id = logDrill(village);
  const int audits = count("SELECT COUNT(*) FROM audit_log");
  Reply r = send(village, "PATCH", drillPath(id),
                 R"({"participants":43,"reason":"参演人数多录了一个0"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("participants"), 43);
  EXPECT_FALSE(r.json()->getValue<bool>("voided"));
  auto history = r.json()->getArray("corrections");
  ASSERT_EQ(history->size(), 1u);
  auto entry = history->getObject(0);
  EXPECT_EQ(entry->getValue<std::string>("by"), "village");
  EXPECT_EQ(entry->getValue<std::string>("action"), "correct");
  EXPECT_EQ(entry->getValue<std::string>("reason"), "参演人数多录了一个0");
  auto change = entry->getArray("changes")->getObject(0);
  EXPECT_EQ(change->getValue<std::string>("field"), "participants");
  EXPECT_EQ(change->getValue<std::string>("before"), "430");
  EXPECT_EQ(change->getValue<std::string>("after"), "43");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audits + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'correct' AND entity = 'drill' "
                  "AND entity_id = " +
                  std::to_string(id) +
                  " AND before_json LIKE '%\"participants\":430%'"
                  " AND after_json LIKE '%\"participants\":43,%' AND after_json LIKE "
                  "'%参演人数多录了一个0%'"),
            1);
  // The page shows the history readably.
  Reply page = get(village, "/drills/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("参演人数：430 → 43"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"correct-drill\""), std::string::npos);
}

TEST_F(CorrectionsTest, ScopeOtherVillagesAndViewersNeverTheTownshipAndAdministratorAlways) {
  Login village = login("village");
  const auto id = logDrill(village);
  EXPECT_EQ(
      send(login("other"), "PATCH", drillPath(id), R"({"participants":43,"reason":"x"})").status,
      403);
  EXPECT_EQ(
      send(login("viewer"), "PATCH", drillPath(id), R"({"participants":43,"reason":"x"})").status,
      403);
  EXPECT_EQ(send(login("viewer"), "POST", drillPath(id) + "/void", R"({"reason":"x"})").status,
            403);
  EXPECT_EQ(
      send(login("locked"), "PATCH", drillPath(id), R"({"participants":43,"reason":"x"})").status,
      403)
      << "a colleague in the same village who did not record it";
  EXPECT_EQ(participants(id), 430);
  EXPECT_EQ(send(login("town"), "PATCH", drillPath(id), R"({"participants":44,"reason":"镇核对"})")
                .status,
            200);
  EXPECT_EQ(send(login("admin"), "PATCH", drillPath(id), R"({"participants":45,"reason":"局核对"})")
                .status,
            200);
  EXPECT_EQ(participants(id), 45);
  // Not the recorder's own: the village's page offers neither the edit link nor the 作废 form.
  const auto town_drill = logDrill(login("town"));
  Reply page = get(village, "/drills/" + std::to_string(town_drill));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("id=\"correct-drill\""), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"void-form\""), std::string::npos);
  EXPECT_EQ(get(village, "/drills/" + std::to_string(town_drill) + "/edit").status, 403);
}

TEST_F(CorrectionsTest, TheRecorderIsRefusedAfterTheCorrectionWindowTheTownshipIsNot) {
  Login village = login("village");
  const auto id = logDrill(village);
  backdate(id, 30);
  EXPECT_EQ(
      send(village, "PATCH", drillPath(id), R"({"participants":43,"reason":"第30天"})").status,
      200);
  backdate(id, 31);
  Reply late = send(village, "PATCH", drillPath(id), R"({"participants":42,"reason":"第31天"})");
  EXPECT_EQ(late.status, 403) << late.body;
  EXPECT_NE(late.body.find("30"), std::string::npos);
  EXPECT_EQ(send(village, "POST", drillPath(id) + "/void", R"({"reason":"第31天"})").status, 403);
  EXPECT_EQ(participants(id), 43);
  EXPECT_EQ(send(login("town"), "PATCH", drillPath(id), R"({"participants":42,"reason":"镇核对"})")
                .status,
            200);
}

TEST_F(CorrectionsTest, BadCorrectionsAre422NamingTheFieldAndWriteNothing) {
  Login village = login("village");
  const auto id = logDrill(village);
  const int audits = count("SELECT COUNT(*) FROM audit_log");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"participants":-1,"reason":"x"})", "participants"},
      {R"({"participants":43})", "reason"},
      {R"({"participants":43,"reason":"  "})", "reason"},
      {R"({"date":"2024-02-30","reason":"x"})", "date"},
      {R"({"fields":{"hazard":"volcano"},"reason":"x"})", "fields.hazard"},
      {R"({"drill_type":"flood.nope","reason":"x"})", "drill_type"},
      {R"({"participants":430,"reason":"x"})", "changes"},
      {R"({"colour":"red","reason":"x"})", "colour"},
  };
  for (const auto& [body, field] : cases) {
    Reply r = send(village, "PATCH", drillPath(id), body);
    EXPECT_EQ(r.status, 422) << body << " " << r.body;
    EXPECT_EQ(r.errorField(), field) << body;
  }
  EXPECT_EQ(send(village, "POST", drillPath(id) + "/void", "{}").errorField(), "reason");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audits);
  EXPECT_EQ(participants(id), 430);
  EXPECT_EQ(send(village, "PATCH", "/api/v1/drills/99999999", R"({"participants":4,"reason":"x"})")
                .status,
            404);
  // The page form: the error beside its field, status 422.
  Reply form = get(village, "/drills/" + std::to_string(id) + "/edit");
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_NE(form.body.find("value=\"430\""), std::string::npos) << "prefilled";
}

TEST_F(CorrectionsTest, AVoidedDrillStaysListedMarkedButLeavesCountsChecksAndSummaries) {
  Login admin = login("admin");
  Login village = login("village");
  // A drill that meets a duty of the village: its 2025 pre-season drill (flood season from 05-15),
  // checked as of a day after it (a drill after the season would only count for the next year).
  const auto id = logDrill(village, 30, "2025-05-10");
  const std::string obligations = "/api/v1/obligations?org=xinmi.chengguan.04&as_of=2025-06-01";
  auto metBy = [&](sdk::RecordId drill) {
    Reply r = get(admin, obligations);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body.find("\"kind\":\"drill\",\"id\":" + std::to_string(drill) + ",") !=
               std::string::npos ||
           r.body.find("\"id\":" + std::to_string(drill) + ",\"kind\":\"drill\"") !=
               std::string::npos;
  };
  ASSERT_TRUE(metBy(id)) << get(admin, obligations).body;
  const std::string year = "2025";
  Reply summary_before =
      get(admin, "/api/v1/summaries?kind=city-annual&year=" + year + "&format=json");
  ASSERT_EQ(summary_before.status, 200);
  const int total_before = get(admin, "/api/v1/drills?limit=1").json()->getValue<int>("total");

  Reply voided = send(village, "POST", drillPath(id) + "/void", R"({"reason":"重复登记"})");
  ASSERT_EQ(voided.status, 200) << voided.body;
  EXPECT_TRUE(voided.json()->getValue<bool>("voided"));
  EXPECT_EQ(voided.json()->getValue<std::string>("void_reason"), "重复登记");
  EXPECT_EQ(voided.json()->getValue<std::string>("voided_by"), "village");

  EXPECT_FALSE(metBy(id)) << "the engine saw the void through rule_changes";
  EXPECT_NE(get(admin, "/api/v1/summaries?kind=city-annual&year=" + year + "&format=json").body,
            summary_before.body);
  // Listed with its flag; the total still counts what is listed.
  Reply list = get(village, "/api/v1/drills?org=xinmi.chengguan.04&limit=500");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("\"id\":" + std::to_string(id) + ","), std::string::npos);
  EXPECT_EQ(get(admin, "/api/v1/drills?limit=1").json()->getValue<int>("total"), total_before);
  const std::regex item("\\{\"id\":" + std::to_string(id) +
                        ",[^{}]*(\\{[^{}]*\\})?[^{}]*\"voided\":true\\}");
  EXPECT_TRUE(std::regex_search(list.body, item)) << list.body.substr(0, 2000);
  Reply page = get(village, "/drills?org=xinmi.chengguan.04");
  EXPECT_NE(page.body.find("已作废"), std::string::npos);
  Reply detail = get(village, "/drills/" + std::to_string(id));
  EXPECT_NE(detail.body.find("id=\"voided-mark\""), std::string::npos);
  EXPECT_NE(detail.body.find("重复登记"), std::string::npos);
  EXPECT_EQ(detail.body.find("id=\"void-form\""), std::string::npos) << "final";
  // A void is final.
  EXPECT_EQ(send(village, "POST", drillPath(id) + "/void", R"({"reason":"再次"})").status, 409);
  EXPECT_EQ(send(admin, "PATCH", drillPath(id), R"({"participants":3,"reason":"x"})").status, 409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills WHERE id = " + std::to_string(id)), 1)
      << "never deleted";
}

TEST_F(CorrectionsTest, ThePageFormsCorrectAndVoidWithTheirCsrfToken) {
  Login village = login("village");
  const auto id = logDrill(village);
  const std::string edit = "/drills/" + std::to_string(id) + "/edit";
  Reply form = get(village, edit);
  ASSERT_EQ(form.status, 200);
  std::map<std::string, std::string> fields = {
      {"csrf_token", village.csrf},
      {"domain", "flood"},
      {"drill_type", "flood.evacuation"},
      {"org_id", std::to_string(orgId("xinmi.chengguan.04"))},
      {"date", "2024-05-10"},
      {"participants", "43"},
      {"fields.hazard", "flash_flood"},
      {"verdict", "none"}};
  std::string body;
  auto multipart = [&](const std::map<std::string, std::string>& f) {
    const std::string type = multipartBody(f, "", "", "", "", body);
    return request("POST", edit, body, type, {{"Cookie", "beacon_session=" + village.cookie}});
  };
  Reply no_reason = multipart(fields);
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_NE(no_reason.body.find("id=\"error-reason\""), std::string::npos);
  EXPECT_EQ(participants(id), 430);
  auto bad_token = fields;
  bad_token["csrf_token"] = "forged";
  bad_token["reason"] = "x";
  EXPECT_EQ(multipart(bad_token).status, 403);
  fields["reason"] = "参演人数录错";
  Reply ok = multipart(fields);
  EXPECT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(participants(id), 43);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'correct' AND entity_id = " +
                  std::to_string(id)),
            1)
      << "only participants changed";
  const std::string void_path = "/drills/" + std::to_string(id) + "/void";
  EXPECT_EQ(postForm(village, void_path, {{"csrf_token", "forged"}, {"reason", "重复"}}).status,
            403);
  EXPECT_EQ(postForm(village, void_path, {{"csrf_token", village.csrf}, {"reason", ""}}).status,
            422);
  EXPECT_EQ(postForm(village, void_path, {{"csrf_token", village.csrf}, {"reason", "重复"}}).status,
            303);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM drills WHERE voided_at <> '' AND id = " + std::to_string(id)), 1);
}

}  // namespace
}  // namespace beacon::http::testing

namespace beacon::http::testing {
namespace {

class OtherCorrectionsTest : public WebFixture {};

TEST_F(OtherCorrectionsTest, ReviewsFilingsAndCorrectiveActionsAreCorrectedAndVoidedWithTheSameRules) {
  Login admin = login("admin");
  Login viewer = login("viewer");
  const int review = count("SELECT MIN(id) FROM reviews");
  const int plan = count("SELECT plan_id FROM reviews WHERE id = " + std::to_string(review));
  const std::string rpath = "/api/v1/reviews/" + std::to_string(review);
  EXPECT_EQ(send(viewer, "PATCH", rpath, R"({"findings":"补充","reason":"漏填"})").status, 403);
  Reply bad = send(admin, "PATCH", rpath, R"({"date":"2024-02-30","reason":"x"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.errorField(), "date");
  EXPECT_EQ(send(admin, "PATCH", rpath, R"({"findings":"补充"})").errorField(), "reason");
  Reply ok = send(admin, "PATCH", rpath, R"({"findings":"补充的问题","reason":"漏填"})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()->getValue<std::string>("findings"), "补充的问题");
  auto history = ok.json()->getArray("corrections");
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ(history->getObject(0)->getArray("changes")->getObject(0)->getValue<std::string>("field"), "findings");
  Reply voided = send(admin, "POST", rpath + "/void", R"({"reason":"重复录入"})");
  ASSERT_EQ(voided.status, 200) << voided.body;
  EXPECT_TRUE(voided.json()->getValue<bool>("voided"));
  Reply detail = get(admin, "/api/v1/plans/" + std::to_string(plan));
  EXPECT_NE(detail.body.find("\"voided\":true"), std::string::npos);
  EXPECT_EQ(send(admin, "POST", rpath + "/void", R"({"reason":"再次"})").status, 409);

  const int filing = count("SELECT MIN(id) FROM filings");
  const std::string fpath = "/api/v1/filings/" + std::to_string(filing);
  Reply early = send(admin, "PATCH", fpath, R"({"submitted":"1990-01-01","reason":"x"})");
  EXPECT_EQ(early.status, 422);
  EXPECT_EQ(early.errorField(), "submitted");
  Reply filed = send(admin, "PATCH", fpath, R"({"registration_no":"XM-BA-2023-001","reason":"编号录错"})");
  ASSERT_EQ(filed.status, 200) << filed.body;
  EXPECT_EQ(filed.json()->getValue<std::string>("registration_no"), "XM-BA-2023-001");

  Login village = login("village");
  Reply drill = send(village, "POST", "/api/v1/drills",
                     R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-10",)"
                     R"("fields":{"hazard":"flash_flood"}})");
  ASSERT_EQ(drill.status, 201);
  Reply action = send(village, "POST", "/api/v1/corrective-actions",
                      R"({"source_kind":"drill","source_id":)" + std::to_string(drill.json()->getValue<int>("id")) +
                          R"(,"description":"补充指示牌","responsible_org_id":)" +
                          std::to_string(orgId("xinmi.chengguan.04")) + "}");
  ASSERT_EQ(action.status, 201) << action.body;
  const std::string apath = "/api/v1/corrective-actions/" + std::to_string(action.json()->getValue<int>("id"));
  EXPECT_EQ(send(login("other"), "PATCH", apath, R"({"description":"x","reason":"y"})").status, 403);
  Reply corrected = send(village, "PATCH", apath, R"({"description":"补充转移路线指示牌","reason":"措辞"})");
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  EXPECT_EQ(corrected.json()->getValue<std::string>("description"), "补充转移路线指示牌");
  EXPECT_EQ(send(village, "PATCH", apath, R"({"status":"done"})").status, 200) << "the status change stays";
  EXPECT_EQ(send(village, "POST", apath + "/void", R"({"reason":"重复"})").status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action IN ('correct', 'void')"
                  " AND entity IN ('review', 'filing', 'corrective_action')"),
            5)
      << "review corrected and voided, filing corrected, action corrected and voided";
}

}  // namespace
}  // namespace beacon::http::testing
