// CsvError: a malformed CSV file or record, with the line it was found on
// already in the message ("line 17: ..."). Thrown by the reader and decoder,
// caught by the importer. Immutable; thread-safe.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace beacon::io {

class CsvError : public std::runtime_error {
 public:
  CsvError(std::size_t line, const std::string& message)
      : std::runtime_error("line " + std::to_string(line) + ": " + message), line_(line) {}
  std::size_t line() const { return line_; }

 private:
  std::size_t line_;
};

}  // namespace beacon::io
