// The JSON API over a real socket: error shapes (400, 401, 404, 405, 413,
// 422, 500), every resource's success path, and that failed writes write nothing.
#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/StreamCopier.h>

#include "host/http/web_fixture.h"
#include "store/transaction.h"

namespace beacon::http::testing {
namespace {

class ApiTest : public WebFixture {};

TEST_F(ApiTest, UnauthenticatedRequestGets401InTheErrorShape) {
  Reply r = request("GET", "/api/v1/drills");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.errorCode(), "unauthenticated");
  EXPECT_NE(r.content_type.find("application/json"), std::string::npos);
}

TEST_F(ApiTest, BadBearerTokenIs401AndGoodOneWorks) {
  EXPECT_EQ(request("GET", "/api/v1/me", "", "", {{"Authorization", "Bearer bcn_nope"}}).status, 401);
  Reply r = request("GET", "/api/v1/me", "", "", {{"Authorization", "Bearer " + apiToken("village")}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("username"), "village");
}

TEST_F(ApiTest, UnknownRouteIs404NotPoco501) {
  Login admin = login("admin");
  Reply r = get(admin, "/api/v1/no-such-thing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.errorCode(), "not_found");
  Reply page = get(admin, "/no/such/page");
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(page.content_type.find("text/html"), std::string::npos);
}

TEST_F(ApiTest, WrongMethodIs405WithAllow) {
  Login admin = login("admin");
  Reply r = send(admin, "PUT", "/api/v1/drills", "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.errorCode(), "method_not_allowed");
  EXPECT_EQ(r.headers["Allow"], "GET, POST");
}

TEST_F(ApiTest, OversizedBodyIs413BeforeReading) {
  Login admin = login("admin");
  const int before = count("SELECT COUNT(*) FROM drills");
  Reply r = send(admin, "POST", "/api/v1/drills", std::string(70 * 1024, ' '));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.errorCode(), "payload_too_large");
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), before);
}

TEST_F(ApiTest, OversizedDeclaredLengthIs413WithoutWaitingForTheBody) {
  Login admin = login("admin");
  Poco::Net::HTTPClientSession session("127.0.0.1", server_->port());
  session.setTimeout(Poco::Timespan(10, 0));
  Poco::Net::HTTPRequest req("POST", "/api/v1/drills", Poco::Net::HTTPMessage::HTTP_1_1);
  req.set("Cookie", "beacon_session=" + admin.cookie);
  req.set("X-CSRF-Token", admin.csrf);
  req.setContentType("application/json");
  req.setContentLength(100 * 1024 * 1024);
  session.sendRequest(req) << "{\"drill_type\":";
  Poco::Net::HTTPResponse resp;
  std::string body;
  Poco::StreamCopier::copyToString(session.receiveResponse(resp), body);
  EXPECT_EQ(resp.getStatus(), 413);
  EXPECT_NE(body.find("payload_too_large"), std::string::npos);
}

TEST_F(ApiTest, MalformedJsonIs400) {
  Login admin = login("admin");
  Reply r = send(admin, "POST", "/api/v1/drills", "{\"drill_type\": ");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.errorCode(), "bad_request");
  EXPECT_EQ(send(admin, "POST", "/api/v1/drills", "[1,2]").status, 400);
}

TEST_F(ApiTest, BadQueryParameterIs400NamingIt) {
  Login admin = login("admin");
  Reply r = get(admin, "/api/v1/drills?limit=abc");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.errorField(), "limit");
  EXPECT_EQ(get(admin, "/api/v1/drills?from=2023-13-01").errorField(), "from");
  EXPECT_EQ(get(admin, "/api/v1/obligations?domain=volcano").errorField(), "domain");
}

