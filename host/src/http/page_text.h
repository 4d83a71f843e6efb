// The web pages' fixed wording in zh-CN (default) and English: the host's
// one catalogue of labels and messages (refusal_text.h takes the field labels
// of refusals from it), as mustache data under the key "t" ({{t.plans}}) or
// one phrase by key. Stateless; thread-safe.
#pragma once

#include <string>

#include <kainjow/mustache.hpp>

namespace beacon::http {

kainjow::mustache::data pageText(bool english);
// The phrase `key` in zh-CN (in English when `english`); empty when the catalogue has no such key.
std::string pageWord(const std::string& key, bool english);

}  // namespace beacon::http
