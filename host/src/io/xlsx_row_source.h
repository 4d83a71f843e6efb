// XlsxRowSource: the rows of one worksheet of an .xlsx workbook for an import
// (row_source.h), read by XlsxReader. A workbook's texts are exact (the
// export marks formula-like texts with Excel's quote prefix, xlsx_writer.h),
// so nothing is taken off them. Places are worded 工作表 S，第N行，“列名”列 /
// sheet S, row N, column X. next() throws XlsxError, whose message already
// names the sheet and cell. Not thread-safe.
#pragma once

#include <string>

#include "io/row_source.h"
#include "io/xlsx_reader.h"

namespace beacon::io {

class XlsxRowSource : public RowSource {
 public:
  // Throws XlsxError when the file is not a readable workbook or has no such sheet.
  XlsxRowSource(const std::string& path, const std::string& sheet, const XlsxLimits& limits);
  bool next(CsvRecord& out) override { return reader_.next(out); }
  std::size_t bytesRead() const override { return reader_.bytesRead(); }
  std::size_t totalBytes() const override { return reader_.fileSize(); }
  std::string location(std::size_t line, const std::string& column, bool english) const override;
  const std::string& sheetName() const { return reader_.sheetName(); }
  std::string sheet() const override { return reader_.sheetName(); }
  // SHA-256 of the whole file, hex, for the import's audit entry.
  const std::string& sha256() const { return sha256_; }

 private:
  XlsxReader reader_;
  std::string sha256_;
};

}  // namespace beacon::io
