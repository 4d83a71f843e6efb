#include "io/xlsx_reader.h"

#include <fstream>

#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include "build_paths.h"
#include "io/xlsx_cell_ref.h"
#include "io/xlsx_error.h"

namespace beacon::io {
namespace {

const std::string kFixtures = std::string(BEACON_SOURCE_DIR) + "/tests/host/io/fixtures/";

std::vector<CsvRecord> readAll(XlsxReader& r) {
  std::vector<CsvRecord> out;
  CsvRecord rec;
  while (r.next(rec)) out.push_back(rec);
  return out;
}

// The zh-CN and English messages of the XlsxError `f` throws ("" when none).
std::pair<std::string, std::string> refusal(const std::function<void()>& f) {
  try {
    f();
  } catch (const XlsxError& e) {
    return {e.what(), e.message(true)};
  }
  return {"", ""};
}

std::pair<std::string, std::string> refusalOf(const std::string& file,
                                              const XlsxLimits& limits = XlsxLimits()) {
  return refusal([&] {
    XlsxReader r(file, "", limits);
    readAll(r);
  });
}

using Fields = std::vector<std::string>;

TEST(XlsxReaderTest, ReadsAnExcelLikeWorkbook) {
  XlsxReader r(kFixtures + "excel_like.xlsx");
  EXPECT_EQ(r.sheetName(), "应急演练") << "the first sheet";
  EXPECT_EQ(r.sheetNames(), (Fields{"应急演练", "说明"}));
  const auto rows = readAll(r);
  ASSERT_EQ(rows.size(), 4u) << "row 3 is missing and row 5 holds formatting only";
  EXPECT_EQ(rows[0].line, 1u);
  EXPECT_EQ(rows[0].fields, (Fields{"组织编码", "演练日期", "参演人数", "1", "", "备注"}))
      << "E1 is a gap";
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[1].fields,
            (Fields{"XM-001", "2023-05-10", "80", "81", "", "新密市应急管理局 ", "1", "XM-001-x"}))
      << "date serial with numFmt 14, formula by its cached value, a gap, rich text without the "
         "phonetic run, "
         "TRUE as 1, a text formula";
  EXPECT_EQ(rows[2].line, 4u);
  EXPECT_EQ(rows[2].fields,
            (Fields{"内联文本", "2023-12-31", "43", "0.3", "0.5", "A\rB", "1000", "2023-03-15"}))
      << "inline rich string, custom date format (time of day dropped), no float artefacts, 0.00 "
         "and h:mm "
         "are not dates, _x000D_ escape, 1.0E3, a [$-F800] long date";
  EXPECT_EQ(rows[3].line, 6u);
  EXPECT_EQ(rows[3].fields, (Fields{"XM-001", "", "160", "-12.5", "", ""}))
      << "a shared formula's cached value; trailing styled empties dropped, padded to the header's "
         "width";
  EXPECT_EQ(r.bytesRead(), r.fileSize()) << "the progress reaches the file size at the end";
}

TEST(XlsxReaderTest, NamedSheetAndUnknownSheet) {
  XlsxReader r(kFixtures + "excel_like.xlsx", "说明");
  const auto rows = readAll(r);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, (Fields{"说明页"}));
  const auto [zh, en] = refusal([] { XlsxReader(kFixtures + "excel_like.xlsx", "演练"); });
  EXPECT_EQ(zh, "工作簿中没有名为“演练”的工作表（有：“应急演练”、“说明”）");
  EXPECT_EQ(en, "the workbook has no sheet named \"演练\" (it has \"应急演练\", \"说明\")");
}

TEST(XlsxReaderTest, The1904DateSystem) {
  XlsxReader r(kFixtures + "date1904.xlsx");
  const auto rows = readAll(r);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields[1], "2027-05-11") << "45056 days after 1904-01-01";
  EXPECT_EQ(rows[2].fields[1], "2028-01-01");
}

TEST(XlsxReaderTest, RefusesAFormulaWithoutItsValueAndErrorValues) {
  auto [zh, en] = refusalOf(kFixtures + "formula_without_value.xlsx");
  EXPECT_EQ(zh,
            "工作表“应急演练”单元格 D2 是公式（=SUM(C2,1)），但文件中没有保存计算结果；"
            "请在 Excel 中打开并保存后再导入，或把公式改为数值");
  EXPECT_NE(
      en.find("sheet \"应急演练\" cell D2 holds a formula (=SUM(C2,1)) without a saved result"),
      std::string::npos)
      << en;
  std::tie(zh, en) = refusalOf(kFixtures + "error_value.xlsx");
  EXPECT_EQ(zh, "工作表“应急演练”单元格 C2 的值是错误 #DIV/0!；请更正后再导入");
  EXPECT_EQ(en, "sheet \"应急演练\" cell C2 holds the error value #DIV/0!; correct it first");
}

