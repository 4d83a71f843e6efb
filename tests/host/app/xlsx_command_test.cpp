#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <memory>

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include "io/xlsx_writer.h"
#include "support/cli_runner.h"
#include "support/test_database.h"

namespace beacon::app {
namespace {

using testing::CliRun;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// `beacon import` / `beacon export --format xlsx` over the real plugins.
class XlsxCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::File(dir_.path()).createDirectories();
    ASSERT_EQ(beacon(db("a"), {"init"}).code, 0);
    ASSERT_EQ(
        beacon(db("a"), {"org", "add", "--code", "xinmi", "--name", "新密市", "--kind", "city"})
            .code,
        0);
    ASSERT_EQ(beacon(db("a"), {"org", "add", "--code", "quliang", "--name", "曲梁镇", "--kind",
                               "township", "--parent", "xinmi"})
                  .code,
              0);
    ASSERT_EQ(beacon(db("a"), {"drill", "add", "--org", "quliang", "--type", "flood.evacuation",
                               "--date", "2023-05-10", "--participants", "80", "--evacuees", "30",
                               "--field", "hazard=山洪"})
                  .code,
              0);
  }

  // The database `name` (a file in dir_, or a PostgreSQL schema: support/test_database.h).
  std::string db(const std::string& name) {
    auto& database = databases_[name];
    if (!database) database = std::make_unique<testing::TestDatabase>(dir_.path() + "/" + name + ".db");
    return database->uri();
  }
  std::string file(const std::string& name) { return dir_.path() + "/" + name; }

  CliRun beacon(const std::string& database, const std::vector<std::string>& args,
                bool english = false) {
    std::vector<std::string> global = {"--db", database, "--user", "tester"};
    if (english) global.insert(global.end(), {"--lang", "en"});
    return testing::runBeacon(global, args);
  }

  Poco::TemporaryFile dir_;
  std::map<std::string, std::unique_ptr<testing::TestDatabase>> databases_;
};

TEST_F(XlsxCommandTest, ExportImportExportGivesTheSameWorkbook) {
  for (const char* kind : {"organisations", "drills"}) {
    CliRun r = beacon(
        db("a"), {"export", kind, "--format", "xlsx", "--out", file(std::string(kind) + ".xlsx")});
    ASSERT_EQ(r.code, 0) << r.err;
  }
  EXPECT_EQ(slurp(file("drills.xlsx")).substr(0, 4), "PK\x03\x04");
  ASSERT_EQ(beacon(db("b"), {"init"}).code, 0);
  CliRun orgs = beacon(db("b"), {"import", "organisations", file("organisations.xlsx")});
  ASSERT_EQ(orgs.code, 0) << orgs.err;
  EXPECT_EQ(orgs.out, "已导入 2 行\n");
  CliRun drills = beacon(db("b"), {"import", "drills", file("drills.xlsx")});
  ASSERT_EQ(drills.code, 0) << drills.err;
  // --format is implied by the .xlsx name.
  ASSERT_EQ(beacon(db("b"), {"export", "drills", "--out", file("again.xlsx")}).code, 0);
  EXPECT_EQ(slurp(file("again.xlsx")), slurp(file("drills.xlsx")));
}

TEST_F(XlsxCommandTest, BadRowNamesSheetRowAndColumnInEitherLanguage) {
  {
    std::ofstream out(file("bad.xlsx"), std::ios::binary);
    io::XlsxWriter w(out, "演练",
                     {{"组织编码"}, {"领域"}, {"演练类型"}, {"演练日期"}, {"灾害类型"}});
    w.writeRow({"quliang", "flood", "flood.evacuation", "2023-05-11", "山洪"});
    w.writeRow({"quliang", "flood", "flood.evacuation", "五月", "山洪"});
    w.close();
  }
  CliRun zh = beacon(db("a"), {"import", "drills", file("bad.xlsx")});
  EXPECT_EQ(zh.code, 1);
  EXPECT_NE(zh.err.find("工作表 演练，第3行，“演练日期”列：“五月”不是日期"),
            std::string::npos)
      << zh.err;
  EXPECT_NE(zh.err.find("未导入任何记录"), std::string::npos);
  CliRun en = beacon(db("a"), {"import", "drills", file("bad.xlsx")}, true);
  EXPECT_EQ(en.code, 1);
  EXPECT_NE(en.err.find("sheet 演练, row 3, column 演练日期: \"五月\" is not a date"),
            std::string::npos)
      << en.err;
  CliRun sheet = beacon(db("a"), {"import", "drills", file("bad.xlsx"), "--sheet", "Sheet9"});
  EXPECT_EQ(sheet.code, 1);
  EXPECT_NE(sheet.err.find("工作簿中没有名为“Sheet9”的工作表（有：“演练”）"), std::string::npos)
      << sheet.err;
}

TEST_F(XlsxCommandTest, LimitsComeFromTheConfigurationAndAreChecked) {
  ASSERT_EQ(beacon(db("a"), {"export", "drills", "--format", "xlsx", "--out", file("d.xlsx")}).code,
            0);
  std::ofstream(file("small.properties")) << "import.xlsx_max_rows = 1\n";
  CliRun small = testing::runBeacon({"--config", file("small.properties"), "--db", db("a")},
                                    {"import", "drills", file("d.xlsx")});
  EXPECT_EQ(small.code, 1);
  EXPECT_NE(small.err.find("超过 1 行的导入上限"), std::string::npos) << small.err;
  std::ofstream(file("bad.properties")) << "import.xlsx_max_sheet_bytes = lots\n";
  CliRun bad = testing::runBeacon({"--config", file("bad.properties"), "--db", db("a")},
                                  {"import", "drills", file("d.xlsx")});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("import.xlsx_max_sheet_bytes: 应为正整数，而不是“lots”"),
            std::string::npos)
      << bad.err;
}

TEST_F(XlsxCommandTest, FormatIsCheckedAndABinaryWorkbookNeedsAFileOnATerminal) {
  CliRun r = beacon(db("a"), {"export", "drills", "--format", "xls"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("--format: 只能是 csv 或 xlsx"), std::string::npos) << r.err;
  CliRun piped =
      beacon(db("a"), {"export", "drills", "--format", "xlsx"});  // stdout is not a terminal here
  ASSERT_EQ(piped.code, 0) << piped.err;
  EXPECT_EQ(piped.out.substr(0, 4), "PK\x03\x04");
}

}  // namespace
}  // namespace beacon::app
