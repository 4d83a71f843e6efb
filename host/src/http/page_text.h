// The web pages' fixed wording in zh-CN (default) and English: the host's
// one catalogue of labels and messages (refusal_text.h takes the field labels
// of refusals from it), as mustache data under the key "t" ({{t.plans}}) or
// one phrase by key. A phrase may hold placeholders {1}, {2} … that
// pageWord(key, english, {args}) fills. Stateless; thread-safe.
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

namespace beacon::http {

kainjow::mustache::data pageText(bool english);
// The phrase `key` in zh-CN (in English when `english`); empty when the catalogue has no such key.
std::string pageWord(const std::string& key, bool english);
// The phrase `key` with {1}, {2} … replaced by `args` in order.
std::string pageWord(const std::string& key, bool english, const std::vector<std::string>& args);
// `text` with {1}, {2} … replaced by `args` in order (a filled-in argument is not searched again).
std::string fillPlaceholders(std::string text, const std::vector<std::string>& args);

struct PagePhrase {
  const char* key;
  const char* zh;
  const char* en;
};
// Every phrase of the catalogue, in its order (for the tests).
const std::vector<PagePhrase>& pagePhrases();

}  // namespace beacon::http
