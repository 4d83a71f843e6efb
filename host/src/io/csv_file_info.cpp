#include "io/csv_file_info.h"

#include <fstream>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include "io/csv_error.h"

namespace beacon::io {

namespace {

// Valid multi-byte UTF-8 characters seen before a bad byte that mark the
// file as damaged UTF-8: GBK text almost never forms that many by chance.
constexpr std::size_t kUtf8Evidence = 8;

// Incremental UTF-8 validity check (rejects overlongs, surrogates, > U+10FFFF).
class Utf8Checker {
 public:
  bool feed(unsigned char c) {
    if (need_ == 0) {
      if (c < 0x80) return true;
      lo_ = 0x80;
      hi_ = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        need_ = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need_ = 2;
        if (c == 0xE0) lo_ = 0xA0;
        if (c == 0xED) hi_ = 0x9F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need_ = 3;
        if (c == 0xF0) lo_ = 0x90;
        if (c == 0xF4) hi_ = 0x8F;
      } else {
        return false;
      }
      return true;
    }
    if (c < lo_ || c > hi_) return false;
    lo_ = 0x80;
    hi_ = 0xBF;
    --need_;
    return true;
  }
  bool complete() const { return need_ == 0; }
  // True when the byte just fed completed a multi-byte character.
  bool completedMultiByte(unsigned char c) const { return need_ == 0 && c >= 0x80; }

 private:
  int need_ = 0;
  unsigned char lo_ = 0x80;
  unsigned char hi_ = 0xBF;
};

}  // namespace

const char* toId(CsvEncoding e) {
  switch (e) {
    case CsvEncoding::Utf8: return "utf-8";
    case CsvEncoding::Utf8Bom: return "utf-8-bom";
    case CsvEncoding::Gbk: return "gbk";
    case CsvEncoding::BrokenUtf8: return "broken-utf-8";
  }
  return "utf-8";
}

CsvFileInfo scanCsvFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CsvError(0, "cannot open " + path);
  CsvFileInfo info;
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  Utf8Checker utf8;
  bool utf8_ok = true;
  std::size_t multibyte = 0;
  std::size_t line = 1;
  std::string buf(1 << 16, '\0');
  bool first_block = true;
  while (in) {
    in.read(&buf[0], static_cast<std::streamsize>(buf.size()));
    const std::size_t got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    sha.update(buf.data(), got);
    std::size_t start = 0;
    if (first_block && got >= 3 && static_cast<unsigned char>(buf[0]) == 0xEF &&
        static_cast<unsigned char>(buf[1]) == 0xBB && static_cast<unsigned char>(buf[2]) == 0xBF) {
      info.encoding = CsvEncoding::Utf8Bom;
      start = 3;
    }
    first_block = false;
    for (std::size_t i = start; i < got; ++i) {
      const auto c = static_cast<unsigned char>(buf[i]);
      if (utf8_ok) {
        if (!utf8.feed(c)) {
          utf8_ok = false;
          info.first_bad_utf8_line = line;
        } else if (utf8.completedMultiByte(c)) {
          ++multibyte;
        }
      }
      if (c == '\n') ++line;
    }
    info.size += got;
  }
  if (utf8_ok && !utf8.complete()) {
    utf8_ok = false;
    info.first_bad_utf8_line = line;
  }
  if (!utf8_ok) info.encoding = multibyte >= kUtf8Evidence ? CsvEncoding::BrokenUtf8 : CsvEncoding::Gbk;
  info.sha256 = Poco::DigestEngine::digestToHex(sha.digest());
  return info;
}

}  // namespace beacon::io
