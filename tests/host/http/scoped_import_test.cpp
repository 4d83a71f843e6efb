// Township and department staff import within their own subtree (issue 11
// §4, the per-row organisation hook io::ImportScopeCheck), over a real
// socket: the API and the /imports page take a file whose every row belongs
// to the caller's subtree; one row of another organisation refuses the whole
// file naming its line, column and organisation, and nothing is written; an
// organisation file may add organisations under the caller's own (a row may
// name one added by an earlier row), never at the top; village staff and
// viewers still get 403; the administrator imports any row.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

const std::string kDrillHeader = "组织编码,领域,演练类型,演练日期,地点,情景,参演人数,灾害类型\n";

class ScopedImportTest : public WebFixture {
 protected:
  static Reply upload(const Login& who, const std::string& kind, const std::string& data,
                      const std::string& query = "") {
    std::string body;
    const std::string type = multipartBody({}, "file", "台账.csv", "text/csv", data, body);
    return request("POST", "/api/v1/imports/" + kind + query, body, type,
                   {{"Cookie", "beacon_session=" + who.cookie}, {"X-CSRF-Token", who.csrf}});
  }
  static Reply page(const Login& who, const std::string& kind, const std::string& data) {
    std::string body;
    const std::string type = multipartBody({{"csrf_token", who.csrf}, {"kind", kind}}, "file",
                                           "台账.csv", "text/csv", data, body);
    return request("POST", "/imports", body, type, {{"Cookie", "beacon_session=" + who.cookie}});
  }
  static int drillsAt(const std::string& place) {
    return count("SELECT COUNT(*) FROM drills WHERE place = '" + place + "'");
  }
  static Poco::JSON::Object::Ptr firstError(const Reply& r) {
    return r.json()->getObject("error")->getArray("errors")->getObject(0);
  }
};

TEST_F(ScopedImportTest, TownshipStaffImportTheRowsOfTheirSubtree) {
  const Reply r = upload(
      login("town"), "drills",
      kDrillHeader +
          "xinmi.chengguan.04,flood,flood.evacuation,2026-06-20,范围一号,山洪转移,30,山洪\n"
          "xinmi.chengguan.04,flood,flood.evacuation,2026-06-21,范围一号,山洪转移,40,山洪\n");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(drillsAt("范围一号"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND entity = 'drill'"
                  " AND username = 'town' AND after_json LIKE '%台账.csv%'"),
            1);
}

TEST_F(ScopedImportTest, ARowOfAnotherTownshipRefusesTheFileNamingLineColumnAndOrganisation) {
  const std::string file =
      kDrillHeader +
      "xinmi.chengguan.04,flood,flood.evacuation,2026-06-22,范围二号,山洪转移,30,山洪\n"
      "xinmi.micun.05,flood,flood.evacuation,2026-06-22,范围二号,山洪转移,30,山洪\n";
  Reply r = upload(login("town"), "drills", file);
  ASSERT_EQ(r.status, 422) << r.body;
  auto e = firstError(r);
  EXPECT_EQ(e->getValue<int>("line"), 3);
  EXPECT_EQ(e->getValue<std::string>("column"), "组织编码");
  EXPECT_NE(e->getValue<std::string>("text").find("第3行，“组织编码”列：组织“xinmi.micun.05”"),
            std::string::npos)
      << e->getValue<std::string>("text");
  EXPECT_NE(e->getValue<std::string>("message").find("不在本账号的导入范围内"), std::string::npos);
  EXPECT_EQ(drillsAt("范围二号"), 0) << "all or nothing: the row in scope is not written either";
  r = upload(login("town"), "drills", file, "?lang=en");
  ASSERT_EQ(r.status, 422);
  EXPECT_NE(firstError(r)->getValue<std::string>("message").find(
                "organisation \"xinmi.micun.05\""),
            std::string::npos)
      << r.body;
  EXPECT_NE(firstError(r)->getValue<std::string>("message").find("outside your import scope"),
            std::string::npos);
  // The administrator imports the same file.
  EXPECT_EQ(upload(login("admin"), "drills", file).status, 201);
  EXPECT_EQ(drillsAt("范围二号"), 2);
}

