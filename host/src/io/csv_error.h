// CsvError: a malformed CSV file or record, with the line it was found on
// already in the message ("line 17: ..."). Thrown by the reader and decoder,
// caught by the importer, which words the place itself (row_source.h) and
// uses detail(english) for the rest. Immutable; thread-safe.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace beacon::io {

class CsvError : public std::runtime_error {
 public:
  // `message_zh` is the official zh-CN wording; empty: the English one is used.
  CsvError(std::size_t line, const std::string& message, const std::string& message_zh = "")
      : std::runtime_error("line " + std::to_string(line) + ": " + message),
        line_(line),
        message_(message),
        message_zh_(message_zh.empty() ? message : message_zh) {}
  std::size_t line() const { return line_; }
  // The message without the line.
  const std::string& detail(bool english) const { return english ? message_ : message_zh_; }

 private:
  std::size_t line_;
  std::string message_;
  std::string message_zh_;
};

}  // namespace beacon::io
