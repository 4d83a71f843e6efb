#include "render/markdown_escape.h"

#include <cctype>
#include <cstring>

namespace beacon::render {

namespace {

bool isEntityStart(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '#'; }

}  // namespace

std::string markdownEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  // Markup that only counts at the start of a line: the value may begin one.
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  const bool list_number =
      digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')') &&
      (digits + 1 == text.size() || text[digits + 1] == ' ' || text[digits + 1] == '\t');
  if (!text.empty() && std::strchr("#-+=", text[0]) != nullptr)
    out += '\\';  // '>' becomes &gt; below
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;  // CRLF: one space
    if (c == '\r' || c == '\n' || c == '\t') {
      out += ' ';
    } else if (u < 0x20 || u == 0x7f) {
      continue;
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&' && i + 1 < text.size() && isEntityStart(text[i + 1])) {
      out += "&amp;";
    } else if (std::strchr("\\`*_[]|~", c) != nullptr) {
      out += '\\';
      out += c;
    } else if (list_number && i == digits) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace beacon::render
