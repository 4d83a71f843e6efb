// XlsxReader: reads one worksheet of an Office Open XML workbook (.xlsx, as
// Excel, WPS and LibreOffice save it) row by row, in the shape CsvReader gives
// (CsvRecord: the sheet's 1-based row number and the cell texts), so the CSV
// importer's row checks apply unchanged. The package is opened with Poco::Zip
// and each part is pull-parsed with Poco::XML::XMLStreamParser, so memory stays
// bounded by the shared-string table and one row, whatever the sheet's size.
//
// Cell values become text as a user sees them: shared and inline strings
// (rich-text runs joined, phonetic runs dropped), numbers without float
// artefacts (integers as integers, otherwise at most 15 significant digits),
// booleans as 1/0, serial dates in a date format (built-in formats 14-17, 22,
// 27-36, 50-58, or a custom format with y/m/d) as YYYY-MM-DD in the 1900 or
// 1904 date system, formulas by their cached value. Missing cells between two
// cells (C5 after A5) are "", trailing empty cells are dropped, rows shorter
// than the first (header) row are padded to its width, and rows without any
// text are skipped like blank CSV lines.
//
// Refused with an XlsxError (zh-CN and English): a file that is not a zip, a
// zip that is not a workbook, an encrypted or legacy .xls file, a workbook
// without sheets or without the named sheet, a part whose declared or actual
// uncompressed size passes the limits (checked before and while inflating, so
// a zip bomb never expands past them), more rows than the limit, a formula
// without a cached value, an error value (#N/A ...), a cell over 1 MiB. Not
// thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "io/csv_reader.h"

namespace Poco::Zip {
class ZipArchive;
}

namespace beacon::io {

struct XlsxLimits {
  std::size_t max_rows = 1048576;                 // data and header rows (Excel's own maximum)
  std::uint64_t max_sheet_bytes = 2147483648ULL;  // the sheet part, uncompressed
  std::uint64_t max_shared_strings_bytes =
      268435456ULL;  // sharedStrings.xml, uncompressed (kept in memory)
};

// True when the file starts like a zip package (PK\3\4) or an OLE2 compound
// file (legacy .xls or an encrypted .xlsx): the import then goes to XlsxReader,
// whatever the file is called. False when it cannot be read.
bool looksLikeWorkbook(const std::string& path);

class XlsxReader {
 public:
  // Opens `path` and selects `sheet` (its name as shown on the tab) or, when
  // empty, the first sheet. Throws XlsxError.
  XlsxReader(const std::string& path, const std::string& sheet = std::string(),
             const XlsxLimits& limits = XlsxLimits());
  ~XlsxReader();
  XlsxReader(const XlsxReader&) = delete;
  XlsxReader& operator=(const XlsxReader&) = delete;

  // Reads the next non-empty row into `out`; false at the end of the sheet.
  // out.line is the sheet's row number. Throws XlsxError.
  bool next(CsvRecord& out);
  // Bytes of the file consumed so far, estimated as the inflated share of the
  // sheet times the file size (fileSize() at the end): for a progress bar.
  std::size_t bytesRead() const;
  std::size_t fileSize() const { return file_size_; }
  const std::string& sheetName() const { return sheet_name_; }
  const std::vector<std::string>& sheetNames() const { return sheet_names_; }

 private:
  class Part;
  struct Cell;
  void openPackage();
  std::uint64_t declaredSize(const std::string& name) const;
  std::unique_ptr<Part> openPart(const std::string& name, std::uint64_t limit,
                                 const std::string& what_zh, const std::string& what_en);
  std::unique_ptr<Part> openSmallPart(const std::string& name);
  void readWorkbook(const std::string& wanted);
  void readSharedStrings(const std::string& name);
  void readStyles(const std::string& name);
  bool readRow(CsvRecord& out);
  void readCell(CsvRecord& out, std::size_t row);
  std::string cellText(const std::string& ref, const std::string& type, int style,
                       const std::string& value, const std::string& inline_text, bool has_formula,
                       bool has_value, const std::string& formula) const;
  [[noreturn]] void fail(const std::string& zh, const std::string& en) const;

  std::string path_;
  XlsxLimits limits_;
  std::ifstream file_;
  std::size_t file_size_ = 0;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
  std::string sheet_name_;
  std::vector<std::string> sheet_names_;
  std::string sheet_part_;
  bool date1904_ = false;
  std::vector<std::string> shared_;
  std::vector<bool> date_styles_;  // cellXfs index -> the cell shows a date
  std::unique_ptr<Part> sheet_;
  std::uint64_t sheet_uncompressed_ = 0;
  std::size_t last_row_ = 0;
  std::size_t rows_ = 0;
  std::size_t width_ = 0;  // the first row's width
  bool done_ = false;
};

}  // namespace beacon::io
