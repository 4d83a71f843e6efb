// The ledger import and export through the API (issue 11 §4 over the web):
// POST /api/v1/imports/{kind} takes a multipart part "file" or a raw CSV /
// xlsx body, all or nothing with one audit entry, and refuses a bad file
// with 422 listing every error's line (sheet, row) and column in the
// request's language; Idempotency-Key replays; 413 names the limit; village
// staff and viewers do not import (township staff: scoped_import_test.cpp).
// GET /api/v1/exports/{kind} names its file by scope, kind and day and holds
// only the caller's rows.
#include <sstream>

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "http/web_config.h"
#include "io/csv_columns.h"
#include "io/xlsx_writer.h"
#include "raw_http.h"
#include "service/record_checks.h"
#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

const std::string kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const std::string kDrillHeader = "组织编码,领域,演练类型,演练日期,地点,情景,参演人数,灾害类型\n";

class LedgerImportApiTest : public WebFixture {
 protected:
  static Reply upload(const Login& who, const std::string& kind, const std::string& filename,
                      const std::string& data, std::map<std::string, std::string> headers = {}) {
    std::string body;
    const std::string type = multipartBody({}, "file", filename, "text/csv", data, body);
    headers["Cookie"] = "beacon_session=" + who.cookie;
    headers["X-CSRF-Token"] = who.csrf;
    return request("POST", "/api/v1/imports/" + kind, body, type, headers);
  }
  static Reply raw(const Login& who, const std::string& kind, const std::string& type,
                   const std::string& data, std::map<std::string, std::string> headers = {}) {
    headers["Cookie"] = "beacon_session=" + who.cookie;
    headers["X-CSRF-Token"] = who.csrf;
    return request("POST", "/api/v1/imports/" + kind, data, type, headers);
  }
  static int drillsAt(const std::string& place) {
    return count("SELECT COUNT(*) FROM drills WHERE place = '" + place + "'");
  }
};

TEST_F(LedgerImportApiTest, AMultipartCsvImportsAllRowsWithOneAuditEntry) {
  const Login admin = login("admin");
  const int audits =
      count("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND entity = 'drill'");
  const Reply r = upload(
      admin, "drills", "城关演练.csv",
      kDrillHeader +
          "xinmi.chengguan.04,flood,flood.evacuation,2026-06-10,接口一号,山洪转移,30,山洪\n"
          "xinmi.chengguan.04,flood,flood.evacuation,2026-06-11,接口一号,山洪转移,31,山洪\n");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("kind"), "drills");
  EXPECT_EQ(r.json()->getValue<int>("rows"), 2);
  EXPECT_EQ(r.json()->getObject("counts")->getValue<int>("drills"), 2);
  EXPECT_EQ(drillsAt("接口一号"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND entity = 'drill'"),
            audits + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND entity = 'drill'"
                  " AND after_json LIKE '%城关演练.csv%' AND username = 'admin'"),
            1)
      << "the audit entry names the uploaded file and the user";
}

TEST_F(LedgerImportApiTest, APlanFileCountsPlansAndVersionsApart) {
  const Login admin = login("admin");
  const Reply r =
      upload(admin, "plans", "plans.csv",
             "预案编码,预案名称,领域,类别,编制单位编码,版本动作,修订原因,印发日期,正文\n"
             "API-DZ-2021,城关镇地震应急预案,general,grassroots,xinmi.chengguan,编制,,2021-06-15,"
             "第一章 总则\n"
             "API-DZ-2021,城关镇地震应急预案,general,grassroots,xinmi.chengguan,修订,"
             "law_or_parent_plan_changed,2024-05-20,第一章 总则（修订）\n");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("rows"), 2);
  auto counts = r.json()->getObject("counts");
  EXPECT_EQ(counts->getValue<int>("plans"), 1) << r.body;
  EXPECT_EQ(counts->getValue<int>("plan_versions"), 2) << r.body;
  EXPECT_FALSE(counts->has("drills"));
}

TEST_F(LedgerImportApiTest, ARawGbkBodyAndARawWorkbookImport) {
  const Login admin = login("admin");
  // 组织编码,组织名称,类型,上级编码 / xinmi.chengguan.g1,国标村,村,xinmi.chengguan in GBK.
  const std::string gbk =
      "\xd7\xe9\xd6\xaf\xb1\xe0\xc2\xeb\x2c\xd7\xe9\xd6\xaf\xc3\xfb\xb3\xc6\x2c\xc0\xe0\xd0\xcd\x2c"
      "\xc9\xcf\xbc"
      "\xb6\xb1\xe0\xc2\xeb\x0axinmi.chengguan.g1,\xb9\xfa\xb1\xea\xb4\xe5,\xb4\xe5,xinmi."
      "chengguan\x0a";
  Reply r = raw(admin, "organisations", "text/csv", gbk);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM organisations WHERE code = 'xinmi.chengguan.g1' AND name = "
                  "'国标村'"),
            1);

  // A workbook sent as text/csv is still read as a workbook (the content decides).
  std::ostringstream book;
  io::XlsxWriter writer(book, "组织机构",
                        {{"组织编码", io::XlsxCellType::Text},
                         {"组织名称", io::XlsxCellType::Text},
                         {"类型", io::XlsxCellType::Text},
                         {"上级编码", io::XlsxCellType::Text}});
  writer.writeRow({"xinmi.chengguan.x1", "表格村", "村", "xinmi.chengguan"});
  writer.close();
  r = raw(admin, "organisations", "text/csv", book.str());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM organisations WHERE code = 'xinmi.chengguan.x1'"), 1);

  // Sent again as the xlsx type: every row is now a duplicate, named by sheet and row.
  r = raw(admin, "organisations", kXlsxType, book.str());
  ASSERT_EQ(r.status, 422) << r.body;
  auto first = r.json()->getObject("error")->getArray("errors")->getObject(0);
  EXPECT_EQ(first->getValue<std::string>("sheet"), "组织机构");
  EXPECT_EQ(first->getValue<int>("row"), 2);
  EXPECT_FALSE(first->has("line"));
}

