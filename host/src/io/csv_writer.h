// CsvWriter: writes RFC 4180 records (CRLF line ends; fields quoted when
// they hold a comma, quote, CR or LF, or start/end with a blank) to a
// stream, optionally after a UTF-8 byte-order mark so Excel reads UTF-8.
// Not thread-safe (follows its stream).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace beacon::io {

class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  void writeBom();
  void writeRecord(const std::vector<std::string>& fields);

 private:
  std::ostream& out_;
};

}  // namespace beacon::io
