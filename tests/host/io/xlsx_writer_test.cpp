#include "io/xlsx_writer.h"

#include <fstream>
#include <iterator>
#include <sstream>

#include <Poco/TemporaryFile.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <gtest/gtest.h>

#include "io/xlsx_error.h"
#include "io/xlsx_reader.h"

namespace beacon::io {
namespace {

using Fields = std::vector<std::string>;

// Writes `rows` under `columns` into a temporary workbook and returns its path.
std::string writeWorkbook(Poco::TemporaryFile& file, const std::vector<XlsxColumn>& columns,
                          const std::vector<Fields>& rows, const std::string& sheet = "应急演练") {
  std::ofstream out(file.path(), std::ios::binary);
  XlsxWriter w(out, sheet, columns);
  for (const auto& r : rows) w.writeRow(r);
  w.close();
  return file.path();
}

std::vector<CsvRecord> readBack(const std::string& path) {
  XlsxReader r(path);
  std::vector<CsvRecord> out;
  CsvRecord rec;
  while (r.next(rec)) out.push_back(rec);
  return out;
}

std::string part(const std::string& path, const std::string& name) {
  std::ifstream in(path, std::ios::binary);
  Poco::Zip::ZipArchive archive(in);
  auto h = archive.findHeader(name);
  EXPECT_NE(h, archive.headerEnd()) << name;
  if (h == archive.headerEnd()) return std::string();
  in.clear();
  Poco::Zip::ZipInputStream zin(in, h->second, true);
  return std::string(std::istreambuf_iterator<char>(zin), std::istreambuf_iterator<char>());
}

const std::vector<XlsxColumn> kColumns = {
    {"文本"}, {"日期", XlsxCellType::Date}, {"人数", XlsxCellType::Number}, {"备注"}};

TEST(XlsxWriterTest, EveryCellTypeAndUnicodeRoundTrip) {
  const std::vector<Fields> rows = {
      {"新密市应急管理局", "2023-05-10", "80", "山洪🌊 ＜汛期＞，“转移”"},
      {"  前后空格  ", "2024-02-29", "-3", "第一行\r\n第二行\n第三行\t制表"},
      {"<&>\"'", "1999-12-31", "0", "控制\x01字符 _x0041_ 与 _x005F_"},
      {"=HYPERLINK(\"http://x\",\"y\")", "", "1.5", "+86 371"},
      {"-x", "不是日期", "007", "@SUM(A1)"},
      {"", "2023-5-1", "二十", ""},
      {"'=1", "1900-01-01", "-0", "\tTAB"},
  };
  Poco::TemporaryFile file;
  const auto back = readBack(writeWorkbook(file, kColumns, rows));
  ASSERT_EQ(back.size(), rows.size() + 1);
  EXPECT_EQ(back[0].fields, (Fields{"文本", "日期", "人数", "备注"}));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(back[i + 1].line, i + 2);
    Fields expected = rows[i];
    while (!expected.empty() && expected.back().empty()) expected.pop_back();
    expected.resize(4);
    EXPECT_EQ(back[i + 1].fields, expected) << "row " << i + 2;
  }
}

TEST(XlsxWriterTest, TypedCellsHeaderAndNoFormulas) {
  Poco::TemporaryFile file;
  writeWorkbook(file, kColumns, {{"=1+1", "2023-05-10", "80", "-2"}, {"+1 ", "bad", "x", "@a"}});
  const std::string sheet = part(file.path(), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(sheet.find("<f>"), std::string::npos) << "never a formula";
  EXPECT_EQ(sheet.find("<f "), std::string::npos);
  EXPECT_NE(sheet.find("<c r=\"A1\" t=\"inlineStr\" s=\"1\">"), std::string::npos) << "bold header";
  EXPECT_NE(
      sheet.find(
          "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
      std::string::npos)
      << "frozen header row";
  EXPECT_NE(sheet.find("<c r=\"B2\" s=\"2\"><v>45056</v></c>"), std::string::npos) << "a date cell";
  EXPECT_NE(sheet.find("<c r=\"C2\"><v>80</v></c>"), std::string::npos) << "a number cell";
  EXPECT_NE(sheet.find("<c r=\"A2\" t=\"inlineStr\" s=\"3\"><is><t>=1+1</t>"), std::string::npos)
      << "formula-like text keeps its text, with Excel's quote prefix";
  EXPECT_NE(sheet.find("<c r=\"D2\" t=\"inlineStr\" s=\"3\">"), std::string::npos);
  EXPECT_NE(sheet.find("<c r=\"B3\" t=\"inlineStr\">"), std::string::npos) << "not a date: text";
  EXPECT_NE(sheet.find("<c r=\"A3\" t=\"inlineStr\" s=\"3\"><is><t xml:space=\"preserve\">+1 </t>"),
            std::string::npos)
      << "outer blanks are kept by Excel only with xml:space";
  EXPECT_NE(sheet.find("<c r=\"C3\" t=\"inlineStr\">"), std::string::npos) << "not a number: text";
  EXPECT_NE(sheet.find("<col min=\"1\" max=\"1\" width=\"8\" customWidth=\"1\"/>"),
            std::string::npos)
      << sheet;
  const std::string styles = part(file.path(), "xl/styles.xml");
  EXPECT_NE(styles.find("<font><b/>"), std::string::npos);
  EXPECT_NE(styles.find("formatCode=\"yyyy-mm-dd\""), std::string::npos);
  EXPECT_NE(styles.find("quotePrefix=\"1\""), std::string::npos);
  EXPECT_NE(part(file.path(), "xl/workbook.xml").find("<sheet name=\"应急演练\""),
            std::string::npos);
}

TEST(XlsxWriterTest, ColumnWidthsFollowTheText) {
  Poco::TemporaryFile file;
  writeWorkbook(file, {{"组织编码"}, {"名称"}},
                {{"XM", std::string(80, 'x')}, {"XM-JSX-001", "尖山村"}});
  const std::string sheet = part(file.path(), "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<col min=\"1\" max=\"1\" width=\"12\""), std::string::npos)
      << "10 characters + 2";
  EXPECT_NE(sheet.find("<col min=\"2\" max=\"2\" width=\"60\""), std::string::npos) << "capped";
}

TEST(XlsxWriterTest, SameRowsSameBytesAndStreamsToAPipe) {
  Poco::TemporaryFile a, b;
  writeWorkbook(a, kColumns, {{"甲", "2023-05-10", "1", ""}});
  writeWorkbook(b, kColumns, {{"甲", "2023-05-10", "1", ""}});
  std::ifstream ia(a.path(), std::ios::binary), ib(b.path(), std::ios::binary);
  const std::string sa((std::istreambuf_iterator<char>(ia)), std::istreambuf_iterator<char>());
  const std::string sb((std::istreambuf_iterator<char>(ib)), std::istreambuf_iterator<char>());
  EXPECT_EQ(sa, sb);
  std::ostringstream mem;  // like stdout: written in one pass
  XlsxWriter w(mem, "应急演练", kColumns);
  w.writeRow({"甲", "2023-05-10", "1", ""});
  w.close();
  EXPECT_EQ(mem.str().substr(0, 4), "PK\x03\x04");
}

TEST(XlsxWriterTest, RefusesACellLongerThanExcelAllows) {
  Poco::TemporaryFile file;
  std::ofstream out(file.path(), std::ios::binary);
  XlsxWriter w(out, "应急预案", {{"预案编码"}, {"正文"}});
  w.writeRow({"P1", std::string(XlsxWriter::kMaxCellChars, 'a')});
  try {
    w.writeRow({"P2", std::string(XlsxWriter::kMaxCellChars + 1, 'a')});
    FAIL() << "a 32768-character cell was written";
  } catch (const XlsxError& e) {
    EXPECT_EQ(std::string(e.what()),
              "第 3 行“正文”超过 Excel 单元格 32767 个字符的上限；请改用 CSV 导出");
    EXPECT_EQ(
        e.message(true),
        "row 3, column 正文 is longer than an Excel cell (32767 characters); export CSV instead");
  }
}

TEST(XlsxWriterTest, BadSheetNameFallsBack) {
  Poco::TemporaryFile file;
  writeWorkbook(file, kColumns, {}, "a/b");
  EXPECT_EQ(XlsxReader(file.path()).sheetName(), "Sheet1");
}

}  // namespace
}  // namespace beacon::io