TEST_F(LedgerImportApiTest, ABadFileIsRefusedListingEveryErrorInTheRequestsLanguage) {
  const Login admin = login("admin");
  const std::string file =
      kDrillHeader +
      "xinmi.chengguan.04,flood,flood.evacuation,2026-06-12,接口二号,山洪转移,30,山洪\n"
      "xinmi.chengguan.04,flood,flood.evacuation,2026-13-40,接口二号,山洪转移,30,山洪\n"
      "no.such.org,flood,flood.evacuation,2026-06-12,接口二号,山洪转移,30,山洪\n";
  Reply r = upload(admin, "drills", "bad.csv", file);
  ASSERT_EQ(r.status, 422) << r.body;
  auto error = r.json()->getObject("error");
  EXPECT_EQ(error->getValue<std::string>("code"), "import_refused");
  EXPECT_EQ(error->getValue<std::string>("field"), "file");
  auto errors = error->getArray("errors");
  ASSERT_EQ(errors->size(), 2u) << r.body;
  EXPECT_EQ(errors->getObject(0)->getValue<int>("line"), 3);
  EXPECT_EQ(errors->getObject(0)->getValue<std::string>("column"), "演练日期");
  EXPECT_NE(errors->getObject(0)->getValue<std::string>("message").find("不是日期"),
            std::string::npos)
      << r.body;
  EXPECT_NE(errors->getObject(0)->getValue<std::string>("text").find("第3行，“演练日期”列"),
            std::string::npos);
  EXPECT_EQ(errors->getObject(1)->getValue<int>("line"), 4);
  EXPECT_EQ(errors->getObject(1)->getValue<std::string>("column"), "组织编码");
  EXPECT_EQ(drillsAt("接口二号"), 0) << "all or nothing: the good first row is not written either";

  r = upload(admin, "drills", "bad.csv", file, {{"Accept-Language", "en"}});
  ASSERT_EQ(r.status, 422) << r.body;
  errors = r.json()->getObject("error")->getArray("errors");
  EXPECT_NE(errors->getObject(0)->getValue<std::string>("message").find("is not a date"),
            std::string::npos)
      << r.body;
  EXPECT_NE(errors->getObject(0)->getValue<std::string>("text").find("line 3, column 演练日期"),
            std::string::npos);
  EXPECT_EQ(drillsAt("接口二号"), 0);
}

TEST_F(LedgerImportApiTest, AnIdempotencyKeyReplaysTheFirstAnswerAndWritesOnce) {
  const Login admin = login("admin");
  const std::string file =
      kDrillHeader +
      "xinmi.chengguan.04,flood,flood.evacuation,2026-06-13,接口三号,山洪转移,30,山洪\n";
  const Reply first =
      raw(admin, "drills", "text/csv; charset=utf-8", file, {{"Idempotency-Key", "ledger-1"}});
  ASSERT_EQ(first.status, 201) << first.body;
  const Reply again =
      raw(admin, "drills", "text/csv; charset=utf-8", file, {{"Idempotency-Key", "ledger-1"}});
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.headers.count("Idempotent-Replayed"), 1u);
  EXPECT_EQ(drillsAt("接口三号"), 1);
}

