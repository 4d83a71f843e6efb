// Role scoping through the API and the pages, CSRF, session expiry, login
// rate limiting, attachments (JPEG accepted, .exe refused, download scoped)
// and the calendar feed.
#include <Poco/JSON/Array.h>

#include "auth/calendar_feed_store.h"
#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class SecurityTest : public WebFixture {
 protected:
  // The id of a drill of `org_code` (logged now through the API by admin).
  sdk::RecordId drillOf(const std::string& org_code) {
    Login admin = login("admin");
    Reply r = send(admin, "POST", "/api/v1/drills",
                   R"({"drill_type":"flood.evacuation","org":")" + org_code +
                       R"(","date":"2024-05-01","participants":20,"fields":{"hazard":"river"}})");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()->getValue<Poco::Int64>("id");
  }
  static std::string ids(const Reply& list) {
    std::string out;
    auto items = list.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
      out += items->getObject(static_cast<unsigned>(i))->getValue<std::string>("org_code") + " ";
    }
    return out;
  }
};

TEST_F(SecurityTest, VillageUserCannotSeeOrChangeAnotherVillagesDrill) {
  const auto other = drillOf("xinmi.micun.05");
  Login village = login("village");
  EXPECT_EQ(get(village, "/api/v1/drills/" + std::to_string(other)).status, 403);
  EXPECT_EQ(get(village, "/drills/" + std::to_string(other)).status, 403);
  EXPECT_EQ(get(village, "/api/v1/drills?org=xinmi.micun.05").status, 403);
  Reply list = get(village, "/api/v1/drills?limit=500");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()->getValue<int>("total"),
            count("SELECT COUNT(*) FROM drills WHERE org_id = " + std::to_string(orgId("xinmi.chengguan.04"))));
  EXPECT_EQ(ids(list).find("xinmi.micun"), std::string::npos) << ids(list);
  const int before = count("SELECT COUNT(*) FROM drills");
  Reply write = send(village, "POST", "/api/v1/drills",
                     R"({"drill_type":"flood.evacuation","org":"xinmi.micun.05","date":"2024-05-01","fields":{"hazard":"river"}})");
  EXPECT_EQ(write.status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), before);
}

TEST_F(SecurityTest, VillageUserCannotReadAnotherVillagesPlans) {
  Login village = login("village");
  Login admin = login("admin");
  Reply plans = get(admin, "/api/v1/plans?owner=xinmi.micun&limit=1");
  ASSERT_GE(plans.json()->getArray("items")->size(), 1u);
  const auto id = plans.json()->getArray("items")->getObject(0)->getValue<Poco::Int64>("id");
  EXPECT_EQ(get(village, "/api/v1/plans/" + std::to_string(id)).status, 403);
  EXPECT_EQ(get(village, "/plans/" + std::to_string(id)).status, 403);
  EXPECT_EQ(send(village, "POST", "/api/v1/plans/" + std::to_string(id) + "/reviews", R"({"date":"2024-01-02"})").status,
            403);
}

TEST_F(SecurityTest, TownshipUserSeesItsVillagesAndNoOtherTownship) {
  const auto mine = drillOf("xinmi.chengguan.05");
  const auto theirs = drillOf("xinmi.micun.05");
  Login town = login("town");
  EXPECT_EQ(get(town, "/api/v1/drills/" + std::to_string(mine)).status, 200);
  EXPECT_EQ(get(town, "/api/v1/drills/" + std::to_string(theirs)).status, 403);
  Reply list = get(town, "/api/v1/drills?limit=500");
  EXPECT_EQ(ids(list).find("xinmi.micun"), std::string::npos);
  EXPECT_NE(ids(list).find("xinmi.chengguan.05"), std::string::npos);
  Reply orgs = get(town, "/api/v1/organisations");
  EXPECT_EQ(orgs.json()->getValue<int>("total"),
            count("WITH RECURSIVE t(id) AS (SELECT id FROM organisations WHERE code = 'xinmi.chengguan'"
                  " UNION ALL SELECT o.id FROM organisations o JOIN t ON o.parent_id = t.id) SELECT COUNT(*) FROM t"));
  EXPECT_EQ(get(town, "/api/v1/summaries?kind=city-annual&year=2023").status, 403);
  EXPECT_EQ(get(town, "/api/v1/summaries?kind=township&org=xinmi.chengguan&as_of=2023-12-31&format=text").status, 200);
}

