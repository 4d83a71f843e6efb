#include "io/row_source.h"

namespace beacon::io {

std::string formatLocation(const std::string& sheet, std::size_t line, const std::string& column,
                           bool english) {
  std::string out;
  if (english) {
    if (!sheet.empty())
      out = "sheet " + sheet + ", row ";
    else
      out = "line ";
    out += std::to_string(line);
    if (!column.empty()) out += ", column " + column;
    return out;
  }
  if (!sheet.empty()) out = "工作表 " + sheet + "，";
  out += "第" + std::to_string(line) + "行";
  if (!column.empty()) out += "，“" + column + "”列";
  return out;
}

}  // namespace beacon::io