TEST(XlsxReaderTest, RefusesWhatIsNotAWorkbook) {
  Poco::TemporaryFile text;
  std::ofstream(text.path()) << "组织编码,领域\n";
  auto [zh, en] = refusalOf(text.path());
  EXPECT_EQ(zh, "文件不是 Excel 工作簿（.xlsx 是 zip 压缩包，此文件不是）");
  EXPECT_EQ(en,
            "the file is not an Excel workbook (an .xlsx is a zip package, this file is not one)");
  std::tie(zh, en) = refusalOf(kFixtures + "not_a_workbook.xlsx");
  EXPECT_EQ(zh, "zip 压缩包不是 Excel 工作簿（缺少 [Content_Types].xml）");
  std::tie(zh, en) = refusalOf(kFixtures + "no_sheet.xlsx");
  EXPECT_EQ(zh, "工作簿中没有工作表");
  EXPECT_EQ(en, "the workbook has no sheet");
  std::tie(zh, en) = refusalOf(kFixtures + "encrypted.xlsx");
  EXPECT_NE(zh.find("工作簿设有打开密码（已加密），无法读取"), std::string::npos) << zh;
  EXPECT_NE(en.find("password-protected (encrypted)"), std::string::npos) << en;
  std::tie(zh, en) = refusalOf(kFixtures + "legacy.xls");
  EXPECT_NE(zh.find("旧版 Excel 97-2003 工作簿（.xls）"), std::string::npos) << zh;
  std::tie(zh, en) = refusalOf(kFixtures + "missing.xlsx");
  EXPECT_NE(zh.find("无法打开文件"), std::string::npos) << zh;
}

TEST(XlsxReaderTest, ZipBombIsRefusedBeforeInflating) {
  XlsxLimits limits;
  limits.max_sheet_bytes = 1024 * 1024;
  // The constructor refuses from the zip directory alone: nothing is inflated.
  const auto [zh, en] = refusal([&] { XlsxReader(kFixtures + "zip_bomb.xlsx", "", limits); });
  EXPECT_NE(zh.find("工作表“应急演练”解压后有 "), std::string::npos) << zh;
  EXPECT_NE(zh.find("超过导入上限 1048576 字节；请拆分后再导入"), std::string::npos) << zh;
  EXPECT_NE(en.find("over the import limit of 1048576 bytes"), std::string::npos) << en;
  // With the default limits the same file is readable (8 MiB of one-cell rows).
  XlsxReader ok(kFixtures + "zip_bomb.xlsx");
  CsvRecord rec;
  ASSERT_TRUE(ok.next(rec));
  EXPECT_EQ(rec.fields, (Fields{"x"}));
}

TEST(XlsxReaderTest, SizesUnderstatedInTheZipStopTheInflation) {
  const auto [zh, en] = refusalOf(kFixtures + "lying_sizes.xlsx");
  EXPECT_EQ(zh,
            "工作簿部件 xl/worksheets/sheet1.xml 解压后比 zip "
            "文件头声明的大小更大，文件已损坏或被篡改，未读取");
}

TEST(XlsxReaderTest, RowAndSharedStringLimits) {
  XlsxLimits limits;
  limits.max_rows = 3;
  auto [zh, en] = refusalOf(kFixtures + "excel_like.xlsx", limits);
  EXPECT_EQ(zh, "工作表“应急演练”超过 3 行的导入上限；请拆分后再导入") << "row 4 is past the limit";
  EXPECT_EQ(en, "sheet \"应急演练\" has more than the import limit of 3 rows; split it");
  limits = XlsxLimits();
  limits.max_shared_strings_bytes = 100;
  std::tie(zh, en) = refusalOf(kFixtures + "excel_like.xlsx", limits);
  EXPECT_NE(zh.find("共享字符串表解压后有 "), std::string::npos) << zh;
}

TEST(XlsxReaderTest, MagicBytesNotTheName) {
  EXPECT_TRUE(looksLikeWorkbook(kFixtures + "excel_like.xlsx"));
  EXPECT_TRUE(looksLikeWorkbook(kFixtures + "legacy.xls"));
  Poco::TemporaryFile csv;
  std::ofstream(csv.path()) << "PK,not a zip\n";
  EXPECT_FALSE(looksLikeWorkbook(csv.path()));
  EXPECT_FALSE(looksLikeWorkbook(kFixtures + "missing.xlsx"));
}

}  // namespace
}  // namespace beacon::io

namespace beacon::io {
namespace {

TEST(XlsxCellRefTest, ColumnsAToXfd) {
  EXPECT_EQ(xlsxColumnName(1), "A");
  EXPECT_EQ(xlsxColumnName(26), "Z");
  EXPECT_EQ(xlsxColumnName(27), "AA");
  EXPECT_EQ(xlsxColumnName(kXlsxMaxColumns), "XFD");
  std::size_t col = 0, row = 0;
  ASSERT_TRUE(parseXlsxCellRef("XFD1048576", col, row));
  EXPECT_EQ(col, kXlsxMaxColumns);
  EXPECT_EQ(row, 1048576u);
  ASSERT_TRUE(parseXlsxCellRef("C5", col, row));
  EXPECT_EQ(col, 3u);
  EXPECT_EQ(row, 5u);
  for (const char* bad : {"XFE1", "a1", "A0", "A", "5", "A1B", "AAAA1", ""}) {
    EXPECT_FALSE(parseXlsxCellRef(bad, col, row)) << bad;
  }
}

}  // namespace
}  // namespace beacon::io