TEST_F(SecurityTest, ViewerReadsButCannotWrite) {
  Login viewer = login("viewer");
  EXPECT_EQ(get(viewer, "/api/v1/drills?limit=1").status, 200);
  EXPECT_EQ(send(viewer, "POST", "/api/v1/drills",
                 R"({"drill_type":"flood.evacuation","org":"xinmi.micun.05","date":"2024-05-01","fields":{"hazard":"river"}})")
                .status,
            403);
}

TEST_F(SecurityTest, CsrfIsCheckedOnCookieWritesAndForms) {
  Login village = login("village");
  const int before = count("SELECT COUNT(*) FROM drills");
  const std::string body =
      R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-01","fields":{"hazard":"river"}})";
  Reply no_header = request("POST", "/api/v1/drills", body, "application/json",
                            {{"Cookie", "beacon_session=" + village.cookie}});
  EXPECT_EQ(no_header.status, 403);
  EXPECT_EQ(no_header.errorCode(), "csrf_failed");
  Reply wrong = request("POST", "/api/v1/drills", body, "application/json",
                        {{"Cookie", "beacon_session=" + village.cookie}, {"X-CSRF-Token", std::string(64, 'a')}});
  EXPECT_EQ(wrong.status, 403);
  Reply form = request("POST", "/drills/new", "domain=flood&drill_type=flood.evacuation&date=2024-05-01",
                       "application/x-www-form-urlencoded", {{"Cookie", "beacon_session=" + village.cookie}});
  EXPECT_EQ(form.status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), before);
}

