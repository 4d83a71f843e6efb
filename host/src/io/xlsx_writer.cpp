#include "io/xlsx_writer.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Zip/Compress.h>

#include "beacon/sdk/date.h"
#include "io/xlsx_cell_ref.h"
#include "io/xlsx_error.h"

namespace beacon::io {

namespace {

constexpr std::size_t kWidthSample = 200;  // rows that set the column widths
constexpr long kUnixEpoch1900 = 25569;     // serial of 1970-01-01 in Excel's 1900 date system
constexpr int kStyleBold = 1, kStyleDate = 2, kStyleQuoted = 3;

const char* kStyles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
    "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset "
    "val=\"134\"/></font>"
    "<font><b/><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset "
    "val=\"134\"/></font></fonts>"
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
    "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "
    "borderId=\"0\"/></cellStyleXfs>"
    "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
    "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" "
    "applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" "
    "quotePrefix=\"1\"/></cellXfs>"
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    "</styleSheet>";

const char* kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/xl/workbook.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    "<Override PartName=\"/xl/styles.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    "</Types>";

const char* kPackageRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>";

const char* kWorkbookRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/></Relationships>";

bool isHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// XML text of a cell: & < > escaped, CR as a character reference (a parser
// would fold CRLF to LF), other control characters and a literal "_xHHHH_"
// in ST_Xstring's _xHHHH_ form, so that the reader gives the exact text back.
void appendEscaped(std::string& out, const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '_':
        if (i + 6 < s.size() && s[i + 1] == 'x' && isHex(s[i + 2]) && isHex(s[i + 3]) &&
            isHex(s[i + 4]) && isHex(s[i + 5]) && s[i + 6] == '_') {
          out += "_x005F_";
        } else {
          out += c;
        }
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') {
          char buf[8];
          std::snprintf(buf, sizeof buf, "_x%04X_",
                        static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
}

// UTF-16 code units, as Excel counts a cell's characters.
std::size_t utf16Length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) n += c >= 0xF0 ? 2 : 1;
  }
  return n;
}

// Display width in Excel's character units: CJK and other wide characters count two.
std::size_t displayWidth(const std::string& s) {
  std::size_t w = 0, line = 0;
  for (unsigned char c : s) {
    if (c == '\n') {
      w = std::max(w, line);
      line = 0;
    } else if ((c & 0xC0) != 0x80) {
      line += c >= 0xE0 ? 2 : 1;
    }
  }
  return std::max(w, line);
}

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool startsFormula(const std::string& s) {
  return !s.empty() &&
         (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

// -?digits[.digits], as the number columns hold them.
bool isPlainNumber(const std::string& s) {
  if (s == "-0") return false;
  std::size_t i = s.size() > 1 && s[0] == '-' ? 1 : 0;
  const std::size_t int_start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == int_start || i - int_start > 15 || (s[int_start] == '0' && i - int_start > 1))
    return false;
  if (i == s.size()) return true;
  if (s[i] != '.') return false;
  const std::size_t frac_start = ++i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i == s.size() && i > frac_start && s.back() != '0';
}

bool validSheetName(const std::string& name) {
  return !name.empty() && utf16Length(name) <= 31 &&
         name.find_first_of("[]:*?/\\") == std::string::npos;
}

}  // namespace

XlsxWriter::XlsxWriter(std::ostream& out, const std::string& sheet_name,
                       std::vector<XlsxColumn> columns)
    : out_(out),
      sheet_name_(validSheetName(sheet_name) ? sheet_name : "Sheet1"),
      columns_(std::move(columns)) {
  spool_path_ = std::make_unique<Poco::TemporaryFile>();
  spool_.open(spool_path_->path(), std::ios::binary | std::ios::trunc);
  if (!spool_) throw XlsxError("无法创建临时文件", "cannot create a temporary file");
}

XlsxWriter::~XlsxWriter() = default;

void XlsxWriter::writeRow(const std::vector<std::string>& cells) {
  if (rows_ + 2 > kMaxRows) {
    throw XlsxError(
        "超过 Excel 单个工作表 " + std::to_string(kMaxRows) + " 行的上限；请改用 CSV 导出",
        "more rows than an Excel sheet holds (" + std::to_string(kMaxRows) +
            "); export CSV instead");
  }
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (utf16Length(cells[i]) > kMaxCellChars) {
      const std::string col = i < columns_.size() ? columns_[i].header : xlsxColumnName(i + 1);
      throw XlsxError("第 " + std::to_string(rows_ + 2) + " 行“" + col + "”超过 Excel 单元格 " +
                          std::to_string(kMaxCellChars) + " 个字符的上限；请改用 CSV 导出",
                      "row " + std::to_string(rows_ + 2) + ", column " + col +
                          " is longer than an Excel cell (" + std::to_string(kMaxCellChars) +
                          " characters); export CSV instead");
    }
  }
  ++rows_;
  if (!started_) {
    sample_.push_back(cells);
    if (sample_.size() >= kWidthSample) startSheet();
    return;
  }
  emitRow(cells, rows_ + 1, false);
}