TEST_F(LedgerImportApiTest, ARawBodyLargerThanAJsonBodyIsAnUploadToo) {
  const Login admin = login("admin");
  std::string file = kDrillHeader;
  const std::string row =
      "xinmi.chengguan.04,flood,flood.evacuation,2026-06-15,接口五号,山洪转移演练（大文件）,30,"
      "山洪\n";
  while (file.size() <= WebConfig().max_body_bytes) file += row;
  const int rows = static_cast<int>((file.size() - kDrillHeader.size()) / row.size());
  const Reply r = raw(admin, "drills", "text/csv", file, {{"Idempotency-Key", "ledger-big"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("rows"), rows);
  EXPECT_EQ(drillsAt("接口五号"), rows);
}

TEST_F(LedgerImportApiTest, ABodyOverTheUploadLimitIs413NamingTheLimit) {
  const Login admin = login("admin");
  auto s = rawConnect(server_->port());
  const std::size_t limit = WebConfig().max_upload_bytes;
  rawSend(s, "POST /api/v1/imports/drills HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: beacon_session=" +
                 admin.cookie + "\r\nX-CSRF-Token: " + admin.csrf +
                 "\r\nContent-Type: text/csv\r\nContent-Length: " + std::to_string(limit + 1) +
                 "\r\n\r\n" + kDrillHeader);
  const RawRead read = rawReadAll(s);
  ASSERT_FALSE(read.responses.empty());
  EXPECT_EQ(read.responses[0].status, 413);
  EXPECT_NE(read.responses[0].body.find(std::to_string(limit)), std::string::npos)
      << read.responses[0].body;
}

// Township staff import their own subtree: scoped_import_test.cpp.
TEST_F(LedgerImportApiTest, VillageStaffAndViewersDoNotImportAndUnknownKindsAre404) {
  const std::string file =
      kDrillHeader +
      "xinmi.chengguan.04,flood,flood.evacuation,2026-06-14,接口四号,山洪转移,30,山洪\n";
  EXPECT_EQ(upload(login("admin"), "no-such-kind", "x.csv", file).status, 404);
  for (const char* who : {"village", "viewer"}) {
    const Reply r = upload(login(who), "drills", "x.csv", file);
    EXPECT_EQ(r.status, 403) << who << ": " << r.body;
  }
  EXPECT_EQ(raw(login("admin"), "drills", "application/json", "{}").status, 415);
  EXPECT_EQ(drillsAt("接口四号"), 0);
  EXPECT_EQ(request("POST", "/api/v1/imports/drills", file, "text/csv").status, 401);
}

TEST_F(LedgerImportApiTest, AFormWithoutTheFilePartIs400AndAnEmptyFileIs422) {
  const Login admin = login("admin");
  std::string body;
  const std::string type = multipartBody({{"note", "x"}}, "", "", "", "", body);
  Reply r = request("POST", "/api/v1/imports/drills", body, type,
                    {{"Cookie", "beacon_session=" + admin.cookie}, {"X-CSRF-Token", admin.csrf}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.errorField(), "file");
  r = upload(admin, "drills", "empty.csv", "");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.json()
                ->getObject("error")
                ->getArray("errors")
                ->getObject(0)
                ->getValue<std::string>("message")
                .find("文件为空"),
            std::string::npos)
      << r.body;
}

std::string header(const Reply& r, const std::string& name) {
  auto it = r.headers.find(name);
  return it == r.headers.end() ? "" : it->second;
}

TEST_F(LedgerImportApiTest, AnExportIsNamedByScopeKindAndDayAndHoldsOnlyTheCallersRows) {
  const std::string day = service::today().toString();
  Reply r = get(login("admin"), "/api/v1/exports/drills");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
  // 新密市-应急演练-<day>.csv, percent-encoded as UTF-8.
  EXPECT_EQ(
      header(r, "Content-Disposition"),
      "attachment; filename=\"xinmi-drills-" + day +
          ".csv\"; "
          "filename*=UTF-8''%E6%96%B0%E5%AF%86%E5%B8%82-%E5%BA%94%E6%80%A5%E6%BC%94%E7%BB%83-" +
          day + ".csv");
  EXPECT_EQ(r.body.rfind("\xEF\xBB\xBF组织编码,", 0), 0u) << "BOM and Chinese headers by default";
  EXPECT_NE(r.body.find("\nxinmi.micun."), std::string::npos) << "the city sees every township";
  EXPECT_NE(r.body.find("\nxinmi.chengguan."), std::string::npos);

  r = get(login("town"), "/api/v1/exports/drills?lang=en");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.rfind("\xEF\xBB\xBF"
                         "org_code,",
                         0),
            0u);
  EXPECT_NE(r.body.find("\nxinmi.chengguan."), std::string::npos);
  EXPECT_EQ(r.body.find("\nxinmi.micun."), std::string::npos)
      << "a township exports its own subtree only";
  EXPECT_NE(
      header(r, "Content-Disposition").find("filename=\"xinmi.chengguan-drills-" + day + ".csv\""),
      std::string::npos)
      << header(r, "Content-Disposition");

  // Reviews follow their plan's owner.
  const Reply all_reviews = get(login("admin"), "/api/v1/exports/reviews");
  const Reply town_reviews = get(login("town"), "/api/v1/exports/reviews");
  ASSERT_EQ(town_reviews.status, 200);
  EXPECT_LT(town_reviews.body.size(), all_reviews.body.size());
  EXPECT_EQ(town_reviews.body.rfind("\xEF\xBB\xBF预案编码,", 0), 0u);

  r = get(login("village"), "/api/v1/exports/drills?format=xlsx");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, kXlsxType);
  EXPECT_EQ(r.body.rfind("PK\x03\x04", 0), 0u);
  EXPECT_NE(header(r, "Content-Disposition").find(".xlsx"), std::string::npos);

  r = get(login("admin"), "/api/v1/exports/drills?format=pdf");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.errorField(), "format");
  EXPECT_EQ(get(login("admin"), "/api/v1/exports/no-such-kind").status, 404);
}

}  // namespace
}  // namespace beacon::http::testing
