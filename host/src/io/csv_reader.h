// CsvReader: an RFC 4180 reader over a byte stream: comma separated,
// double-quoted fields may hold commas, CRLF/LF newlines and doubled quotes;
// records end with LF or CRLF. Works on the raw bytes, so it reads UTF-8 and
// GBK alike (no GBK byte equals '"', ',', CR or LF). Reads in 64 KiB blocks;
// memory stays bounded by the longest record. Not thread-safe.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace beacon::io {

struct CsvRecord {
  std::size_t line = 0;  // 1-based line on which the record starts
  std::vector<std::string> fields;
};

class CsvReader {
 public:
  explicit CsvReader(std::istream& in) : in_(in) {}
  // Reads the next record into `out`; false at end of input. Blank lines are
  // skipped. Throws CsvError for an unterminated quote or text after a closing quote.
  bool next(CsvRecord& out);
  std::size_t bytesRead() const { return consumed_; }

 private:
  bool fill();
  std::istream& in_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::size_t consumed_ = 0;
  std::size_t line_ = 1;
  bool eof_ = false;
};

}  // namespace beacon::io
