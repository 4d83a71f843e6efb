#include "io/csv_row_source.h"

#include "io/csv_cell_guard.h"
#include "io/csv_error.h"

namespace beacon::io {

CsvRowSource::CsvRowSource(const std::string& path) : info_(scanCsvFile(path)) {
  if (info_.encoding == CsvEncoding::BrokenUtf8) {
    throw CsvError(
        info_.first_bad_utf8_line,
        "invalid UTF-8 byte sequence (the file is otherwise UTF-8); nothing was imported",
        "UTF-8 字节序列无效（文件其余部分为 UTF-8），未导入任何记录");
  }
  in_.open(path, std::ios::binary);
  if (!in_) throw CsvError(0, "cannot open " + path, "无法打开 " + path);
  if (info_.encoding == CsvEncoding::Utf8Bom) {
    in_.seekg(3);
    bom_ = 3;
  }
  reader_ = std::make_unique<CsvReader>(in_);
}

bool CsvRowSource::next(CsvRecord& out) {
  if (!reader_->next(out)) return false;
  if (info_.encoding == CsvEncoding::Gbk) {
    for (auto& f : out.fields) f = gbk_.toUtf8(f, out.line);
  }
  for (auto& f : out.fields) f = unguardCell(f);  // the export's formula guard (csv_cell_guard.h)
  return true;
}

std::string CsvRowSource::location(std::size_t line, const std::string& column,
                                   bool english) const {
  return formatLocation("", line, column, english);
}

}  // namespace beacon::io
