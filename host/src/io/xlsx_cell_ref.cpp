#include "io/xlsx_cell_ref.h"

namespace beacon::io {

std::string xlsxColumnName(std::size_t col) {
  std::string s;
  while (col > 0) {
    s.insert(s.begin(), static_cast<char>('A' + (col - 1) % 26));
    col = (col - 1) / 26;
  }
  return s;
}

bool parseXlsxCellRef(const std::string& ref, std::size_t& col, std::size_t& row) {
  std::size_t i = 0;
  col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    col = col * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
    if (++i > 3) return false;
  }
  if (i == 0 || i == ref.size() || col > kXlsxMaxColumns) return false;
  row = 0;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9' || row > 100000000) return false;
    row = row * 10 + static_cast<std::size_t>(ref[i] - '0');
  }
  return row > 0;
}

}  // namespace beacon::io