TEST_F(SecurityTest, DrillFormLogsWithTokenAndReRendersErrorsBesideTheField) {
  Login village = login("village");
  const std::string org = std::to_string(orgId("xinmi.chengguan.04"));
  const int before = count("SELECT COUNT(*) FROM drills");
  std::string body;
  std::string type = multipartBody({{"csrf_token", village.csrf}, {"domain", "flood"}, {"drill_type", "flood.evacuation"},
                                    {"org_id", org}, {"date", ""}, {"fields.hazard", "flash_flood"}},
                                   "", "", "", "", body);
  Reply bad = request("POST", "/drills/new", body, type, {{"Cookie", "beacon_session=" + village.cookie}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("id=\"error-date\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), before);

  const std::string jpeg = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + std::string(200, 'x');
  type = multipartBody({{"csrf_token", village.csrf}, {"domain", "flood"}, {"drill_type", "flood.evacuation"},
                        {"org_id", org}, {"date", "2024-05-02"}, {"participants", "12"}, {"fields.hazard", "flash_flood"}},
                       "evidence", "IMG_0001.JPG", "image/jpeg", jpeg, body);
  Reply ok = request("POST", "/drills/new", body, type, {{"Cookie", "beacon_session=" + village.cookie}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), before + 1);
  const std::string location = ok.headers["Location"];
  const std::string drill_id = location.substr(8, location.find('?') - 8);
  EXPECT_EQ(count("SELECT COUNT(*) FROM attachments WHERE owner_kind = 'drill' AND owner_id = " + drill_id +
                  " AND media_type = 'image/jpeg'"),
            1);
  Reply detail = get(village, "/drills/" + drill_id);
  ASSERT_EQ(detail.status, 200);
  const auto at = detail.body.find("/attachments/");
  ASSERT_NE(at, std::string::npos);
  const std::string href = detail.body.substr(at, detail.body.find('"', at) - at);
  Reply download = get(village, href);
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.content_type, "image/jpeg");
  EXPECT_EQ(download.body, jpeg);
  EXPECT_EQ(get(login("other"), href).status, 403);
}

TEST_F(SecurityTest, ExecutableUploadIsRefusedAndNothingStored) {
  Login village = login("village");
  Reply list = get(village, "/api/v1/drills?limit=1");
  const std::string id = std::to_string(list.json()->getArray("items")->getObject(0)->getValue<Poco::Int64>("id"));
  const int before = count("SELECT COUNT(*) FROM attachments");
  std::string body;
  std::string type = multipartBody({{"csrf_token", village.csrf}}, "evidence", "photo.exe", "image/jpeg",
                                   std::string("MZ\x90\x00", 4) + std::string(100, '\0'), body);
  Reply r = request("POST", "/drills/" + id + "/attachments", body, type,
                    {{"Cookie", "beacon_session=" + village.cookie}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM attachments"), before);
}

TEST_F(SecurityTest, SessionExpiresAfterIdleTime) {
  Login village = login("village");
  EXPECT_EQ(get(village, "/api/v1/me").status, 200);
  advance(std::chrono::minutes(31));
  EXPECT_EQ(get(village, "/api/v1/me").status, 401);
  Reply page = get(village, "/drills");
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.headers["Location"].rfind("/login", 0), 0u);
}

TEST_F(SecurityTest, LoginIsRateLimited) {
  for (int i = 0; i < 5; ++i) {
    Reply r = request("POST", "/api/v1/session", R"({"username":"locked","password":"wrong-password"})",
                      "application/json");
    EXPECT_EQ(r.status, 401) << i;
  }
  Reply locked = request("POST", "/api/v1/session",
                         std::string(R"({"username":"locked","password":")") + kPassword + "\"}", "application/json");
  EXPECT_EQ(locked.status, 429);
  EXPECT_FALSE(locked.headers["Retry-After"].empty());
  const LoginForm form = loginForm();
  Reply page = request("POST", "/login", "csrf_token=" + form.token + "&username=locked&password=" + kPassword,
                       "application/x-www-form-urlencoded", {{"Cookie", form.cookieHeader()}});
  EXPECT_EQ(page.status, 429);
  EXPECT_TRUE(page.cookie.empty());
}

TEST_F(SecurityTest, SessionCookieIsHttpOnlyAndSameSite) {
  Reply r = request("POST", "/api/v1/session", std::string(R"({"username":"viewer","password":")") + kPassword + "\"}",
                    "application/json");
  const std::string cookie = r.headers["Set-Cookie"];
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
}

TEST_F(SecurityTest, CalendarFeedIsValidIcsAndScoped) {
  auto village = auth::UserRepository(app_->db().session()).findByUsername("village");
  const std::string key = auth::CalendarFeedStore(app_->db().session())
                              .rotate(*village, orgId("xinmi.chengguan.04"), {"test"})
                              .secret;
  Reply r = request("GET", "/calendar/xinmi.chengguan.04.ics?as_of=2023-12-31&key=" + key);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "text/calendar; charset=utf-8");
  EXPECT_EQ(r.body.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_NE(r.body.find("BEGIN:VEVENT\r\n"), std::string::npos);
  EXPECT_EQ(r.body.substr(r.body.size() - 15), "END:VCALENDAR\r\n");
  std::size_t start = 0;
  while (start < r.body.size()) {
    const auto end = r.body.find("\r\n", start);
    ASSERT_NE(end, std::string::npos) << "every line ends with CRLF";
    EXPECT_LE(end - start, 75u) << r.body.substr(start, end - start);
    EXPECT_EQ(r.body.substr(start, end - start).find('\n'), std::string::npos);
    start = end + 2;
  }
  EXPECT_EQ(request("GET", "/calendar/xinmi.chengguan.04.ics").status, 401);
  EXPECT_EQ(request("GET", "/calendar/xinmi.chengguan.04.ics?key=bcf_bad").status, 401);
  // A key made for an organisation outside the user's scope opens nothing.
  const std::string foreign = auth::CalendarFeedStore(app_->db().session())
                                  .rotate(*village, orgId("xinmi.micun.05"), {"test"})
                                  .secret;
  EXPECT_EQ(request("GET", "/calendar/xinmi.micun.05.ics?key=" + foreign).status, 403);
}

TEST_F(SecurityTest, PagesRenderForEachRoleInBothLanguages) {
  for (const std::string user : {"admin", "town", "village"}) {
    Login l = login(user);
    for (const std::string path : {"/", "/plans", "/drills", "/drills/new", "/organisations", "/summaries",
                                   "/summaries?kind=township&org=xinmi.chengguan&as_of=2023-12-31&format=text",
                                   "/?lang=en"}) {
      Reply r = get(l, path);
      EXPECT_EQ(r.status, 200) << user << " " << path << "\n" << r.body.substr(0, 400);
      EXPECT_NE(r.body.find("name=\"csrf_token\" value=\"" + l.csrf + "\""), std::string::npos) << path;
    }
  }
  Reply en = get(login("village"), "/drills/new?lang=en");
  EXPECT_NE(en.body.find("Log a drill"), std::string::npos);
}

}  // namespace
}  // namespace beacon::http::testing
