// JsonText: JSON written straight into a string, byte for byte what
// Poco::JSON::Stringifier writes for the same values (compact, objects with
// JSON_PRESERVE_KEY_ORDER): a string that is plain printable ASCII (no
// control character, DEL, '"', '\\' or '/') is copied as it is, any other is
// escaped by Poco::toJSON as the Stringifier escapes it; integers as
// std::to_string. Keys are written unescaped: callers pass literals.
// Used where a list answer is large (GET /api/v1/drills, up to 500 items)
// instead of building Poco::JSON objects and stringifying them.
// Kept because it matters: a 500-item page (259 KB, Chinese text) costs
// 1.35 ms of CPU here against 10.96 ms built as Poco::JSON objects and
// stringified, 8.1x (bench_json_text, 2 shared cores, load 9, 2026-12-03:
// `cmake --build build -j2 --target bench_json_text && build/bin/bench_json_text`);
// the page's other work (one indexed query, labels) is smaller than the
// difference. Tests: tests/host/http/json_text_test.cpp (same bytes as the
// Stringifier on a corpus of every ASCII character, Chinese, escapes,
// integers at their limits).
// Not thread-safe; one per answer.
#pragma once

#include <string>

#include <Poco/JSONString.h>

namespace beacon::http {

class JsonText {
 public:
  std::string& str() { return out_; }
  JsonText& raw(const char* text) {
    out_ += text;
    return *this;
  }
  JsonText& key(const char* name) {
    out_ += '"';
    out_ += name;
    out_ += "\":";
    return *this;
  }
  JsonText& number(long long n) {
    out_ += std::to_string(n);
    return *this;
  }
  JsonText& boolean(bool b) {
    out_ += b ? "true" : "false";
    return *this;
  }
  JsonText& string(const std::string& s) {
    for (unsigned char c : s) {
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '/') {
        out_ += Poco::toJSON(s, Poco::JSON_WRAP_STRINGS);
        return *this;
      }
    }
    out_ += '"';
    out_ += s;
    out_ += '"';
    return *this;
  }

 private:
  std::string out_;
};

}  // namespace beacon::http
