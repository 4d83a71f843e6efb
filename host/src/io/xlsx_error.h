// XlsxError: a workbook Beacon cannot read or write as asked (not a zip, not
// an .xlsx, encrypted, too large, a formula without a saved value, a cell over
// Excel's limits ...). Carries the message in zh-CN (what(), the default) and
// in English, each already naming the sheet and cell or row where that applies.
// Thrown by XlsxReader and XlsxWriter, caught by the importer and exporter.
// Immutable; thread-safe.
#pragma once

#include <stdexcept>
#include <string>

namespace beacon::io {

class XlsxError : public std::runtime_error {
 public:
  XlsxError(const std::string& zh, const std::string& en) : std::runtime_error(zh), en_(en) {}
  std::string message(bool english) const { return english ? en_ : std::string(what()); }

 private:
  std::string en_;
};

}  // namespace beacon::io
