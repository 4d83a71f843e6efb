#include "io/csv_reader.h"

#include "io/csv_error.h"

namespace beacon::io {

namespace {
constexpr std::size_t kBlock = 64 * 1024;
}

bool CsvReader::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  const std::size_t old = buf_.size();
  buf_.resize(old + kBlock);
  in_.read(&buf_[old], static_cast<std::streamsize>(kBlock));
  const std::size_t got = static_cast<std::size_t>(in_.gcount());
  buf_.resize(old + got);
  if (got == 0) eof_ = true;
  return got > 0;
}

bool CsvReader::next(CsvRecord& out) {
  out.fields.clear();
  // Skip blank lines.
  while (true) {
    if (pos_ >= buf_.size() && !fill()) return false;
    const char c = buf_[pos_];
    if (c == '\n') {
      ++pos_;
      ++consumed_;
      ++line_;
    } else if (c == '\r') {
      if (pos_ + 1 >= buf_.size()) fill();
      if (pos_ + 1 < buf_.size() && buf_[pos_ + 1] == '\n') {
        pos_ += 2;
        consumed_ += 2;
        ++line_;
      } else {
        break;
      }
    } else {
      break;
    }
  }
  out.line = line_;
  std::string field;
  bool quoted = false;       // inside a quoted field
  bool was_quoted = false;   // the current field was quoted and is closed
  while (true) {
    if (pos_ >= buf_.size() && !fill()) {
      if (quoted)
        throw CsvError(out.line, "unterminated quoted field (a \" is never closed)",
                       "引号字段没有结束（缺少配对的 \"）");
      out.fields.push_back(std::move(field));
      return true;
    }
    const char c = buf_[pos_++];
    ++consumed_;
    if (quoted) {
      if (c == '"') {
        if (pos_ >= buf_.size()) fill();
        if (pos_ < buf_.size() && buf_[pos_] == '"') {
          field += '"';
          ++pos_;
          ++consumed_;
        } else {
          quoted = false;
          was_quoted = true;
        }
      } else {
        if (c == '\n') ++line_;
        field += c;
      }
      continue;
    }
    if (c == ',') {
      out.fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r') {
        if (pos_ >= buf_.size()) fill();
        if (pos_ < buf_.size() && buf_[pos_] == '\n') {
          ++pos_;
          ++consumed_;
        } else {
          throw CsvError(line_, "bare carriage return outside quotes", "引号外有单独的回车符");
        }
      }
      ++line_;
      out.fields.push_back(std::move(field));
      return true;
    } else if (was_quoted) {
      throw CsvError(
          line_, "unexpected character after a closing quote (use \"\" for a quote inside a field)",
          "结束引号后有多余字符（字段内的引号应写作 \"\"）");
    } else if (c == '"' && field.empty()) {
      quoted = true;
    } else {
      field += c;
    }
  }
}

}  // namespace beacon::io
