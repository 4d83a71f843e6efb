#include <fstream>
#include <sstream>

#include <Poco/Data/Session.h>
#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows936Encoding.h>

#include "host/service/service_fixture.h"
#include "io/csv_exporter.h"
#include "io/csv_importer.h"
#include "store/audit_log.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "build_paths.h"

using namespace Poco::Data::Keywords;

namespace beacon::testing {
namespace {

const std::string kExamples = std::string(BEACON_SOURCE_DIR) + "/examples/csv/";

std::string toGbk(const std::string& utf8) {
  Poco::UTF8Encoding from;
  Poco::Windows936Encoding to;
  Poco::TextConverter conv(from, to);
  std::string out;
  EXPECT_EQ(conv.convert(utf8, out), 0);
  return out;
}

class CsvImportTest : public ServiceFixture {
 protected:
  CsvImportTest() { seed_ = false; }

  // English messages: the zh-CN wording is tested in ledger_import_test.cpp.
  sdk::Result<io::ImportReport> import(const std::string& path, const std::string& kind) {
    io::ImportOptions o;
    o.kind = kind;
    o.english = true;
    return io::importFile(*db_, registry_, path, o, actor_);
  }

  void importExamples(const std::string& drills_file) {
    for (const auto& [file, kind] : {std::pair<std::string, std::string>{"organisations.csv", "organisations"},
                                     {"plans.csv", "plans"},
                                     {drills_file, "drills"}}) {
      auto r = import(kExamples + file, kind);
      ASSERT_TRUE(r.isOk()) << r.status().describe();
      ASSERT_TRUE(r.value().errors.empty()) << file << ": " << r.value().errors.front();
    }
  }

  int count(const std::string& table) {
    int n = 0;
    db_->session() << "SELECT COUNT(*) FROM " + table, into(n), now;
    return n;
  }

  std::string exportText(const std::string& kind, bool english) {
    std::ostringstream out;
    sdk::Status s = io::exportCsv(*db_, registry_, kind, out, english);
    EXPECT_TRUE(s.isOk()) << s.describe();
    return out.str();
  }

  // Imports `body` (after the example organisations and plans) and expects
  // exactly one error containing `expected`, with the database file unchanged.
  void expectRejected(const std::string& name, const std::string& bytes, const std::string& expected) {
    SCOPED_TRACE(name);
    const int drills = count("drills"), audit = count("audit_log");
    const std::string before = closedFileHash();
    auto r = import(writeFile(name, bytes), "drills");
    ASSERT_TRUE(r.isOk()) << r.status().describe();
    ASSERT_FALSE(r.value().errors.empty());
    EXPECT_NE(r.value().errors.front().find(expected), std::string::npos) << r.value().errors.front();
    EXPECT_EQ(count("drills"), drills);
    EXPECT_EQ(count("audit_log"), audit);
    EXPECT_EQ(closedFileHash(), before) << "the database file changed";
  }

