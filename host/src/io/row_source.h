// RowSource: where an import's rows come from (a CSV file, an .xlsx sheet):
// the header first, then one record per data row, each with the line (row)
// it starts on, and how an error names a place in it. The import kinds see
// only this interface, so a new file format plugs in without touching them.
// formatLocation() is the one wording every source uses:
//   zh-CN: 第17行，“演练日期”列 / 工作表 演练，第17行，“演练日期”列
//   en:    line 17, column 演练日期 / sheet 演练, row 17, column 演练日期
// Implementations are not thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include "io/csv_reader.h"

namespace beacon::io {

class RowSource {
 public:
  virtual ~RowSource() = default;
  // Reads the next non-blank record (fields already UTF-8); false at the end.
  // Throws RowError (csv_error.h) for input that cannot be read.
  virtual bool next(CsvRecord& out) = 0;
  // Input consumed so far and in all, for a progress bar.
  virtual std::size_t bytesRead() const = 0;
  virtual std::size_t totalBytes() const = 0;
  // The place of `line` (and `column`, a header as written, when not empty).
  virtual std::string location(std::size_t line, const std::string& column, bool english) const = 0;
  // The worksheet the rows come from ("" for a CSV file).
  virtual std::string sheet() const { return std::string(); }
};

// The wording of a place: `sheet` empty for a CSV file, `column` empty for a whole row.
std::string formatLocation(const std::string& sheet, std::size_t line, const std::string& column,
                           bool english);

}  // namespace beacon::io
