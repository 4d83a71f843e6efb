// XlsxWriter: writes a minimal Office Open XML workbook (.xlsx) with one
// sheet: a bold header row, frozen so it stays in view, column widths from the
// header and the first rows, then the data rows. Every text is an inline
// string (t="inlineStr"), so no string table is kept in memory; the rows are
// spooled to a temporary file and the package is assembled with
// Poco::Zip::Compress by close(), so memory stays bounded whatever the row
// count. Columns typed Date hold YYYY-MM-DD texts written as real date cells
// (serial numbers shown with the format yyyy-mm-dd, so Excel sorts and filters
// them as dates; XlsxReader gives the same text back); Number columns hold
// plain decimal numbers; anything else, and a value its column type cannot
// hold, is text. No cell is ever a formula: a text that begins with = + - @
// TAB or CR (csv_cell_guard.h's rule) stays the exact text and is marked with
// Excel's own quote prefix (the apostrophe Excel shows), so editing it in
// Excel does not turn it into a formula either. The same rows give the same
// bytes (the zip entries carry a fixed time). Not thread-safe.
#pragma once

#include <cstddef>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace Poco {
class TemporaryFile;
}

namespace beacon::io {

enum class XlsxCellType { Text, Number, Date };

struct XlsxColumn {
  std::string header;
  XlsxCellType type = XlsxCellType::Text;
};

class XlsxWriter {
 public:
  // Excel's limits: rows per sheet (the header included) and characters per cell.
  static constexpr std::size_t kMaxRows = 1048576;
  static constexpr std::size_t kMaxCellChars = 32767;

  // The workbook goes to `out` (seekable or not) when close() is called.
  // `sheet_name` is shown on the tab (at most 31 characters, none of []:*?/\).
  XlsxWriter(std::ostream& out, const std::string& sheet_name, std::vector<XlsxColumn> columns);
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // One data row, cells parallel to the columns. Throws XlsxError for a row
  // past Excel's row limit or a cell over its character limit.
  void writeRow(const std::vector<std::string>& cells);
  // Writes the package. REQUIRES: called once, after the last row. Throws
  // XlsxError when the output cannot be written.
  void close();
  std::size_t rows() const { return rows_; }

 private:
  void startSheet();
  void emitRow(const std::vector<std::string>& cells, std::size_t row, bool header);

  std::ostream& out_;
  std::string sheet_name_;
  std::vector<XlsxColumn> columns_;
  std::vector<std::vector<std::string>> sample_;  // rows kept until the column widths are known
  std::unique_ptr<Poco::TemporaryFile> spool_path_;
  std::ofstream spool_;
  bool started_ = false;
  bool closed_ = false;
  std::size_t rows_ = 0;
};

}  // namespace beacon::io
