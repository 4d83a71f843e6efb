#include <fstream>
#include <iterator>
#include <sstream>

#include <Poco/Data/Session.h>

#include "build_paths.h"
#include "host/service/service_fixture.h"
#include "io/csv_exporter.h"
#include "io/csv_importer.h"
#include "io/csv_reader.h"
#include "io/import_kind.h"
#include "io/xlsx_exporter.h"
#include "io/xlsx_writer.h"
#include "store/audit_log.h"
#include "store/drill_repository.h"

using namespace Poco::Data::Keywords;

namespace beacon::testing {
namespace {

const std::string kExamples = std::string(BEACON_SOURCE_DIR) + "/examples/csv/";
const std::string kFixtures = std::string(BEACON_SOURCE_DIR) + "/tests/host/io/fixtures/";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class XlsxImportTest : public ServiceFixture {
 protected:
  XlsxImportTest() { seed_ = false; }

  sdk::Result<io::ImportReport> import(const std::string& path, const std::string& kind,
                                       bool english = false) {
    io::ImportOptions o;
    o.kind = kind;
    o.english = english;
    return io::importFile(*db_, registry_, path, o, actor_);
  }

  void mustImport(const std::string& path, const std::string& kind) {
    auto r = import(path, kind);
    ASSERT_TRUE(r.isOk()) << r.status().describe();
    ASSERT_TRUE(r.value().errors.empty()) << path << ": " << r.value().errors.front();
  }

  // Switches to a second, empty database in the same directory.
  void freshDatabase(const std::string& name) {
    db_.reset();
    db_path_ = dir_ + "/" + name;
    open();
    db_->migrate();
  }

  int count(const std::string& table) {
    int n = 0;
    db_->session() << "SELECT COUNT(*) FROM " + table, into(n), now;
    return n;
  }

  std::string csvOf(const std::string& kind) {
    std::ostringstream out;
    auto s = io::exportCsv(*db_, registry_, kind, out, false);
    EXPECT_TRUE(s.isOk()) << s.describe();
    return out.str();
  }

  std::string xlsxOf(const std::string& kind, bool english_headers = false) {
    const std::string path = dir_ + "/" + kind + (english_headers ? "-en" : "") + ".xlsx";
    std::ofstream out(path, std::ios::binary);
    auto s = io::exportXlsx(*db_, registry_, kind, out, english_headers, false);
    EXPECT_TRUE(s.isOk()) << s.describe();
    return path;
  }

  // The rows of a CSV file, copied cell by cell into a workbook as a user
  // would type them in Excel: dates as date cells, counts as numbers.
  std::string workbookFromCsv(const std::string& csv_path, const std::string& name) {
    std::ifstream in(csv_path, std::ios::binary);
    io::CsvReader reader(in);
    io::CsvRecord rec;
    EXPECT_TRUE(reader.next(rec));
    std::vector<io::XlsxColumn> columns;
    for (const auto& h : rec.fields) {
      const bool date = h == "演练日期",
                 number = h == "参演人数" || h == "转移人数" || h == "预案版本";
      columns.push_back({h, date     ? io::XlsxCellType::Date
                            : number ? io::XlsxCellType::Number
                                     : io::XlsxCellType::Text});
    }
    const std::string path = dir_ + "/" + name;
    std::ofstream out(path, std::ios::binary);
    io::XlsxWriter w(out, "应急演练", columns);
    while (reader.next(rec)) w.writeRow(rec.fields);
    w.close();
    return path;
  }

  std::string workbook(const std::string& name, const std::vector<io::XlsxColumn>& columns,
                       const std::vector<std::vector<std::string>>& rows) {
    const std::string path = dir_ + "/" + name;
    std::ofstream out(path, std::ios::binary);
    io::XlsxWriter w(out, "应急演练", columns);
    for (const auto& r : rows) w.writeRow(r);
    w.close();
    return path;
  }

  void importExampleTree() {
    mustImport(kExamples + "organisations.csv", "organisations");
    mustImport(kExamples + "plans.csv", "plans");
  }

  const std::vector<io::XlsxColumn> kDrillColumns = {{"组织编码"},
                                                     {"领域"},
                                                     {"演练类型"},
                                                     {"演练日期", io::XlsxCellType::Date},
                                                     {"参演人数", io::XlsxCellType::Number},
                                                     {"转移人数", io::XlsxCellType::Number},
                                                     {"灾害类型"}};
  const std::vector<std::string> kGoodRow = {
      "XM-JSX-001", "flood", "flood.evacuation", "2023-07-01", "20", "10", "山洪"};
};

TEST_F(XlsxImportTest, DrillsFromAWorkbookEqualTheSameRowsFromCsv) {
  importExampleTree();
  mustImport(kExamples + "drills.csv", "drills");
  const std::string from_csv = csvOf("drills");
  ASSERT_EQ(count("drills"), 6);

  freshDatabase("from-xlsx.db");
  importExampleTree();
  // Named .csv on purpose: the workbook is recognised by its bytes.
  mustImport(workbookFromCsv(kExamples + "drills.csv", "drills-as-workbook.csv"), "drills");
  EXPECT_EQ(csvOf("drills"), from_csv);
  auto audit = store::AuditLog(db_->session()).list("drill", 0, 10);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_NE(audit[0].after_json.find("\"encoding\":\"xlsx (应急演练)\""), std::string::npos)
      << audit[0].after_json;  // the format and the sheet read
}

TEST_F(XlsxImportTest, ExportImportExportIsIdenticalForEveryKind) {
  // Every kind's example (examples/csv/<kind>.csv), in dependency order.
  for (const auto& kind : io::importKindIds()) mustImport(kExamples + kind + ".csv", kind);
  std::map<std::string, std::string> first;
  for (const auto& kind : io::importKindIds()) first[kind] = slurp(xlsxOf(kind));
  const std::string first_en = slurp(xlsxOf("drills", true));
  const std::string csv_plans = csvOf("plans");
  const std::string dir = dir_ + "/first";
  Poco::File(dir).createDirectories();
  for (const auto& [kind, bytes] : first)
    std::ofstream(dir + "/" + kind + ".xlsx", std::ios::binary) << bytes;

  freshDatabase("round-trip.db");
  for (const auto& kind : io::importKindIds()) mustImport(dir + "/" + kind + ".xlsx", kind);
  for (const auto& kind : io::importKindIds()) {
    EXPECT_EQ(slurp(xlsxOf(kind)), first.at(kind))
        << kind << ": export, import, export gives the same bytes";
  }
  EXPECT_EQ(slurp(xlsxOf("drills", true)), first_en);
  EXPECT_EQ(csvOf("plans"), csv_plans) << "plan texts with line breaks survive";
}

TEST_F(XlsxImportTest, BadRowsNameSheetRowAndColumnAndWriteNothing) {
  importExampleTree();
  auto bad = kGoodRow;
  bad[3] = "2023-13-01";
  const std::string path = workbook("bad-date.xlsx", kDrillColumns, {kGoodRow, bad});
  const std::string before = closedFileHash();
  auto r = import(path, "drills");
  ASSERT_TRUE(r.isOk()) << r.status().describe();
  ASSERT_EQ(r.value().errors.size(), 1u);
  EXPECT_EQ(r.value().errors[0],
            "工作表 应急演练，第3行，“演练日期”列：“2023-13-01”不是日期（YYYY-MM-DD）");
  EXPECT_EQ(count("drills"), 0) << "all or nothing";
  EXPECT_EQ(closedFileHash(), before);

  auto en = import(path, "drills", true);
  ASSERT_EQ(en.value().errors.size(), 1u);
  EXPECT_EQ(
      en.value().errors[0],
      "sheet 应急演练, row 3, column 演练日期: \"2023-13-01\" is not a date (YYYY-MM-DD)");

  auto org = kGoodRow;
  org[0] = "NOPE";
  auto o = import(workbook("bad-org.xlsx", kDrillColumns, {kGoodRow, kGoodRow, org}), "drills");
  ASSERT_EQ(o.value().errors.size(), 1u);
  EXPECT_EQ(o.value().errors[0],
            "工作表 应急演练，第4行，“组织编码”列：没有编码为“NOPE”的组织");
  auto unknown = import(workbook("bad-col.xlsx", {{"组织编码"}, {"颜色"}}, {}), "drills");
  ASSERT_FALSE(unknown.value().errors.empty());
  EXPECT_EQ(unknown.value().errors[0].rfind("工作表 应急演练，第1行，“颜色”列：未知的列", 0),
            0u)
      << unknown.value().errors[0];
  auto empty = import(workbook("empty.xlsx", {}, {}), "drills");
  ASSERT_EQ(empty.value().errors.size(), 1u);
  EXPECT_EQ(empty.value().errors[0], "工作表 应急演练，第1行：文件为空（没有表头行）");
  EXPECT_EQ(count("drills"), 0);
}

TEST_F(XlsxImportTest, ReaderRefusalsAndCellErrorsAreReportedAndWriteNothing) {
  importExampleTree();
  const std::string before = closedFileHash();
  auto r = import(kFixtures + "not_a_workbook.xlsx", "drills");
  ASSERT_TRUE(r.isOk());
  ASSERT_EQ(r.value().errors.size(), 1u);
  EXPECT_EQ(r.value().errors[0], "zip 压缩包不是 Excel 工作簿（缺少 [Content_Types].xml）；未导入任何记录");
  auto en = import(kFixtures + "encrypted.xlsx", "drills", true);
  ASSERT_EQ(en.value().errors.size(), 1u);
  EXPECT_NE(en.value().errors[0].find("password-protected (encrypted)"), std::string::npos);
  EXPECT_NE(en.value().errors[0].find("; nothing was imported"), std::string::npos);
  auto f = import(kFixtures + "drills_formula_without_value.xlsx", "drills");
  ASSERT_EQ(f.value().errors.size(), 1u);
  EXPECT_EQ(f.value().errors[0].rfind(
                "工作表“应急演练”单元格 D2 是公式（=DATE(2023,7,1)），但文件中没有保存计算结果", 0),
            0u)
      << f.value().errors[0];
  EXPECT_EQ(closedFileHash(), before);
}

TEST_F(XlsxImportTest, ConfiguredLimitsAndNamedSheet) {
  importExampleTree();
  const std::string path = workbook("three.xlsx", kDrillColumns, {kGoodRow, kGoodRow, kGoodRow});
  io::ImportOptions o;
  o.kind = "drills";
  o.xlsx_limits.max_rows = 3;
  auto r = io::importFile(*db_, registry_, path, o, actor_);
  ASSERT_EQ(r.value().errors.size(), 1u);
  EXPECT_EQ(r.value().errors[0], "工作表“应急演练”超过 3 行的导入上限；请拆分后再导入");
  EXPECT_EQ(count("drills"), 0);
  o.xlsx_limits = io::XlsxLimits();
  o.sheet = "演练";
  r = io::importFile(*db_, registry_, path, o, actor_);
  ASSERT_EQ(r.value().errors.size(), 1u);
  EXPECT_EQ(r.value().errors[0], "工作簿中没有名为“演练”的工作表（有：“应急演练”）；未导入任何记录");
  o.sheet = "应急演练";
  r = io::importFile(*db_, registry_, path, o, actor_);
  ASSERT_TRUE(r.value().errors.empty()) << r.value().errors[0];
  EXPECT_EQ(count("drills"), 3);
}

TEST_F(XlsxImportTest, WorkbookTextsAreExactNoApostropheIsStripped) {
  importExampleTree();
  auto columns = kDrillColumns;
  columns.push_back({"发现问题"});
  auto row = kGoodRow;
  row.push_back("'=不是公式");
  mustImport(workbook("quote.xlsx", columns, {row}), "drills");
  store::DrillFilter f;
  auto drills = store::DrillRepository(db_->session()).list(f);
  ASSERT_EQ(drills.size(), 1u);
  EXPECT_EQ(drills[0].findings, "'=不是公式")
      << "only CSV cells carry the export guard's apostrophe";
}

// A drill-plans sheet as an office types it: year and month as numbers, 制定日期 as a date cell.
TEST_F(XlsxImportTest, DrillPlanSheetsUseNumberAndDateCellsAndNameTheirPlace) {
  importExampleTree();
  const std::vector<io::XlsxColumn> columns = {{"组织编码"},
                                               {"年度", io::XlsxCellType::Number},
                                               {"制定日期", io::XlsxCellType::Date},
                                               {"演练类型"},
                                               {"计划月份", io::XlsxCellType::Number}};
  const std::vector<std::string> good = {"XM-JSX", "2024", "2024-01-15", "flood.comprehensive", "5"};
  auto bad = good;
  bad[4] = "13";
  const std::string before = closedFileHash();
  auto r = import(workbook("bad-plan.xlsx", columns, {good, bad}), "drill-plans");
  ASSERT_TRUE(r.isOk()) << r.status().describe();
  ASSERT_EQ(r.value().errors.size(), 1u);
  EXPECT_EQ(r.value().errors[0], "工作表 应急演练，第3行，“计划月份”列：计划月份应为 1 至 12");
  EXPECT_EQ(closedFileHash(), before) << "all or nothing";
  mustImport(workbook("plan.xlsx", columns, {good}), "drill-plans");
  EXPECT_EQ(count("drill_plans"), 1);
  EXPECT_NE(csvOf("drill-plans").find("XM-JSX,2024,2024-01-15,flood,flood.comprehensive,5,"),
            std::string::npos)
      << csvOf("drill-plans");
}

}  // namespace
}  // namespace beacon::testing
