// Spreadsheet cell references ("C5": column letters A..XFD, then the 1-based
// row), as XlsxReader reads them and XlsxWriter writes them. Stateless;
// thread-safe.
#pragma once

#include <cstddef>
#include <string>

namespace beacon::io {

inline constexpr std::size_t kXlsxMaxColumns = 16384;  // XFD, Excel's last column

// 1 -> "A", 27 -> "AA". REQUIRES: col >= 1.
std::string xlsxColumnName(std::size_t col);
// "C5" -> column 3, row 5; false for anything else (lower case, no row, past XFD).
bool parseXlsxCellRef(const std::string& ref, std::size_t& col, std::size_t& row);

}  // namespace beacon::io
