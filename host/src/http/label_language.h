// LabelLanguage: the one place a page or API answer picks, by the request's
// language, between the two labels a record or plugin carries itself (an
// enum's labelZh/labelEn, a plugin's name_zh/name_en, a FieldSpec's
// label_zh/label_en). The host's own wording lives in the catalogue
// (page_text.h), never here. Stateless; thread-safe.
#pragma once

#include <string>

namespace beacon::http {

// `value`'s label (labelZh / labelEn of its own namespace, found by argument-dependent lookup).
template <class Value>
std::string labelIn(const Value& value, bool english) {
  return english ? std::string(labelEn(value)) : std::string(labelZh(value));
}

// `en` when `english`, else `zh`: the English and Chinese labels of one thing.
inline std::string inLanguage(bool english, const std::string& en, const std::string& zh) {
  return english ? en : zh;
}

// The language's code as the `lang` query parameter and the cache keys spell it: "en" or "zh".
inline const char* languageCode(bool english) { return english ? "en" : "zh"; }

}  // namespace beacon::http
