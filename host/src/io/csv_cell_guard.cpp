#include "io/csv_cell_guard.h"

namespace beacon::io {

namespace {

bool startsFormula(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// -?digits[.digits]: a number a spreadsheet reads as a number, not as a formula.
bool isPlainNumber(const std::string& s) {
  std::size_t i = s.size() > 1 && s[0] == '-' ? 1 : 0;
  const std::size_t int_start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == int_start) return false;
  if (i == s.size()) return true;
  if (s[i] != '.') return false;
  const std::size_t frac_start = ++i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i == s.size() && i > frac_start;
}

// True when `s` begins with an apostrophe that import would strip.
bool hasStrippableQuote(const std::string& s) {
  return s.size() >= 2 && s[0] == '\'' && (startsFormula(s[1]) || s[1] == '\'');
}

}  // namespace

std::string guardCell(const std::string& cell) {
  if (cell.empty()) return cell;
  if ((startsFormula(cell[0]) && !isPlainNumber(cell)) || hasStrippableQuote(cell))
    return "'" + cell;
  return cell;
}

std::string unguardCell(const std::string& cell) {
  return hasStrippableQuote(cell) ? cell.substr(1) : cell;
}

}  // namespace beacon::io
