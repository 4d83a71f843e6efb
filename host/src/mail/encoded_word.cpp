#include "mail/encoded_word.h"

#include <sstream>

#include <Poco/Base64Encoder.h>

namespace beacon::mail {

namespace {

constexpr std::size_t kWordBytes = 45;  // 60 base64 characters + 12 around them: 72 < 75

std::string base64(const std::string& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  encoder << bytes;
  encoder.close();
  return out.str();
}

// The length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t sequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::string encodedWords(const std::string& utf8) {
  bool ascii = true;
  for (unsigned char c : utf8) ascii = ascii && c >= 0x20 && c < 0x7F;
  if (ascii) return utf8;
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(word) + "?=";
    word.clear();
  };
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t n =
        std::min(sequenceLength(static_cast<unsigned char>(utf8[i])), utf8.size() - i);
    if (word.size() + n > kWordBytes) flush();
    word.append(utf8, i, n);
    i += n;
  }
  flush();
  return out;
}

}  // namespace beacon::mail
