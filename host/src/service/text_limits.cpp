#include "service/text_limits.h"

#include <cstdio>

namespace beacon::service {

namespace {

const char kTooLongPrefix[] = "不得超过 ";
const char kTooLongSuffix[] = " 个字符";
const char kControlPrefix[] = "不得包含控制字符（";
const char kControlSuffix[] = "），只允许制表符和换行";
const char kBadUtf8[] = "不是有效的 UTF-8 文本";

bool startsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Decodes the code point at `i` and advances `i`; false on an invalid sequence
// (bad lead or continuation byte, overlong form, surrogate, above U+10FFFF).
bool nextCodePoint(const std::string& s, std::size_t& i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  if (b0 < 0x80) {
    cp = b0;
    ++i;
    return true;
  } else if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 1;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 2;
    cp = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 3;
    cp = b0 & 0x07;
  } else {
    return false;
  }
  for (std::size_t k = 1; k <= n; ++k) {
    if (i + k >= s.size()) return false;
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (b & 0x3F);
  }
  const char32_t min[] = {0, 0x80, 0x800, 0x10000};
  if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  i += n + 1;
  return true;
}

std::string codePointName(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

}  // namespace

const std::vector<TextLimit>& textLimits() {
  static const std::vector<TextLimit> kLimits = {
      {"organisation", "name", 200},
      {"organisation", "attributes.*", 500},
      {"plan", "title", 200},
      {"plan_version", "text", 1000000},
      {"plan_version", "author", 100},
      {"review", "reviewers", 500},
      {"review", "findings", 20000},
      {"filing", "target_body", 200},
      {"filing", "registration_no", 100},
      {"drill", "place", 200},
      {"drill", "scenario", 2000},
      {"drill", "findings", 20000},
      {"drill", "fields.*", 500},
      {"corrective_action", "description", 2000},
      {"plan_transition", "body", 200},
      {"plan_transition", "document", 500},
      {"plan_transition", "note", 2000},
      {"drill_plan", "note", 2000},
      {"drill_plan_item", "note", 500},
      {"drill_evaluation", "findings", 20000},
      {"drill_evaluation", "suggestions", 20000},
      {"drill_evaluation", "evaluator", 200},
      {"drill_evaluation", "document", 500},
  };
  return kLimits;
}

std::size_t textLimit(const std::string& record, const std::string& field) {
  for (const auto& l : textLimits()) {
    if (record != l.record) continue;
    const std::string name = l.field;
    if (name == field) return l.max_chars;
    if (endsWith(name, ".*") && startsWith(field, name.substr(0, name.size() - 1)))
      return l.max_chars;
  }
  return 0;
}

std::size_t countCharacters(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

sdk::Status checkText(const std::string& record, const std::string& field,
                      const std::string& value) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < value.size();) {
    char32_t cp = 0;
    if (!nextCodePoint(value, i, cp)) return sdk::Status::invalid(field, kBadUtf8);
    ++chars;
    const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
    if (!control || cp == '\t' || cp == '\n') continue;
    if (cp == '\r' && i < value.size() && value[i] == '\n') continue;  // CRLF line end
    return sdk::Status::invalid(field, kControlPrefix + codePointName(cp) + kControlSuffix);
  }
  const std::size_t max = textLimit(record, field);
  if (max != 0 && chars > max) {
    return sdk::Status::invalid(field, kTooLongPrefix + std::to_string(max) + kTooLongSuffix);
  }
  return sdk::Status::ok();
}

std::string localisedMessage(const std::string& message, bool english) {
  if (!english) return message;
  if (message == kBadUtf8) return "is not valid UTF-8 text";
  if (startsWith(message, kTooLongPrefix) && endsWith(message, kTooLongSuffix)) {
    const std::size_t a = sizeof kTooLongPrefix - 1, b = sizeof kTooLongSuffix - 1;
    return "must be at most " + message.substr(a, message.size() - a - b) + " characters";
  }
  if (startsWith(message, kControlPrefix) && endsWith(message, kControlSuffix)) {
    const std::size_t a = sizeof kControlPrefix - 1, b = sizeof kControlSuffix - 1;
    return "must not contain control characters (" + message.substr(a, message.size() - a - b) +
           "); only tab and line breaks are allowed";
  }
  return message;
}

}  // namespace beacon::service