TEST_F(ApiTest, HandlerExceptionIsJson500AndTheConnectionSurvives) {
  Login admin = login("admin");
  Poco::Net::HTTPClientSession session("127.0.0.1", server_->port());
  for (const std::string path : {"/api/v1/test/throw", "/api/v1/me"}) {
    Poco::Net::HTTPRequest req("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
    req.set("Cookie", "beacon_session=" + admin.cookie);
    req.setKeepAlive(true);
    session.sendRequest(req);
    Poco::Net::HTTPResponse resp;
    std::string body;
    Poco::StreamCopier::copyToString(session.receiveResponse(resp), body);
    if (path == "/api/v1/test/throw") {
      EXPECT_EQ(resp.getStatus(), 500);
      EXPECT_NE(body.find("\"internal_error\""), std::string::npos);
      EXPECT_EQ(body.find("boom"), std::string::npos) << "internal details must not leak";
    } else {
      EXPECT_EQ(resp.getStatus(), 200) << "same keep-alive connection still answers";
    }
  }
  Reply page = get(admin, "/test/throw");
  EXPECT_EQ(page.status, 500);
  EXPECT_NE(page.content_type.find("text/html"), std::string::npos);
}

TEST_F(ApiTest, CreateDrillWritesItWithTheUserInTheAuditLog) {
  Login village = login("village");
  const int before = count("SELECT COUNT(*) FROM drills");
  Reply r = send(village, "POST", "/api/v1/drills",
                 R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-10",)"
                 R"("participants":80,"evacuees":30,"fields":{"hazard":"山洪"}})");
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = r.json()->getValue<Poco::Int64>("id");
  EXPECT_EQ(r.json()->getObject("fields")->getValue<std::string>("hazard"), "flash_flood");
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), before + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'drill' AND username = 'village' AND entity_id = " +
                  std::to_string(id)),
            1);
  Reply shown = get(village, "/api/v1/drills/" + std::to_string(id));
  EXPECT_EQ(shown.status, 200);
}

TEST_F(ApiTest, InvalidDrillIs422NamingTheFieldAndWritesNothing) {
  Login village = login("village");
  const int before = count("SELECT COUNT(*) FROM drills");
  Reply r = send(village, "POST", "/api/v1/drills",
                 R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","participants":5,"fields":{"hazard":"flash_flood"}})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.errorCode(), "validation_failed");
  EXPECT_EQ(r.errorField(), "date");
  Reply bad_field = send(village, "POST", "/api/v1/drills",
                         R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-10","fields":{"hazard":"volcano"}})");
  EXPECT_EQ(bad_field.status, 422);
  EXPECT_EQ(bad_field.errorField(), "fields.hazard");
  Reply bad_type = send(village, "POST", "/api/v1/drills",
                        R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-10","participants":"many"})");
  EXPECT_EQ(bad_type.status, 422);
  EXPECT_EQ(bad_type.errorField(), "participants");
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), before);
}

TEST_F(ApiTest, DrillListFiltersAndPaginatesWithTotal) {
  Login admin = login("admin");
  Reply r = get(admin, "/api/v1/drills?domain=flood&from=2023-01-01&to=2023-12-31&limit=5&offset=5");
  ASSERT_EQ(r.status, 200) << r.body;
  const int total = r.json()->getValue<int>("total");
  EXPECT_EQ(total, count("SELECT COUNT(*) FROM drills WHERE domain = 'flood' AND drill_date BETWEEN '2023-01-01' AND '2023-12-31'"));
  EXPECT_EQ(r.json()->getArray("items")->size(), 5u);
  Reply sub = get(admin, "/api/v1/drills?org=xinmi.chengguan&limit=500");
  EXPECT_EQ(sub.json()->getValue<int>("total"),
            count("WITH RECURSIVE t(id) AS (SELECT id FROM organisations WHERE code = 'xinmi.chengguan'"
                  " UNION ALL SELECT o.id FROM organisations o JOIN t ON o.parent_id = t.id)"
                  " SELECT COUNT(*) FROM drills WHERE org_id IN (SELECT id FROM t)"));
  EXPECT_EQ(get(admin, "/api/v1/drills?type=flood.nope").errorField(), "type");
}