void XlsxWriter::startSheet() {
  started_ = true;
  std::vector<std::size_t> widths(columns_.size(), 0);
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    widths[i] = columns_[i].type == XlsxCellType::Date ? 10 : displayWidth(columns_[i].header);
    for (const auto& row : sample_) {
      if (i < row.size()) widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
  }
  std::string head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<sheetViews><sheetView workbookViewId=\"0\">"
      "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
      "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
      "<sheetFormatPr defaultRowHeight=\"15\"/>";
  if (!columns_.empty()) {
    head += "<cols>";
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const std::size_t w = std::min<std::size_t>(60, std::max<std::size_t>(8, widths[i] + 2));
      head += "<col min=\"" + std::to_string(i + 1) + "\" max=\"" + std::to_string(i + 1) +
              "\" width=\"" + std::to_string(w) + "\" customWidth=\"1\"/>";
    }
    head += "</cols>";
  }
  head += "<sheetData>";
  spool_ << head;
  std::vector<std::string> header;
  for (const auto& c : columns_) header.push_back(c.header);
  emitRow(header, 1, true);
  for (std::size_t i = 0; i < sample_.size(); ++i) emitRow(sample_[i], i + 2, false);
  sample_.clear();
  sample_.shrink_to_fit();
}

void XlsxWriter::emitRow(const std::vector<std::string>& cells, std::size_t row, bool header) {
  const std::string r = std::to_string(row);
  std::string xml = "<row r=\"" + r + "\">";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string& v = cells[i];
    if (v.empty()) continue;
    const std::string ref = xlsxColumnName(i + 1) + r;
    const XlsxCellType type =
        header || i >= columns_.size() ? XlsxCellType::Text : columns_[i].type;
    if (type == XlsxCellType::Number && isPlainNumber(v)) {
      xml += "<c r=\"" + ref + "\"><v>" + v + "</v></c>";
      continue;
    }
    if (type == XlsxCellType::Date) {
      auto d = sdk::Date::parse(v);
      if (d && d->year >= 1901) {
        xml += "<c r=\"" + ref + "\" s=\"" + std::to_string(kStyleDate) + "\"><v>" +
               std::to_string(d->toDays() + kUnixEpoch1900) + "</v></c>";
        continue;
      }
    }
    xml += "<c r=\"" + ref + "\" t=\"inlineStr\"";
    if (header) {
      xml += " s=\"" + std::to_string(kStyleBold) + "\"";
    } else if (startsFormula(v)) {
      xml += " s=\"" + std::to_string(kStyleQuoted) + "\"";
    }
    // Excel trims a text's outer blanks unless told not to; the attribute costs
    // the reader a namespaced attribute per cell, so it is written only when needed.
    const bool blank_ends = isBlank(v.front()) || isBlank(v.back());
    xml += blank_ends ? "><is><t xml:space=\"preserve\">" : "><is><t>";
    appendEscaped(xml, v);
    xml += "</t></is></c>";
  }
  xml += "</row>";
  spool_ << xml;
}

void XlsxWriter::close() {
  if (closed_) return;
  closed_ = true;
  if (!started_) startSheet();
  spool_ << "</sheetData></worksheet>";
  spool_.close();
  if (!spool_)
    throw XlsxError("无法写入临时文件（磁盘已满？）",
                    "cannot write the temporary file (disk full?)");
  std::string sheet_name;
  appendEscaped(sheet_name, sheet_name_);
  for (std::size_t p = 0; (p = sheet_name.find('"', p)) != std::string::npos; p += 6)
    sheet_name.replace(p, 1, "&quot;");
  const std::string workbook =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<bookViews><workbookView/></bookViews><sheets><sheet name=\"" +
      sheet_name + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  try {
    Poco::Zip::Compress zip(out_, false);
    const Poco::DateTime now(2000, 1, 1);  // a fixed time: the same records give the same bytes
    auto add = [&](const std::string& name, const std::string& text) {
      std::istringstream in(text);
      zip.addFile(in, now, Poco::Path(name, Poco::Path::PATH_UNIX),
                  Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_NORMAL);
    };
    add("[Content_Types].xml", kContentTypes);
    add("_rels/.rels", kPackageRels);
    add("xl/workbook.xml", workbook);
    add("xl/_rels/workbook.xml.rels", kWorkbookRels);
    add("xl/styles.xml", kStyles);
    std::ifstream sheet(spool_path_->path(), std::ios::binary);
    zip.addFile(sheet, now, Poco::Path("xl/worksheets/sheet1.xml", Poco::Path::PATH_UNIX),
                Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_NORMAL);
    zip.close();
  } catch (const Poco::Exception& e) {
    throw XlsxError("无法写入工作簿：" + e.displayText(),
                    "cannot write the workbook: " + e.displayText());
  }
  out_.flush();
  if (!out_)
    throw XlsxError("无法写入工作簿（磁盘已满？）", "cannot write the workbook (disk full?)");
}

}  // namespace beacon::io