TEST_F(ScopedImportTest, AReviewOfAnotherTownshipsPlanIsRefusedNamingThePlanAndItsOwner) {
  ASSERT_EQ(upload(login("admin"), "plans",
                   "预案编码,预案名称,领域,类别,编制单位编码,版本动作,修订原因,印发日期,正文\n"
                   "SCOPE-MC-1,米村镇防汛应急预案,general,grassroots,xinmi.micun,编制,,2021-06-15,"
                   "第一章 总则\n"
                   "SCOPE-CG-1,城关镇防汛应急预案,general,grassroots,xinmi.chengguan,编制,,2021-06-15,"
                   "第一章 总则\n")
                .status,
            201);
  const std::string header = "预案编码,评审类型,日期,结论,评审人员\n";
  Reply r = upload(login("town"), "reviews",
                   header + "SCOPE-CG-1,评估,2024-06-01,继续有效,专家组\n"
                            "SCOPE-MC-1,评估,2024-06-01,继续有效,专家组\n");
  ASSERT_EQ(r.status, 422) << r.body;
  auto e = firstError(r);
  EXPECT_EQ(e->getValue<int>("line"), 3);
  EXPECT_EQ(e->getValue<std::string>("column"), "预案编码");
  EXPECT_NE(e->getValue<std::string>("message").find("预案“SCOPE-MC-1”的编制单位“xinmi.micun”"),
            std::string::npos)
      << e->getValue<std::string>("message");
  EXPECT_EQ(count("SELECT COUNT(*) FROM reviews r JOIN plans p ON p.id = r.plan_id"
                  " WHERE p.code = 'SCOPE-CG-1'"),
            0);
  r = upload(login("town"), "reviews", header + "SCOPE-CG-1,评估,2024-06-01,继续有效,专家组\n");
  EXPECT_EQ(r.status, 201) << r.body;
}

TEST_F(ScopedImportTest, AnOrganisationFileAddsOrganisationsUnderTheCallersOwnOnly) {
  const std::string header = "组织编码,组织名称,类型,上级编码\n";
  Reply r = upload(login("town"), "organisations",
                   header + "xinmi.chengguan.s1,城关镇新社区,社区,xinmi.chengguan\n"
                            "xinmi.micun.s1,米村镇新社区,社区,xinmi.micun\n");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(firstError(r)->getValue<int>("line"), 3);
  EXPECT_EQ(firstError(r)->getValue<std::string>("column"), "上级编码");
  r = upload(login("town"), "organisations", header + "xinmi.top.s1,顶层单位,单位,\n");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(firstError(r)->getValue<std::string>("column"), "上级编码");
  EXPECT_EQ(count("SELECT COUNT(*) FROM organisations WHERE code LIKE '%.s1'"), 0);
  // An organisation added by an earlier row is in scope for the rows after it.
  r = upload(login("town"), "organisations",
             header + "xinmi.chengguan.s2,城关镇新单位,单位,xinmi.chengguan\n"
                      "xinmi.chengguan.s2.a,城关镇新单位下属,企业,xinmi.chengguan.s2\n");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM organisations WHERE code LIKE 'xinmi.chengguan.s2%'"), 2);
}

TEST_F(ScopedImportTest, VillageStaffAndViewersStillCannotImport) {
  const std::string file =
      kDrillHeader +
      "xinmi.chengguan.04,flood,flood.evacuation,2026-06-23,范围三号,山洪转移,30,山洪\n";
  for (const char* who : {"village", "viewer"}) {
    const Reply r = upload(login(who), "drills", file);
    EXPECT_EQ(r.status, 403) << who << ": " << r.body;
    EXPECT_EQ(page(login(who), "drills", file).status, 403) << who;
  }
  EXPECT_EQ(drillsAt("范围三号"), 0);
}

TEST_F(ScopedImportTest, TheImportsPageGivesTownshipStaffTheFormAndShowsTheRefusedRow) {
  const Login town = login("town");
  Reply r = get(town, "/imports");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("id=\"import-form\""), std::string::npos);
  EXPECT_NE(r.body.find("id=\"import-scope-note\""), std::string::npos);
  EXPECT_EQ(get(login("admin"), "/imports").body.find("id=\"import-scope-note\""),
            std::string::npos)
      << "the administrator's import is not limited";
  r = page(town, "drills",
           kDrillHeader +
               "xinmi.micun.05,flood,flood.evacuation,2026-06-24,范围四号,山洪转移,30,山洪\n");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("<tr class=\"import-error\"><td></td><td>2</td><td>组织编码</td><td>"
                        "组织“xinmi.micun.05”"),
            std::string::npos)
      << r.body;
  EXPECT_EQ(drillsAt("范围四号"), 0);
  r = page(town, "drills",
           kDrillHeader +
               "xinmi.chengguan.04,flood,flood.evacuation,2026-06-24,范围四号,山洪转移,30,山洪\n");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(drillsAt("范围四号"), 1);
}

}  // namespace
}  // namespace beacon::http::testing