// The list writes its JSON directly; each item must be byte for byte the
// Poco-built drillItemJson that starts the drill's detail answer.
TEST_F(ApiTest, DrillListItemsMatchTheDetailJsonByteForByte) {
  Login admin = login("admin");
  Reply created = send(admin, "POST", "/api/v1/drills",
                       R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-11",)"
                       // Control characters other than tab and newline are refused on entry (text_limits.h).
                       R"("place":"a/b \"q\" back\\slash\n\ttab <>&'",)"
                       R"("scenario":"山洪 😀 emoji","findings":"x\u2028y","participants":3,"evacuees":1,)"
                       R"("fields":{"hazard":"flash_flood"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json()->getValue<Poco::Int64>("id");
  for (const std::string lang : {"zh", "en"}) {
    Reply detail = get(admin, "/api/v1/drills/" + std::to_string(id) + "?lang=" + lang);
    ASSERT_EQ(detail.status, 200);
    const auto end = detail.body.find(",\"verdict_label\"");
    ASSERT_NE(end, std::string::npos);
    const std::string item = detail.body.substr(0, end) + "}";
    Reply list = get(admin, "/api/v1/drills?org=xinmi.chengguan.04&limit=500&lang=" + lang);
    ASSERT_EQ(list.status, 200);
    EXPECT_NE(list.body.find(item), std::string::npos) << item;
    EXPECT_EQ(list.body.rfind("{\"total\":", 0), 0u);
  }
  // total: counted for a full page, derived from a short one.
  const int all = count("SELECT COUNT(*) FROM drills WHERE org_id = (SELECT id FROM organisations WHERE code = 'xinmi.chengguan.04')");
  for (const std::string q : {"limit=1", "limit=500", "limit=1&offset=1", "limit=500&offset=1", "limit=5&offset=100000"}) {
    Reply r = get(admin, "/api/v1/drills?org=xinmi.chengguan.04&" + q);
    ASSERT_EQ(r.status, 200) << q;
    EXPECT_EQ(r.json()->getValue<int>("total"), all) << q;
  }
  // Without organisation, plan or date filters the total comes from drill_month_counts.
  EXPECT_EQ(get(admin, "/api/v1/drills?limit=1").json()->getValue<int>("total"), count("SELECT COUNT(*) FROM drills"));
  EXPECT_EQ(get(admin, "/api/v1/drills?domain=flood&type=flood.evacuation&limit=1").json()->getValue<int>("total"),
            count("SELECT COUNT(*) FROM drills WHERE domain = 'flood' AND drill_type = 'flood.evacuation'"));
  EXPECT_EQ(get(admin, "/api/v1/drills?domain=fire&limit=1").json()->getValue<int>("total"),
            count("SELECT COUNT(*) FROM drills WHERE domain = 'fire'"));
}

// The owners come from the organisation tree the server keeps: as the organisations table names
// them, also right after a rename by a stamped transaction or by SQL outside one.
TEST_F(ApiTest, APlanListNamesEachOwnerAsTheOrganisationsTableDoes) {
  Login admin = login("admin");
  const auto expectOwners = [&](const std::string& path) {
    Reply list = get(admin, path);
    ASSERT_EQ(list.status, 200) << list.body;
    const auto items = list.json()->getArray("items");
    ASSERT_GT(items->size(), 0u);
    for (std::size_t i = 0; i < items->size(); ++i) {
      const auto item = items->getObject(static_cast<unsigned>(i));
      std::string name, code;
      app_->db().session() << "SELECT name, code FROM organisations WHERE id = $1",
          Poco::Data::Keywords::bind(item->getValue<Poco::Int64>("owner_org_id")),
          Poco::Data::Keywords::into(name), Poco::Data::Keywords::into(code),
          Poco::Data::Keywords::now;
      EXPECT_EQ(item->getValue<std::string>("owner_name"), name) << path << " item " << i;
      EXPECT_EQ(item->getValue<std::string>("owner_code"), code) << path << " item " << i;
    }
  };
  expectOwners("/api/v1/plans?limit=50");
  expectOwners("/api/v1/plans?owner=xinmi.chengguan&limit=50");
  std::string name;
  app_->db().session() << "SELECT name FROM organisations WHERE code = 'xinmi.chengguan'",
      Poco::Data::Keywords::into(name), Poco::Data::Keywords::now;
  {
    store::Transaction tx(app_->db().session());
    app_->db().session()
        << "UPDATE organisations SET name = name || '（更名）' WHERE code = 'xinmi.chengguan'",
        Poco::Data::Keywords::now;
    tx.commit();
  }
  expectOwners("/api/v1/plans?owner=xinmi.chengguan&limit=50");
  app_->db().session()
      << "UPDATE organisations SET code = 'xinmi.chengguan.x' WHERE code = 'xinmi.chengguan'",
      Poco::Data::Keywords::now;
  expectOwners("/api/v1/plans?owner=xinmi.chengguan.x&limit=50");
  expectOwners("/api/v1/plans?limit=50");
  app_->db().session() << "UPDATE organisations SET name = $1, code = 'xinmi.chengguan' WHERE code "
                          "= 'xinmi.chengguan.x'",
      Poco::Data::Keywords::bind(name), Poco::Data::Keywords::now;
  expectOwners("/api/v1/plans?owner=xinmi.chengguan&limit=50");
}

