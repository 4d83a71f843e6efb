// GbkDecoder: converts GBK (CP936) text to UTF-8 with Poco::Windows936Encoding,
// refusing invalid byte sequences instead of replacing them, so an error
// can name the line. Immutable after construction; safe to share between threads.
#pragma once

#include <cstddef>
#include <string>

#include <Poco/UTF8Encoding.h>
#include <Poco/Windows936Encoding.h>

namespace beacon::io {

class GbkDecoder {
 public:
  // Throws CsvError naming `line` on an invalid or truncated sequence.
  std::string toUtf8(const std::string& gbk, std::size_t line) const;

 private:
  Poco::Windows936Encoding gbk_;
  Poco::UTF8Encoding utf8_;
};

}  // namespace beacon::io
