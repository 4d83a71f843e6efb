// CsvFileInfo: what one streaming pass over a CSV file learns before it is
// parsed: its size, SHA-256, and its encoding: UTF-8 (with or without a
// byte-order mark) when every byte sequence is valid UTF-8, otherwise GBK
// (CP936, what Excel on Chinese Windows saves). A file whose text before
// the first bad byte already held several valid multi-byte UTF-8 characters
// is taken as damaged UTF-8 (BrokenUtf8) rather than decoded as GBK into
// garbage. Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <string>

namespace beacon::io {

enum class CsvEncoding { Utf8, Utf8Bom, Gbk, BrokenUtf8 };

struct CsvFileInfo {
  CsvEncoding encoding = CsvEncoding::Utf8;
  std::size_t size = 0;
  std::string sha256;             // hex
  std::size_t first_bad_utf8_line = 0;  // Gbk / BrokenUtf8: where UTF-8 decoding failed
};

// Throws CsvError (line 0) when the file cannot be read.
CsvFileInfo scanCsvFile(const std::string& path);
const char* toId(CsvEncoding encoding);

}  // namespace beacon::io