TEST_F(ApiTest, PlansListShowVersionsDiffReviewsFilings) {
  Login admin = login("admin");
  Reply list = get(admin, "/api/v1/plans?domain=flood&limit=3");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()->getValue<int>("total"), count("SELECT COUNT(*) FROM plans WHERE domain = 'flood'"));
  const auto id = list.json()->getArray("items")->getObject(0)->getValue<Poco::Int64>("id");
  const std::string base = "/api/v1/plans/" + std::to_string(id);
  Reply plan = get(admin, base);
  ASSERT_EQ(plan.status, 200);
  EXPECT_TRUE(plan.json()->has("versions"));
  EXPECT_EQ(get(admin, base + "/versions").status, 200);
  EXPECT_EQ(get(admin, base + "/versions/1").status, 200);
  EXPECT_EQ(get(admin, base + "/versions/99").status, 404);

  Reply revised = send(admin, "POST", base + "/versions",
                       R"({"trigger":"risk_changed_major","issued":"2024-03-01","text":"第一章 总则\n新增条款"})");
  ASSERT_EQ(revised.status, 201) << revised.body;
  const int number = revised.json()->getValue<int>("number");
  Reply diff = get(admin, base + "/diff?from=1&to=" + std::to_string(number));
  ASSERT_EQ(diff.status, 200);
  EXPECT_NE(diff.json()->getValue<std::string>("diff").find("+新增条款"), std::string::npos);
  EXPECT_EQ(get(admin, base + "/diff?from=1&to=99").errorField(), "to");
  Reply bad_revise = send(admin, "POST", base + "/versions", R"({"trigger":"because","issued":"2024-03-02"})");
  EXPECT_EQ(bad_revise.status, 422);
  EXPECT_EQ(bad_revise.errorField(), "trigger");

  Reply review = send(admin, "POST", base + "/reviews",
                      R"({"kind":"evaluation","date":"2024-04-01","conclusion":"keep","reviewers":"专家组"})");
  EXPECT_EQ(review.status, 201) << review.body;
  EXPECT_EQ(send(admin, "POST", base + "/reviews", R"({"kind":"evaluation"})").errorField(), "date");
  EXPECT_GE(get(admin, base + "/reviews").json()->getArray("items")->size(), 1u);

  Reply filing = send(admin, "POST", base + "/filings",
                      R"({"target_body":"新密市应急管理局","submitted":"2024-04-02","registration_no":"XM-2024-1"})");
  EXPECT_EQ(filing.status, 201) << filing.body;
  EXPECT_EQ(send(admin, "POST", base + "/filings", R"({"submitted":"2024-04-02"})").errorField(), "target_body");
  EXPECT_GE(get(admin, base + "/filings").json()->getArray("items")->size(), 1u);
}

