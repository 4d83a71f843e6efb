#include "io/xlsx_row_source.h"

#include "io/csv_file_info.h"

namespace beacon::io {

XlsxRowSource::XlsxRowSource(const std::string& path, const std::string& sheet,
                             const XlsxLimits& limits)
    : reader_(path, sheet, limits), sha256_(scanCsvFile(path).sha256) {}

std::string XlsxRowSource::location(std::size_t line, const std::string& column,
                                    bool english) const {
  return formatLocation(reader_.sheetName(), line, column, english);
}

}  // namespace beacon::io