  const std::string kHeader = "组织编码,领域,演练类型,演练日期,参演人数,转移人数,灾害类型\r\n";
  const std::string kGoodRow = "XM-JSX-001,flood,flood.evacuation,2023-07-01,20,10,山洪\r\n";
};

TEST_F(CsvImportTest, ExamplesImportWithAuditAndNormalisedValues) {
  importExamples("drills.csv");
  EXPECT_EQ(store::OrganisationRepository(db_->session()).count(), 10);
  EXPECT_EQ(store::PlanRepository(db_->session()).count({}), 5);
  store::DrillFilter f;
  f.newest_first = false;
  auto drills = store::DrillRepository(db_->session()).list(f);
  ASSERT_EQ(drills.size(), 6u);
  const auto& first = drills.front();
  EXPECT_EQ(first.date, (sdk::Date{2023, 5, 20}));
  EXPECT_EQ(first.fields.at("hazard"), "flash_flood");
  EXPECT_EQ(first.verdict, sdk::DrillVerdict::Good);
  EXPECT_EQ(first.findings, "转移路线标识不清\r\n部分老人行动不便") << "quoted newline kept";
  EXPECT_EQ(first.scenario, "山洪预警，转移危险区群众");
  EXPECT_NE(first.plan_version_id, 0);
  auto plan = store::PlanRepository(db_->session()).findByCode("JSX-FX-2023");
  ASSERT_TRUE(plan);
  auto v = store::PlanRepository(db_->session()).version(plan->id, 1);
  EXPECT_NE(v->text.find("\"就近、就高\"安置"), std::string::npos) << v->text;
  auto village = store::OrganisationRepository(db_->session()).findByCode("XM-JSX-001");
  EXPECT_EQ(village->attributes.at("flood.flash_flood_zone"), "1");

  auto audit = store::AuditLog(db_->session()).list("drill", 0, 10);
  ASSERT_EQ(audit.size(), 1u) << "one audit entry for the whole drill import";
  EXPECT_EQ(audit[0].action, "import");
  EXPECT_NE(audit[0].after_json.find("\"rows\":6"), std::string::npos) << audit[0].after_json;
  EXPECT_NE(audit[0].after_json.find("\"sha256\""), std::string::npos);
}

TEST_F(CsvImportTest, GbkFileImportsLikeUtf8) {
  importExamples("drills-gbk.csv");
  store::DrillFilter f;
  f.newest_first = false;
  auto drills = store::DrillRepository(db_->session()).list(f);
  ASSERT_EQ(drills.size(), 6u);
  EXPECT_EQ(drills.front().place, "尖山村村委会");
  EXPECT_EQ(drills.front().findings, "转移路线标识不清\r\n部分老人行动不便");
}

TEST_F(CsvImportTest, BomAndEnglishHeaders) {
  importExamples("drills.csv");
  const std::string text =
      "\xEF\xBB\xBF" "org_code,domain,drill_type,date,participants,evacuees,field:hazard,verdict\n"
      "XM-CHZ-001,flood,flood.evacuation,2023/8/1,12,9,river,excellent\n";
  const std::string before = closedFileHash();
  auto r = import(writeFile("bom.csv", text), "drills");
  ASSERT_TRUE(r.isOk()) << r.status().describe();
  ASSERT_TRUE(r.value().errors.empty()) << r.value().errors.front();
  EXPECT_NE(closedFileHash(), before) << "the file hash must see a committed import";
  store::DrillFilter f;
  f.from = sdk::Date{2023, 8, 1};
  auto drills = store::DrillRepository(db_->session()).list(f);
  ASSERT_EQ(drills.size(), 1u);
  EXPECT_EQ(drills[0].verdict, sdk::DrillVerdict::Excellent);
  EXPECT_EQ(drills[0].fields.at("hazard"), "river");
}

TEST_F(CsvImportTest, BadRowsNameLineAndColumnAndWriteNothing) {
  importExamples("drills.csv");
  expectRejected("date.csv", kHeader + kGoodRow + "XM-JSX-001,flood,flood.evacuation,2023-13-01,20,10,山洪\r\n",
                 "line 3, column 演练日期:");
  expectRejected("org.csv", kHeader + kGoodRow + kGoodRow + "NOPE,flood,flood.evacuation,2023-07-01,20,10,山洪\r\n",
                 "line 4, column 组织编码: no organisation with code \"NOPE\"");
  expectRejected("type.csv", kHeader + "XM-JSX-001,flood,flood.swim,2023-07-01,20,10,山洪\r\n",
                 "line 2, column 演练类型:");
  expectRejected("field.csv", kHeader + kGoodRow + "XM-JSX-001,flood,flood.evacuation,2023-07-01,20,10,海啸\r\n",
                 "line 3, column 灾害类型:");
  expectRejected("plugin.csv", kHeader + "XM-JSX-001,flood,flood.comprehensive,2023-07-01,20,10,山洪\r\n",
                 "line 2, column 转移人数: only evacuation drills");
  expectRejected("number.csv", kHeader + "XM-JSX-001,flood,flood.evacuation,2023-07-01,二十,10,山洪\r\n",
                 "line 2, column 参演人数:");
  expectRejected("quoted.csv",
                 kHeader + "XM-JSX-001,flood,flood.evacuation,\"2023-07-01\",20,10,\"山洪\"\r\n"
                           "XM-JSX-001,flood,flood.evacuation,2023-07-01,20,10,\"多行\r\n山洪\"\r\n"
                           "XM-JSX-001,flood,flood.evacuation,1999-99-99,20,10,山洪\r\n",
                 "line 3, column 灾害类型:");
  expectRejected("unknown-col.csv", "组织编码,领域,演练类型,演练日期,颜色\r\n", "line 1, column 颜色: unknown column");
  expectRejected("missing-col.csv", "组织编码,领域,演练日期\r\n", "column 演练类型/drill_type: required column is missing");
  expectRejected("gbk-bad.csv", toGbk(kHeader + kGoodRow) + "XM-JSX-001,flood,flood.evacuation,2023-07-01,20,10,\xFF\xFF\r\n",
                 "line 3: invalid byte");
  expectRejected("utf8-bad.csv", kHeader + kGoodRow + kGoodRow + "XM-JSX-001,flood,flood.evacuation,2023-07-01,20,10,\xFF\r\n",
                 "line 4: invalid UTF-8 byte sequence");
}

TEST_F(CsvImportTest, ManyBadRowsStopAtTheLimit) {
  importExamples("drills.csv");
  std::string text = kHeader;
  for (int i = 0; i < 50; ++i) text += "XM-JSX-001,flood,flood.evacuation,bad,20,10,山洪\r\n";
  auto r = import(writeFile("many.csv", text), "drills");
  ASSERT_TRUE(r.isOk());
  EXPECT_EQ(r.value().errors.size(), io::kMaxImportErrors + 1);
  EXPECT_NE(r.value().errors.back().find("stopped after 20 errors"), std::string::npos);
}

TEST_F(CsvImportTest, BadOrganisationAndPlanRowsWriteNothing) {
  const std::string before = closedFileHash();
  auto r = import(writeFile("orgs.csv", "组织编码,组织名称,类型,上级编码\nA,甲,市,\nB,乙,村,A\n"), "organisations");
  ASSERT_TRUE(r.isOk());
  ASSERT_EQ(r.value().errors.size(), 1u);
  EXPECT_NE(r.value().errors[0].find("line 3, column 上级编码:"), std::string::npos) << r.value().errors[0];
  EXPECT_EQ(closedFileHash(), before);
  importExamples("drills.csv");
  auto p = import(writeFile("plans.csv",
                            "预案编码,预案名称,领域,类别,编制单位编码,印发日期\nP1,预案,flood,master,XM,2023-01-01\n"),
                  "plans");
  ASSERT_TRUE(p.isOk());
  ASSERT_EQ(p.value().errors.size(), 1u);
  EXPECT_NE(p.value().errors[0].find("line 2, column 类别:"), std::string::npos) << p.value().errors[0];
}

TEST_F(CsvImportTest, ProgressReachesTheFileSize) {
  importExamples("drills.csv");
  std::size_t last_done = 0, total = 0;
  io::ImportOptions o;
  o.kind = "drills";
  o.progress = [&](std::size_t done, std::size_t t) {
    last_done = done;
    total = t;
  };
  const std::string path = writeFile("p.csv", kHeader + kGoodRow);
  auto r = io::importFile(*db_, registry_, path, o, actor_);
  ASSERT_TRUE(r.isOk());
  EXPECT_EQ(total, (kHeader + kGoodRow).size());
  EXPECT_EQ(last_done, total);
}

TEST_F(CsvImportTest, ExportImportRoundTrip) {
  importExamples("drills.csv");
  for (bool english : {false, true}) {
    SCOPED_TRACE(english ? "english" : "chinese");
    const std::string orgs = exportText("organisations", english);
    const std::string plans = exportText("plans", english);
    const std::string drills = exportText("drills", english);
    EXPECT_EQ(drills.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 BOM for Excel";
    EXPECT_EQ(drills.find(english ? "org_code," : "组织编码,"), 3u);

    const std::string other_dir = dir_ + (english ? "/en" : "/zh");
    Poco::File(other_dir).createDirectories();
    store::Database other(other_dir + "/copy.db");
    other.migrate();
    for (const auto& [text, kind] : {std::pair<std::string, std::string>{orgs, "organisations"},
                                     {plans, "plans"},
                                     {drills, "drills"}}) {
      io::ImportOptions o;
      o.kind = kind;
      auto r = io::importFile(other, registry_, writeFile(kind + (english ? "-en" : "-zh") + ".csv", text), o, actor_);
      ASSERT_TRUE(r.isOk()) << r.status().describe();
      ASSERT_TRUE(r.value().errors.empty()) << kind << ": " << r.value().errors.front();
      std::ostringstream again;
      ASSERT_TRUE(io::exportCsv(other, registry_, kind, again, english).isOk());
      EXPECT_EQ(again.str(), text) << kind;
    }
  }
}

TEST_F(CsvImportTest, APlanRecordedAtARevisionNeedsItsTriggerIssueDateAndTextNamingTheColumn) {
  auto orgs = import(kExamples + "organisations.csv", "organisations");
  ASSERT_TRUE(orgs.isOk() && orgs.value().errors.empty());
  const std::string header = "预案编码,预案名称,领域,类别,编制单位编码,状态,版本动作,修订原因,印发日期,施行日期,编写人,正文\r\n";
  const int plans = count("plans"), versions = count("plan_versions");
  for (const auto& [row, column] : std::vector<std::pair<std::string, std::string>>{
           {"XM-XD-2024,新密市修订预案,general,special,XM,,修订,,2024-03-01,,市应急管理局,正文\r\n", "修订原因"},
           {"XM-XD-2024,新密市修订预案,general,special,XM,,修订,risk_changed_major,,,市应急管理局,正文\r\n", "印发日期"},
           {"XM-XD-2024,新密市修订预案,general,special,XM,,修订,risk_changed_major,2024-03-01,,市应急管理局,\r\n", "正文"}}) {
    SCOPED_TRACE(column);
    auto r = import(writeFile("revision.csv", header + row), "plans");
    ASSERT_TRUE(r.isOk()) << r.status().describe();
    ASSERT_EQ(r.value().errors.size(), 1u);
    EXPECT_NE(r.value().errors.front().find("line 2, column " + column), std::string::npos) << r.value().errors.front();
    EXPECT_EQ(count("plans"), plans) << "nothing written";
    EXPECT_EQ(count("plan_versions"), versions);
  }
}

}  // namespace
}  // namespace beacon::testing
