// The CLI's fixed wording in zh-CN (default) and English: the one catalogue of
// what `beacon` prints and refuses with (issue #14 §3). A phrase may hold
// placeholders {1}, {2} … that cliWord(key, english, {args}) fills with the
// http layer's fillPlaceholders (page_text.h). A record's or plugin's own two
// labels are picked with http/label_language.h. Stateless; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace beacon::app {

// The phrase `key` in zh-CN (in English when `english`); empty when the catalogue has no such key.
std::string cliWord(const std::string& key, bool english);
// The phrase `key` with {1}, {2} … replaced by `args` in order.
std::string cliWord(const std::string& key, bool english, const std::vector<std::string>& args);

struct CliPhrase {
  const char* key;
  const char* zh;
  const char* en;
};
// Every phrase of the catalogue, in its order (for the tests).
const std::vector<CliPhrase>& cliPhrases();

}  // namespace beacon::app
