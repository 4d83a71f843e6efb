// CsvRowSource: the rows of one CSV file for an import (row_source.h). It
// scans the file first (size, SHA-256, encoding: csv_file_info.h), skips a
// UTF-8 byte-order mark, reads RFC 4180 records with CsvReader and decodes
// GBK files to UTF-8, and takes off the export's formula guard (csv_cell_guard.h). Places are worded 第N行，“列名”列 / line N, column X.
// Not thread-safe.
#pragma once

#include <fstream>
#include <memory>
#include <string>

#include "io/csv_file_info.h"
#include "io/gbk_decoder.h"
#include "io/row_source.h"

namespace beacon::io {

class CsvRowSource : public RowSource {
 public:
  // Throws CsvError: line 0 when the file cannot be read, the first bad
  // line when the file is damaged UTF-8.
  explicit CsvRowSource(const std::string& path);
  bool next(CsvRecord& out) override;
  std::size_t bytesRead() const override { return reader_->bytesRead() + bom_; }
  std::size_t totalBytes() const override { return info_.size; }
  std::string location(std::size_t line, const std::string& column, bool english) const override;
  const CsvFileInfo& info() const { return info_; }

 private:
  CsvFileInfo info_;
  std::ifstream in_;
  std::unique_ptr<CsvReader> reader_;
  GbkDecoder gbk_;
  std::size_t bom_ = 0;
};

}  // namespace beacon::io
