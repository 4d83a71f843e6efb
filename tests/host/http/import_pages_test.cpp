// The /imports page (issue 11 §4 in the browser), read as HTML over the
// socket: the navigation links to it; the city administrator gets the upload
// form, every user the CSV and Excel links per kind; an upload shows the rows
// imported, or every error (line, column, message in Chinese) with nothing
// written; the form's CSRF token and the role are checked as on every form.
#include <gtest/gtest.h>

#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

const std::string kDrillHeader = "组织编码,领域,演练类型,演练日期,地点,情景,参演人数,灾害类型\n";

class ImportPagesTest : public WebFixture {
 protected:
  static Reply post(const Login& who, const std::string& kind, const std::string& data,
                    const std::string& csrf) {
    std::string body;
    const std::string type = multipartBody({{"csrf_token", csrf}, {"kind", kind}}, "file",
                                           "台账.csv", "text/csv", data, body);
    return request("POST", "/imports", body, type, {{"Cookie", "beacon_session=" + who.cookie}});
  }
  static int drillsAt(const std::string& place) {
    return count("SELECT COUNT(*) FROM drills WHERE place = '" + place + "'");
  }
};

TEST_F(ImportPagesTest, TheAdministratorSeesTheUploadFormAndEveryUserTheExportLinks) {
  Reply r = get(login("admin"), "/imports");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("id=\"nav-imports\" href=\"/imports\""), std::string::npos);
  EXPECT_NE(r.body.find("id=\"import-form\""), std::string::npos);
  EXPECT_NE(r.body.find("enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(r.body.find("<option value=\"drills\">应急演练</option>"), std::string::npos);
  EXPECT_NE(r.body.find("上传"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/api/v1/exports/drill-evaluations?format=xlsx\""),
            std::string::npos);

  r = get(login("village"), "/imports");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.find("id=\"import-form\""), std::string::npos);
  EXPECT_NE(r.body.find("id=\"import-admin-only\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/api/v1/exports/drills?format=csv\""), std::string::npos);

  r = get(login("admin"), "/imports?lang=en");
  EXPECT_NE(r.body.find("Import a ledger file"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/api/v1/exports/drills?format=csv&amp;lang=en\""),
            std::string::npos);
}

TEST_F(ImportPagesTest, AnUploadShowsTheRowsImportedOrEveryErrorInChinese) {
  const Login admin = login("admin");
  Reply r =
      post(admin, "drills",
           kDrillHeader +
               "xinmi.chengguan.04,flood,flood.evacuation,2026-07-01,页面一号,山洪转移,30,山洪\n",
           admin.csrf);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("id=\"import-done\""), std::string::npos);
  EXPECT_NE(r.body.find("<b id=\"import-rows\">1</b>"), std::string::npos);
  EXPECT_EQ(drillsAt("页面一号"), 1);

  r = post(admin, "drills",
           kDrillHeader +
               "xinmi.chengguan.04,flood,flood.evacuation,2026-07-02,页面二号,山洪转移,30,山洪\n"
               "xinmi.chengguan.04,flood,flood.evacuation,07/02/2026,页面二号,山洪转移,30,山洪\n",
           admin.csrf);
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("id=\"import-errors\""), std::string::npos);
  EXPECT_NE(
      r.body.find(
          "<tr "
          "class=\"import-error\"><td></td><td>3</td><td>演练日期</td><td>“07/02/2026”不是日期"),
      std::string::npos)
      << r.body;
  EXPECT_EQ(drillsAt("页面二号"), 0);
}

TEST_F(ImportPagesTest, TheFormChecksItsTokenAndTheRole) {
  const Login admin = login("admin");
  const std::string file =
      kDrillHeader +
      "xinmi.chengguan.04,flood,flood.evacuation,2026-07-03,页面三号,山洪转移,30,山洪\n";
  EXPECT_EQ(post(admin, "drills", file, "not-the-token").status, 403);
  const Login village = login("village");
  EXPECT_EQ(post(village, "drills", file, village.csrf).status, 403);
  std::string body;
  const std::string type = multipartBody({{"csrf_token", admin.csrf}, {"kind", "drills"}}, "file",
                                         "x.csv", "text/csv", file, body);
  EXPECT_EQ(
      request("POST", "/imports", body, type,
              {{"Cookie", "beacon_session=" + admin.cookie}, {"Origin", "http://evil.example"}})
          .status,
      403);
  EXPECT_EQ(drillsAt("页面三号"), 0);
}

}  // namespace
}  // namespace beacon::http::testing
