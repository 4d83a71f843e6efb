#include "io/gbk_decoder.h"

#include <cstdio>

#include "io/csv_error.h"

namespace beacon::io {

std::string GbkDecoder::toUtf8(const std::string& in, std::size_t line) const {
  std::string out;
  out.reserve(in.size() + in.size() / 2);
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t n = in.size();
  std::size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      out += static_cast<char>(p[i++]);
      continue;
    }
    int ch = gbk_.queryConvert(p + i, 1);
    int len = 1;
    if (ch < -1) {
      len = -ch;
      if (i + static_cast<std::size_t>(len) > n) {
        throw CsvError(line, "truncated GBK character at the end of a field",
                       "字段末尾的 GBK 字符不完整");
      }
      ch = gbk_.queryConvert(p + i, len);
    }
    if (ch < 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", p[i]);
      throw CsvError(
          line,
          std::string("invalid byte ") + hex +
              ": the file is neither valid UTF-8 nor GBK; save it as UTF-8",
          std::string("无效字节 ") + hex + "：文件既不是有效的 UTF-8 也不是 GBK，请另存为 UTF-8");
    }
    unsigned char buf[8];
    const int w = utf8_.convert(ch, buf, sizeof buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(w));
    i += static_cast<std::size_t>(len);
  }
  return out;
}

}  // namespace beacon::io
