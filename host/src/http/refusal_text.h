// RefusalText: the one catalogue of the host's wording for refusals (a failed
// sdk::Status or HttpError: a field and a message) in zh-CN and English, and
// the sentence a user reads. The field keeps its machine name in the API's
// "field"; the message names it by its label (a plugin's field by the
// plugin's FieldSpec label, a host field by this catalogue), in the
// request's language, with GB/T 15834 punctuation in Chinese:
// fields.hazard + "is required" → “危险源”为必填项。 / “Hazard” is required.
//
// How a message reaches the user in their language, by who writes it:
// - the web's own refusals (host/src/http) are written in the request's
//   language from the page catalogue (page_text.h, pageWord("refuse_…"));
// - services that know the request's language (plan lifecycle, record
//   corrections, the importers) write it in that language themselves;
// - everything else (the SDK's field and drill checks, plugins' validators,
//   the services' record checks, accounts, summaries, the API's English-only
//   checks) writes English, and translatedMessage() matches it against this
//   file's English patterns, in order, the first match winning ("{}" is any
//   text, kept as it is in the Chinese wording: codes, names, numbers);
// - a message already in Chinese keeps its words.
// The test table tests/host/http/refusal_catalogue_test.cpp lists every English
// message a web user can meet; a new one without a pattern fails it.
// Immutable tables built once; thread-safe.

#pragma once

#include <string>

#include "plugins/plugin_registry.h"

namespace beacon::http {

// The label of `field` ("fields.hazard", "target_body"); empty when the catalogue has none.
std::string fieldLabel(const plugins::PluginRegistry& plugins, const std::string& field,
                       bool english);

// `message` in Chinese (or English when `english`), from the catalogue when it knows the wording.
std::string translatedMessage(const std::string& message, bool english);

// The sentence for a refusal of `field` (may be empty) with `message`, as described above.
std::string refusalSentence(const plugins::PluginRegistry& plugins, const std::string& field,
                            const std::string& message, bool english);

}  // namespace beacon::http