TEST_F(ApiTest, CreatePlanValidatesAndWritesNothingOnError) {
  Login town = login("town");
  const int before = count("SELECT COUNT(*) FROM plans");
  Reply bad = send(town, "POST", "/api/v1/plans",
                   R"({"code":"T-1","title":"","domain":"flood","category":"special","owner":"xinmi.chengguan"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.errorField(), "title");
  EXPECT_EQ(count("SELECT COUNT(*) FROM plans"), before);
  Reply ok = send(town, "POST", "/api/v1/plans",
                  R"({"code":"T-1","title":"城关镇防汛应急预案（测试）","domain":"flood","category":"special",)"
                  R"("owner":"xinmi.chengguan","version":{"issued":"2024-01-05","text":"正文"}})");
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM plans"), before + 1);
}

TEST_F(ApiTest, CorrectiveActionsCreateListAndClose) {
  Login village = login("village");
  Reply drills = get(village, "/api/v1/drills?limit=1");
  const auto drill = drills.json()->getArray("items")->getObject(0)->getValue<Poco::Int64>("id");
  const std::string body = R"({"source_kind":"drill","source_id":)" + std::to_string(drill) +
                           R"(,"description":"补充转移路线指示牌","responsible_org_id":)" +
                           std::to_string(orgId("xinmi.chengguan.04")) + R"(,"due":"2024-06-30"})";
  Reply created = send(village, "POST", "/api/v1/corrective-actions", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json()->getValue<Poco::Int64>("id");
  Reply listed = get(village, "/api/v1/corrective-actions?drill=" + std::to_string(drill));
  EXPECT_GE(listed.json()->getArray("items")->size(), 1u);
  Reply closed = send(village, "PATCH", "/api/v1/corrective-actions/" + std::to_string(id), R"({"status":"done"})");
  EXPECT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()->getValue<std::string>("status"), "done");
  EXPECT_EQ(send(village, "PATCH", "/api/v1/corrective-actions/" + std::to_string(id), R"({"status":"maybe"})")
                .errorField(),
            "status");
  EXPECT_EQ(send(village, "POST", "/api/v1/corrective-actions", R"({"source_kind":"drill","description":""})").status,
            422);
}

TEST_F(ApiTest, ObligationsSummariesPluginsOrganisations) {
  Login admin = login("admin");
  Reply ob = get(admin, "/api/v1/obligations?as_of=2023-12-31&org=xinmi.chengguan&status=overdue");
  ASSERT_EQ(ob.status, 200) << ob.body;
  auto items = ob.json()->getArray("items");
  for (std::size_t i = 0; i < items->size(); ++i) {
    EXPECT_EQ(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("status"), "overdue");
  }
  EXPECT_EQ(get(admin, "/api/v1/obligations?status=late").errorField(), "status");

  Reply text = get(admin, "/api/v1/summaries?kind=city-annual&year=2023&format=text");
  ASSERT_EQ(text.status, 200) << text.body;
  EXPECT_NE(text.content_type.find("text/plain"), std::string::npos);
  EXPECT_NE(get(admin, "/api/v1/summaries?kind=city-annual&year=2023&format=html").content_type.find("text/html"),
            std::string::npos);
  EXPECT_NE(get(admin, "/api/v1/summaries?kind=plan-status&as_of=2023-12-31&format=json").content_type.find("json"),
            std::string::npos);
  EXPECT_EQ(get(admin, "/api/v1/summaries?kind=city-annual&year=2023&format=markdown").content_type,
            "text/markdown; charset=utf-8");
  Reply bad = get(admin, "/api/v1/summaries?kind=nonsense&year=2023");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.errorField(), "kind");

  Reply plugins = get(admin, "/api/v1/plugins");
  ASSERT_EQ(plugins.status, 200);
  EXPECT_GE(plugins.json()->getArray("items")->size(), 1u);
  Reply flood = get(admin, "/api/v1/plugins/flood");
  ASSERT_EQ(flood.status, 200);
  EXPECT_GE(flood.json()->getArray("drill_types")->size(), 1u);
  EXPECT_EQ(get(admin, "/api/v1/plugins/volcano").status, 404);

  Reply orgs = get(admin, "/api/v1/organisations");
  EXPECT_EQ(orgs.json()->getValue<int>("total"), count("SELECT COUNT(*) FROM organisations"));
  EXPECT_EQ(get(admin, "/api/v1/organisations/tree").status, 200);
  EXPECT_EQ(get(admin, "/api/v1/organisations/" + std::to_string(orgId("xinmi.micun"))).status, 200);
  EXPECT_EQ(get(admin, "/api/v1/organisations/999999").status, 404);
}

}  // namespace
}  // namespace beacon::http::testing
